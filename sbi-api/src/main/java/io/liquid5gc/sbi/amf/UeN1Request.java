package io.liquid5gc.sbi.amf;

/**
 * One uplink 5GMM message of a UE, from the proxy to an AMF function. {@code ueContextId} keys the UE context in
 * the store (the proxy's AMF UE NGAP ID); {@code integrityVerified} is true when the message arrived integrity
 * protected and the MAC was verified with the current NAS security context.
 */
public record UeN1Request(String ueContextId, UeLocation location, boolean integrityVerified, UplinkNas message) {
}
