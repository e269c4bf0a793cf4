package io.liquid5gc.ngap.ie;

/**
 * A protocol IE that is carried but not interpreted (TS 38.413 9.2 / ASN.1 ProtocolIE-Field): kept as id,
 * criticality and the open-type contents so that re-encoding is lossless.
 */
public record RawIe(int id, Criticality criticality, Octets value) {
}
