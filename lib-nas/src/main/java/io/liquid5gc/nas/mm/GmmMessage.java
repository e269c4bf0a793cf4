package io.liquid5gc.nas.mm;

import io.liquid5gc.nas.NasMessage;
import io.liquid5gc.nas.codec.RawIe;
import io.liquid5gc.nas.ie.DeregistrationType;
import io.liquid5gc.nas.ie.GprsTimer;
import io.liquid5gc.nas.ie.GprsTimer3;
import io.liquid5gc.nas.ie.IdentityType;
import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.ie.NasSecurityAlgorithms;
import io.liquid5gc.nas.ie.NgKsi;
import io.liquid5gc.nas.ie.Nssai;
import io.liquid5gc.nas.ie.Octets;
import io.liquid5gc.nas.ie.PayloadContainerType;
import io.liquid5gc.nas.ie.PduSessionBitmap;
import io.liquid5gc.nas.ie.PlmnId;
import io.liquid5gc.nas.ie.RegistrationResult;
import io.liquid5gc.nas.ie.RegistrationType;
import io.liquid5gc.nas.ie.RequestType;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.ie.ServiceType;
import io.liquid5gc.nas.ie.Tai;
import io.liquid5gc.nas.ie.TaiList;
import io.liquid5gc.nas.ie.Dnn;
import io.liquid5gc.nas.ie.UeSecurityCapability;
import java.util.List;

/**
 * Plain 5GMM messages, TS 24.501 clause 8.2. Mandatory IEs are non-null; optional IEs are null
 * (or -1 for half-octet values) when absent. Optional IEs the core does not interpret are kept in
 * {@code otherIes} so re-encoding is lossless. Byte arrays are not copied: treat them as immutable.
 */
public sealed interface GmmMessage extends NasMessage {

    GmmMessageType type();

    @Override
    default int messageTypeCode() {
        return type().code;
    }

    /** TS 24.501 8.2.6. */
    record RegistrationRequest(RegistrationType registrationType, NgKsi ngKsi, MobileIdentity mobileIdentity,
                               NgKsi nonCurrentNativeNgKsi, Octets gmmCapability,
                               UeSecurityCapability ueSecurityCapability, Nssai requestedNssai, Tai lastVisitedTai,
                               PduSessionBitmap uplinkDataStatus, PduSessionBitmap pduSessionStatus,
                               MobileIdentity additionalGuti, PduSessionBitmap allowedPduSessionStatus,
                               Integer uesUsageSetting, Octets nasMessageContainer, List<RawIe> otherIes)
            implements GmmMessage {
        public RegistrationRequest {
            otherIes = List.copyOf(otherIes);
        }

        /** An initial registration with the usual optional IEs. */
        public static RegistrationRequest initial(MobileIdentity identity, NgKsi ngKsi, UeSecurityCapability cap,
                                                  Nssai requestedNssai) {
            return new RegistrationRequest(new RegistrationType(true, RegistrationType.Value.INITIAL), ngKsi, identity,
                    null, null, cap, requestedNssai, null, null, null, null, null, null, null, List.of());
        }

        public GmmMessageType type() {
            return GmmMessageType.REGISTRATION_REQUEST;
        }
    }

    /** TS 24.501 8.2.7. */
    record RegistrationAccept(RegistrationResult registrationResult, MobileIdentity guti, List<PlmnId> equivalentPlmns,
                              TaiList taiList, Nssai allowedNssai, Nssai configuredNssai,
                              Octets networkFeatureSupport, PduSessionBitmap pduSessionStatus,
                              PduSessionBitmap pduSessionReactivationResult, GprsTimer3 t3512, GprsTimer t3502,
                              Octets eapMessage, List<RawIe> otherIes) implements GmmMessage {
        public RegistrationAccept {
            otherIes = List.copyOf(otherIes);
            equivalentPlmns = equivalentPlmns == null ? null : List.copyOf(equivalentPlmns);
        }

        public GmmMessageType type() {
            return GmmMessageType.REGISTRATION_ACCEPT;
        }
    }

    /** TS 24.501 8.2.8. */
    record RegistrationComplete(Octets sorTransparentContainer, List<RawIe> otherIes) implements GmmMessage {
        public RegistrationComplete {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.REGISTRATION_COMPLETE;
        }
    }

