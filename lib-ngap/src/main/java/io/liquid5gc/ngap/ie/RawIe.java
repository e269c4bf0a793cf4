package io.liquid5gc.ngap.ie;

/**
 * A protocol IE that is carried but not interpreted (TS 38.413 9.2 / ASN.1 ProtocolIE-Field): kept as id,
 * criticality and the open-type contents so that re-encoding is lossless.
 */
public record RawIe(int id, Criticality criticality, Octets value) {
    public RawIe {
        if (id < 0 || id > 65535 || criticality == null || value.length() == 0) {
            throw new IllegalArgumentException("IE id 0..65535, a criticality and a non-empty value (X.691 10.2.2)");
        }
    }
}
