package io.liquid5gc.sbi.amf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event of a UE, from the proxy (the N1/N2 termination) to an AMF function: either an uplink 5GMM message
 * ({@code message}, decoded and, when protected, verified and deciphered) or a UE-associated N2 event
 * ({@code n2Event}: a gNB's answer or request about this UE). {@code ueContextId} keys the UE context in the store
 * (the AMF UE NGAP ID the UE first got); {@code integrityVerified} is true when the NAS message arrived integrity
 * protected and its MAC was verified with the current NAS security context.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UeRequest(String ueContextId, UeLocation location, boolean integrityVerified, UplinkNas message, UeN2Event n2Event) {

    public UeRequest(String ueContextId, UeLocation location, boolean integrityVerified, UplinkNas message) {
        this(ueContextId, location, integrityVerified, message, null);
    }

    public static UeRequest n2(String ueContextId, UeLocation location, UeN2Event event) {
        return new UeRequest(ueContextId, location, false, null, event);
    }
}
