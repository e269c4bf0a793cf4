package io.liquid5gc.sbi.smf;

/**
 * UP Transport Layer Information (TS 38.413 9.3.2.2): GTP tunnel endpoint, the transport address (IPv4 dotted) and the
 * GTP-TEID as 8 hex digits.
 */
public record UpTransportLayerInformation(String transportLayerAddress, String gtpTeid) {

    public UpTransportLayerInformation {
        if (gtpTeid != null && !gtpTeid.matches("[0-9a-fA-F]{8}")) {
            throw new IllegalArgumentException("gtpTeid must be 8 hex digits: " + gtpTeid);
        }
    }

    public static UpTransportLayerInformation of(String address, long teid) {
        return new UpTransportLayerInformation(address, String.format("%08x", teid));
    }

    public long teid() {
        return Long.parseLong(gtpTeid, 16);
    }
}