    /** TS 24.501 8.2.9. */
    record RegistrationReject(GmmCause cause, GprsTimer t3346, GprsTimer t3502, Octets eapMessage,
                              List<RawIe> otherIes) implements GmmMessage {
        public RegistrationReject {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.REGISTRATION_REJECT;
        }
    }

    /** TS 24.501 8.2.12 (UE-originating de-registration request). */
    record DeregistrationRequestUeOriginating(DeregistrationType deregistrationType, NgKsi ngKsi,
                                              MobileIdentity mobileIdentity, List<RawIe> otherIes) implements GmmMessage {
        public DeregistrationRequestUeOriginating {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.DEREGISTRATION_REQUEST_UE_ORIGINATING;
        }
    }

    /** TS 24.501 8.2.13. */
    record DeregistrationAcceptUeOriginating(List<RawIe> otherIes) implements GmmMessage {
        public DeregistrationAcceptUeOriginating {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.DEREGISTRATION_ACCEPT_UE_ORIGINATING;
        }
    }

    /** TS 24.501 8.2.14 (UE-terminated de-registration request). */
    record DeregistrationRequestUeTerminated(DeregistrationType deregistrationType, GmmCause cause, GprsTimer t3346,
                                             List<RawIe> otherIes) implements GmmMessage {
        public DeregistrationRequestUeTerminated {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.DEREGISTRATION_REQUEST_UE_TERMINATED;
        }
    }

    /** TS 24.501 8.2.15. */
    record DeregistrationAcceptUeTerminated(List<RawIe> otherIes) implements GmmMessage {
        public DeregistrationAcceptUeTerminated {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.DEREGISTRATION_ACCEPT_UE_TERMINATED;
        }
    }

    /** TS 24.501 8.2.16. The identity must be a 5G-S-TMSI. */
    record ServiceRequest(NgKsi ngKsi, ServiceType serviceType, MobileIdentity.STmsi sTmsi,
                          PduSessionBitmap uplinkDataStatus, PduSessionBitmap pduSessionStatus,
                          PduSessionBitmap allowedPduSessionStatus, Octets nasMessageContainer,
                          List<RawIe> otherIes) implements GmmMessage {
        public ServiceRequest {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.SERVICE_REQUEST;
        }
    }

    /** TS 24.501 8.2.17. */
    record ServiceAccept(PduSessionBitmap pduSessionStatus, PduSessionBitmap pduSessionReactivationResult,
                         Octets eapMessage, List<RawIe> otherIes) implements GmmMessage {
        public ServiceAccept {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.SERVICE_ACCEPT;
        }
    }

    /** TS 24.501 8.2.18. */
    record ServiceReject(GmmCause cause, PduSessionBitmap pduSessionStatus, GprsTimer t3346, Octets eapMessage,
                         List<RawIe> otherIes) implements GmmMessage {
        public ServiceReject {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.SERVICE_REJECT;
        }
    }

    /** TS 24.501 8.2.19. */
    record ConfigurationUpdateCommand(int configurationUpdateIndication, MobileIdentity guti, TaiList taiList,
                                      Nssai allowedNssai, Octets fullNameForNetwork, Octets shortNameForNetwork,
                                      Integer localTimeZone, byte[] universalTimeAndLocalTimeZone,
                                      Octets networkDaylightSavingTime, Nssai configuredNssai,
                                      List<RawIe> otherIes) implements GmmMessage {
        public ConfigurationUpdateCommand {
            otherIes = List.copyOf(otherIes);
            if (universalTimeAndLocalTimeZone != null && universalTimeAndLocalTimeZone.length != 7) {
                throw new IllegalArgumentException("universal time and local time zone is 7 octets");
            }
        }

        public GmmMessageType type() {
            return GmmMessageType.CONFIGURATION_UPDATE_COMMAND;
        }
    }

    /** TS 24.501 8.2.20. */
    record ConfigurationUpdateComplete(List<RawIe> otherIes) implements GmmMessage {
        public ConfigurationUpdateComplete {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.CONFIGURATION_UPDATE_COMPLETE;
        }
    }

