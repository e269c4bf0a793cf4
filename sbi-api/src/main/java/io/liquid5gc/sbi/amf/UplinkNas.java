package io.liquid5gc.sbi.amf;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/**
 * The uplink 5GMM messages the proxy hands to the AMF's functions, decoded and (when protected) verified and
 * deciphered: the content of TS 24.501 8.2, never bytes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "messageType")
@JsonSubTypes({
        @JsonSubTypes.Type(value = UplinkNas.RegistrationRequest.class, name = "REGISTRATION_REQUEST"),
        @JsonSubTypes.Type(value = UplinkNas.IdentityResponse.class, name = "IDENTITY_RESPONSE"),
        @JsonSubTypes.Type(value = UplinkNas.AuthenticationResponse.class, name = "AUTHENTICATION_RESPONSE"),
        @JsonSubTypes.Type(value = UplinkNas.AuthenticationFailure.class, name = "AUTHENTICATION_FAILURE"),
        @JsonSubTypes.Type(value = UplinkNas.SecurityModeComplete.class, name = "SECURITY_MODE_COMPLETE"),
        @JsonSubTypes.Type(value = UplinkNas.SecurityModeReject.class, name = "SECURITY_MODE_REJECT"),
        @JsonSubTypes.Type(value = UplinkNas.RegistrationComplete.class, name = "REGISTRATION_COMPLETE"),
        @JsonSubTypes.Type(value = UplinkNas.DeregistrationRequest.class, name = "DEREGISTRATION_REQUEST"),
        @JsonSubTypes.Type(value = UplinkNas.DeregistrationAccept.class, name = "DEREGISTRATION_ACCEPT"),
        @JsonSubTypes.Type(value = UplinkNas.ServiceRequest.class, name = "SERVICE_REQUEST"),
        @JsonSubTypes.Type(value = UplinkNas.UlNasTransport.class, name = "UL_NAS_TRANSPORT")})
public sealed interface UplinkNas {

    /**
     * TS 24.501 8.2.6. {@code registrationType} and {@code followOnRequest}: the 5GS registration type IE (9.11.3.7);
     * {@code ngKsi} 7 = no key available.
     */
    record RegistrationRequest(RegistrationType registrationType, boolean followOnRequest, int ngKsi, MobileIdentity identity,
                               UeSecurityCapability ueSecurityCapability, List<Snssai> requestedNssai) implements UplinkNas {
        public RegistrationRequest {
            requestedNssai = requestedNssai == null ? List.of() : List.copyOf(requestedNssai);
        }
    }

    /** TS 24.501 8.2.22. */
    record IdentityResponse(MobileIdentity identity) implements UplinkNas {
    }

    /** TS 24.501 8.2.2: RES* (hex). */
    record AuthenticationResponse(String resStar) implements UplinkNas {
    }

    /** TS 24.501 8.2.4: 5GMM cause (#20 MAC failure, #21 synch failure, #26 non-5G authentication unacceptable) and AUTS (hex) for #21. */
    record AuthenticationFailure(int cause, String auts) implements UplinkNas {
    }

    /** TS 24.501 8.2.26. {@code imeisv} when requested; {@code registrationRequest} when the UE re-sent it in full in the NAS message container. */
    record SecurityModeComplete(MobileIdentity imeisv, RegistrationRequest registrationRequest) implements UplinkNas {
    }

    /** TS 24.501 8.2.27. */
    record SecurityModeReject(int cause) implements UplinkNas {
    }

    /** TS 24.501 8.2.8. */
    record RegistrationComplete() implements UplinkNas {
    }

    /**
     * TS 24.501 8.2.12, UE-originating de-registration: {@code switchOff} (no accept expected) and the access type of
     * the de-registration type IE (9.11.3.20), ngKSI and the UE's identity (5G-GUTI or SUCI).
     */
    record DeregistrationRequest(boolean switchOff, DeregistrationAccessType accessType, int ngKsi, MobileIdentity identity) implements UplinkNas {
    }

    /** TS 24.501 8.2.15: the UE accepts a network-initiated de-registration. */
    record DeregistrationAccept() implements UplinkNas {
    }

    /**
     * TS 24.501 8.2.16. {@code serviceType} (9.11.3.50); the UE's 5G-S-TMSI; the PDU sessions with uplink data pending and those the UE still has (null when absent).
     */
    record ServiceRequest(ServiceType serviceType, int ngKsi, MobileIdentity sTmsi, List<Integer> uplinkDataStatus,
                          List<Integer> pduSessionStatus) implements UplinkNas {
    }

    /**
     * TS 24.501 8.2.10 with an N1 SM container: the PDU session id, request type (INITIAL_REQUEST, EXISTING_PDU_SESSION,
     * ...), the S-NSSAI and DNN when given, and the 5GSM message inside, decoded.
     */
    record UlNasTransport(int pduSessionId, String requestType, Snssai sNssai, String dnn, UplinkSm sm) implements UplinkNas {
    }
}
