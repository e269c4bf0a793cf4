package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.27 Security Indication; the maximum integrity protected data rate may be null. */
public record SecurityIndication(ProtectionIndication integrity, ProtectionIndication confidentiality,
                                 MaximumIntegrityProtectedDataRate maximumIntegrityProtectedDataRateUl) {
}