    /** TS 24.501 8.2.1. {@code rand} is 16 octets, {@code autn} 16 octets. */
    record AuthenticationRequest(NgKsi ngKsi, Octets abba, byte[] rand, byte[] autn, Octets eapMessage,
                                 List<RawIe> otherIes) implements GmmMessage {
        public AuthenticationRequest {
            otherIes = List.copyOf(otherIes);
            if ((rand != null && rand.length != 16) || (autn != null && autn.length != 16)) {
                throw new IllegalArgumentException("RAND and AUTN are 16 octets");
            }
        }

        public GmmMessageType type() {
            return GmmMessageType.AUTHENTICATION_REQUEST;
        }
    }

    /** TS 24.501 8.2.2. {@code resStar} is the authentication response parameter (RES*, 16 octets). */
    record AuthenticationResponse(byte[] resStar, Octets eapMessage, List<RawIe> otherIes) implements GmmMessage {
        public AuthenticationResponse {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.AUTHENTICATION_RESPONSE;
        }
    }

    /** TS 24.501 8.2.5. */
    record AuthenticationReject(Octets eapMessage, List<RawIe> otherIes) implements GmmMessage {
        public AuthenticationReject {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.AUTHENTICATION_REJECT;
        }
    }

    /** TS 24.501 8.2.4. {@code auts} is the authentication failure parameter (14 octets, cause #21). */
    record AuthenticationFailure(GmmCause cause, byte[] auts, List<RawIe> otherIes) implements GmmMessage {
        public AuthenticationFailure {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.AUTHENTICATION_FAILURE;
        }
    }

    /** TS 24.501 8.2.3. */
    record AuthenticationResult(NgKsi ngKsi, Octets eapMessage, Octets abba, List<RawIe> otherIes)
            implements GmmMessage {
        public AuthenticationResult {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.AUTHENTICATION_RESULT;
        }
    }

    /** TS 24.501 8.2.21. */
    record IdentityRequest(IdentityType identityType) implements GmmMessage {
        public GmmMessageType type() {
            return GmmMessageType.IDENTITY_REQUEST;
        }
    }

    /** TS 24.501 8.2.22. */
    record IdentityResponse(MobileIdentity mobileIdentity, List<RawIe> otherIes) implements GmmMessage {
        public IdentityResponse {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.IDENTITY_RESPONSE;
        }
    }

    /**
     * TS 24.501 8.2.25. {@code imeisvRequest} is the half-octet value (1 = requested) or -1;
     * {@code selectedEpsAlgorithms} the octet of 9.11.3.25 or null.
     */
    record SecurityModeCommand(NasSecurityAlgorithms algorithms, NgKsi ngKsi,
                               UeSecurityCapability replayedUeSecurityCapability, int imeisvRequest,
                               Integer selectedEpsAlgorithms, Octets additional5gSecurityInformation,
                               Octets eapMessage, Octets abba, Octets replayedS1UeSecurityCapability,
                               List<RawIe> otherIes) implements GmmMessage {
        public SecurityModeCommand {
            otherIes = List.copyOf(otherIes);
        }

        public boolean requestsImeisv() {
            return imeisvRequest == 1;
        }

        public GmmMessageType type() {
            return GmmMessageType.SECURITY_MODE_COMMAND;
        }
    }

    /** TS 24.501 8.2.26. */
    record SecurityModeComplete(MobileIdentity imeisv, Octets nasMessageContainer, List<RawIe> otherIes)
            implements GmmMessage {
        public SecurityModeComplete {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.SECURITY_MODE_COMPLETE;
        }
    }

    /** TS 24.501 8.2.27. */
    record SecurityModeReject(GmmCause cause, List<RawIe> otherIes) implements GmmMessage {
        public SecurityModeReject {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.SECURITY_MODE_REJECT;
        }
    }

    /** TS 24.501 8.2.29. */
    record GmmStatus(GmmCause cause) implements GmmMessage {
        public GmmMessageType type() {
            return GmmMessageType.GMM_STATUS;
        }
    }

    /** TS 24.501 8.2.23. {@code accessType} 1 = 3GPP, 2 = non-3GPP. */
    record Notification(int accessType) implements GmmMessage {
        public GmmMessageType type() {
            return GmmMessageType.NOTIFICATION;
        }
    }

