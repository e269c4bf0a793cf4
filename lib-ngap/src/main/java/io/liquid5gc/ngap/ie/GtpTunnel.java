package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.2.2 UP Transport Layer Information, GTP tunnel alternative: address and GTP-TEID (4 octets). */
public record GtpTunnel(TransportLayerAddress address, int teid) {
}
