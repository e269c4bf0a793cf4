package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.59 Security Result. */
public record SecurityResult(ProtectionResult integrity, ProtectionResult confidentiality) {
}
