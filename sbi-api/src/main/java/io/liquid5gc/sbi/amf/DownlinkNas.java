package io.liquid5gc.sbi.amf;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/** The downlink 5GMM messages the AMF's functions ask the proxy to send (TS 24.501 8.2), as content. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "messageType")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DownlinkNas.AuthenticationRequest.class, name = "AUTHENTICATION_REQUEST"),
        @JsonSubTypes.Type(value = DownlinkNas.AuthenticationReject.class, name = "AUTHENTICATION_REJECT"),
        @JsonSubTypes.Type(value = DownlinkNas.IdentityRequest.class, name = "IDENTITY_REQUEST"),
        @JsonSubTypes.Type(value = DownlinkNas.SecurityModeCommand.class, name = "SECURITY_MODE_COMMAND"),
        @JsonSubTypes.Type(value = DownlinkNas.RegistrationAccept.class, name = "REGISTRATION_ACCEPT"),
        @JsonSubTypes.Type(value = DownlinkNas.RegistrationReject.class, name = "REGISTRATION_REJECT"),
        @JsonSubTypes.Type(value = DownlinkNas.DeregistrationAccept.class, name = "DEREGISTRATION_ACCEPT"),
        @JsonSubTypes.Type(value = DownlinkNas.DeregistrationRequest.class, name = "DEREGISTRATION_REQUEST"),
        @JsonSubTypes.Type(value = DownlinkNas.ServiceAccept.class, name = "SERVICE_ACCEPT"),
        @JsonSubTypes.Type(value = DownlinkNas.ServiceReject.class, name = "SERVICE_REJECT"),
        @JsonSubTypes.Type(value = DownlinkNas.DlNasTransport.class, name = "DL_NAS_TRANSPORT")})
public sealed interface DownlinkNas {

    /** TS 24.501 8.2.1: ngKSI, ABBA, RAND and AUTN (hex). */
    record AuthenticationRequest(int ngKsi, String abba, String rand, String autn) implements DownlinkNas {
    }

    /** TS 24.501 8.2.5. */
    record AuthenticationReject() implements DownlinkNas {
    }

    /** TS 24.501 8.2.21: the identity type asked (SUCI, IMEI, IMEISV...). */
    record IdentityRequest(MobileIdentity.Type identityType) implements DownlinkNas {
    }

    /**
     * TS 24.501 8.2.25: selected algorithms (NEA and NIA identities 0..7), ngKSI, the UE's security capability
     * replayed, whether IMEISV is requested, ABBA (hex).
     */
    record SecurityModeCommand(int cipheringAlgorithm, int integrityAlgorithm, int ngKsi,
                               UeSecurityCapability replayedUeSecurityCapability, boolean imeisvRequest, String abba)
            implements DownlinkNas {
    }

    /** A tracking area identity. */
    record Tai(PlmnId plmn, int tac) {
    }

    /**
     * TS 24.501 8.2.7: registration result (3GPP access), the new 5G-GUTI (null when the UE keeps its own: then no
     * Registration Complete follows), TAI list, allowed NSSAI, T3512 in seconds, and the rejected NSSAI with causes
     * (9.11.3.46).
     */
    record RegistrationAccept(MobileIdentity guti, List<Tai> taiList, List<Snssai> allowedNssai, int t3512Seconds,
                              List<RejectedSnssai> rejectedNssai) implements DownlinkNas {
        public RegistrationAccept {
            taiList = List.copyOf(taiList);
            allowedNssai = List.copyOf(allowedNssai);
            rejectedNssai = rejectedNssai == null ? List.of() : List.copyOf(rejectedNssai);
        }

        public RegistrationAccept(MobileIdentity guti, List<Tai> taiList, List<Snssai> allowedNssai, int t3512Seconds) {
            this(guti, taiList, allowedNssai, t3512Seconds, List.of());
        }
    }

    /**
     * A rejected S-NSSAI with its cause (TS 24.501 9.11.3.46): 0 not available in the current PLMN, 1 not available in
     * the current registration area, 3 maximum number of UEs reached.
     */
    record RejectedSnssai(Snssai snssai, int cause) {
        public static final int NOT_AVAILABLE_IN_PLMN = 0;
        public static final int NOT_AVAILABLE_IN_REGISTRATION_AREA = 1;
        public static final int MAXIMUM_NUMBER_OF_UES_REACHED = 3;
    }

    /** TS 24.501 8.2.9 with its 5GMM cause (TS 24.501 9.11.3.2). */
    record RegistrationReject(int cause) implements DownlinkNas {
    }

    /** TS 24.501 8.2.13: the network accepts a UE-originating de-registration. */
    record DeregistrationAccept() implements DownlinkNas {
    }

    /** TS 24.501 8.2.14, network-initiated: whether the UE is to register again, and the 5GMM cause (0 = none). */
    record DeregistrationRequest(boolean reRegistrationRequired, int cause) implements DownlinkNas {
    }

    /**
     * TS 24.501 8.2.17: the PDU sessions the network has, and (PDU session reactivation result, 9.11.3.42) those of the
     * UE's uplink data status whose user plane could not be re-established; null when absent.
     */
    record ServiceAccept(List<Integer> pduSessionStatus, List<Integer> reactivationResult) implements DownlinkNas {
        public ServiceAccept {
            pduSessionStatus = pduSessionStatus == null ? null : List.copyOf(pduSessionStatus);
            reactivationResult = reactivationResult == null ? null : List.copyOf(reactivationResult);
        }
    }

    /** TS 24.501 8.2.18 with its 5GMM cause. */
    record ServiceReject(int cause) implements DownlinkNas {
    }

    /**
     * TS 24.501 8.2.11 with an N1 SM container for {@code pduSessionId}: the 5GSM message, or none with a 5GMM cause
     * when the AMF could not forward the UE's 5GSM message (TS 24.501 5.4.5.2.5, e.g. #90 payload was not forwarded).
     */
    record DlNasTransport(int pduSessionId, DownlinkSm sm, Integer gmmCause) implements DownlinkNas {
    }
}