    /** TS 24.501 8.2.24. */
    record NotificationResponse(PduSessionBitmap pduSessionStatus, List<RawIe> otherIes) implements GmmMessage {
        public NotificationResponse {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.NOTIFICATION_RESPONSE;
        }
    }

    /** TS 24.501 8.2.10. {@code requestType} is null when absent. */
    record UlNasTransport(PayloadContainerType payloadContainerType, byte[] payloadContainer, Integer pduSessionId,
                          Integer oldPduSessionId, RequestType requestType, SNssai sNssai, Dnn dnn,
                          Octets additionalInformation, List<RawIe> otherIes) implements GmmMessage {
        public UlNasTransport {
            otherIes = List.copyOf(otherIes);
        }

        /** An N1 SM container carrying a 5GSM message for {@code pduSessionId}. */
        public static UlNasTransport n1Sm(byte[] smMessage, int pduSessionId, RequestType requestType, SNssai sNssai,
                                          Dnn dnn) {
            return new UlNasTransport(PayloadContainerType.N1_SM_INFORMATION, smMessage, pduSessionId, null,
                    requestType, sNssai, dnn, null, List.of());
        }

        public GmmMessageType type() {
            return GmmMessageType.UL_NAS_TRANSPORT;
        }
    }

    /** TS 24.501 8.2.11. */
    record DlNasTransport(PayloadContainerType payloadContainerType, byte[] payloadContainer, Integer pduSessionId,
                          Octets additionalInformation, GmmCause cause, GprsTimer3 backOffTimer,
                          List<RawIe> otherIes) implements GmmMessage {
        public DlNasTransport {
            otherIes = List.copyOf(otherIes);
        }

        public static DlNasTransport n1Sm(byte[] smMessage, int pduSessionId) {
            return new DlNasTransport(PayloadContainerType.N1_SM_INFORMATION, smMessage, pduSessionId, null, null,
                    null, List.of());
        }

        public GmmMessageType type() {
            return GmmMessageType.DL_NAS_TRANSPORT;
        }
    }

    /**
     * TS 24.501 8.2.30: control plane service request (CIoT). {@code controlPlaneServiceType} is
     * the half octet of 9.11.3.18D (bits 3-1: 0 mobile originating, 1 mobile terminating, ...).
     */
    record ControlPlaneServiceRequest(int controlPlaneServiceType, NgKsi ngKsi, Octets ciotSmallDataContainer,
                                      PayloadContainerType payloadContainerType, byte[] payloadContainer,
                                      Integer pduSessionId, PduSessionBitmap pduSessionStatus,
                                      PduSessionBitmap uplinkDataStatus, Octets nasMessageContainer,
                                      PduSessionBitmap allowedPduSessionStatus, List<RawIe> otherIes)
            implements GmmMessage {
        public ControlPlaneServiceRequest {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.CONTROL_PLANE_SERVICE_REQUEST;
        }
    }

    /** TS 24.501 8.2.31: network slice-specific authentication command. */
    record NssaaCommand(SNssai sNssai, Octets eapMessage, List<RawIe> otherIes) implements GmmMessage {
        public NssaaCommand {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.NSSAA_COMMAND;
        }
    }

    /** TS 24.501 8.2.32: network slice-specific authentication complete. */
    record NssaaComplete(SNssai sNssai, Octets eapMessage, List<RawIe> otherIes) implements GmmMessage {
        public NssaaComplete {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.NSSAA_COMPLETE;
        }
    }

    /** TS 24.501 8.2.33: network slice-specific authentication result. */
    record NssaaResult(SNssai sNssai, Octets eapMessage, List<RawIe> otherIes) implements GmmMessage {
        public NssaaResult {
            otherIes = List.copyOf(otherIes);
        }

        public GmmMessageType type() {
            return GmmMessageType.NSSAA_RESULT;
        }
    }

    /**
     * A 5GMM message type TS 24.501 defines but this codec does not model (NSSAA, relay,
     * control plane service request): kept as its body octets after the message type.
     */
    record Unknown(int messageType, byte[] body) implements GmmMessage {
        public GmmMessageType type() {
            GmmMessageType t = GmmMessageType.fromCode(messageType);
            return t;
        }

        @Override
        public int messageTypeCode() {
            return messageType;
        }
    }
}
