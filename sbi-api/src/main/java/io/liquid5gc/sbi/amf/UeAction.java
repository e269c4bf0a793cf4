package io.liquid5gc.sbi.amf;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupRequestTransfer;
import java.util.List;
import java.util.Objects;

/** What an AMF function asks the proxy to do on N1/N2 for one UE, in order. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "action")
@JsonSubTypes({
        @JsonSubTypes.Type(value = UeAction.SendNas.class, name = "SEND_NAS"),
        @JsonSubTypes.Type(value = UeAction.InitialContextSetup.class, name = "INITIAL_CONTEXT_SETUP"),
        @JsonSubTypes.Type(value = UeAction.ReleaseUe.class, name = "RELEASE_UE"),
        @JsonSubTypes.Type(value = UeAction.PduSessionResourceSetup.class, name = "PDU_SESSION_RESOURCE_SETUP"),
        @JsonSubTypes.Type(value = UeAction.PduSessionResourceRelease.class, name = "PDU_SESSION_RESOURCE_RELEASE"),
        @JsonSubTypes.Type(value = UeAction.PduSessionResourceModify.class, name = "PDU_SESSION_RESOURCE_MODIFY"),
        @JsonSubTypes.Type(value = UeAction.HandoverRequest.class, name = "HANDOVER_REQUEST"),
        @JsonSubTypes.Type(value = UeAction.HandoverCommand.class, name = "HANDOVER_COMMAND"),
        @JsonSubTypes.Type(value = UeAction.HandoverPreparationFailure.class, name = "HANDOVER_PREPARATION_FAILURE"),
        @JsonSubTypes.Type(value = UeAction.ReleaseHandoverSource.class, name = "RELEASE_HANDOVER_SOURCE"),
        @JsonSubTypes.Type(value = UeAction.HandoverCancelAcknowledge.class, name = "HANDOVER_CANCEL_ACKNOWLEDGE"),
        @JsonSubTypes.Type(value = UeAction.PathSwitchRequestAcknowledge.class, name = "PATH_SWITCH_REQUEST_ACKNOWLEDGE"),
        @JsonSubTypes.Type(value = UeAction.PathSwitchRequestFailure.class, name = "PATH_SWITCH_REQUEST_FAILURE"),
        @JsonSubTypes.Type(value = UeAction.Page.class, name = "PAGE"),
        @JsonSubTypes.Type(value = UeAction.RefreshAsKeys.class, name = "REFRESH_AS_KEYS"),
        @JsonSubTypes.Type(value = UeAction.ErrorIndication.class, name = "ERROR_INDICATION")})
public sealed interface UeAction {

    /** How the proxy protects a downlink NAS message (TS 24.501 4.4.4, 9.3.1 security header types). */
    enum Protection {
        /** Plain: before a security context exists (Authentication Request, Identity Request, rejects). */
        PLAIN,
        /** Integrity protected with the new 5G NAS security context, not ciphered: the Security Mode Command. */
        NEW_CONTEXT_INTEGRITY,
        /** Integrity protected and ciphered with the current context. */
        PROTECTED
    }

    /** Send a NAS message in a DOWNLINK NAS TRANSPORT. */
    record SendNas(DownlinkNas message, Protection protection) implements UeAction {
    }

    /**
     * INITIAL CONTEXT SETUP REQUEST (TS 38.413 8.3.1) carrying the NAS message; the proxy adds KgNB, derived
     * from the current KAMF and the uplink NAS COUNT (TS 33.501 A.9), and the UE security capabilities.
     */
    record InitialContextSetup(DownlinkNas nas, List<Snssai> allowedNssai, UeSecurityCapability ueSecurityCapability,
                               List<SessionSetup> pduSessions) implements UeAction {
        public InitialContextSetup {
            allowedNssai = List.copyOf(allowedNssai);
            pduSessions = pduSessions == null ? List.of() : List.copyOf(pduSessions);
        }

        public InitialContextSetup(DownlinkNas nas, List<Snssai> allowedNssai, UeSecurityCapability ueSecurityCapability) {
            this(nas, allowedNssai, ueSecurityCapability, List.of());
        }
    }

    /**
     * One PDU session to set up at the gNB: its S-NSSAI, the SMF's PDU Session Resource Setup Request Transfer and,
     * optionally, the NAS message for the UE about it (the DL NAS TRANSPORT with the establishment accept).
     */
    record SessionSetup(int pduSessionId, Snssai sNssai, PduSessionResourceSetupRequestTransfer transfer, DownlinkNas nas) {
    }

    /** PDU SESSION RESOURCE SETUP REQUEST (TS 38.413 8.2.1), each session's NAS protected by the proxy. */
    record PduSessionResourceSetup(List<SessionSetup> sessions) implements UeAction {
        public PduSessionResourceSetup {
            sessions = List.copyOf(sessions);
        }
    }

    /**
     * PDU SESSION RESOURCE MODIFY REQUEST (TS 38.413 8.2.3) for one session: the SMF's authorized QoS (AMBR and the QoS
     * flows to add or modify) as a Modify Request Transfer, and the NAS for the UE (the Modification Command).
     */
    record PduSessionResourceModify(int pduSessionId, PduSessionResourceSetupRequestTransfer qos, DownlinkNas nas) implements UeAction {
    }

    /**
     * PDU SESSION RESOURCE RELEASE COMMAND (TS 38.413 8.2.2) for the sessions, each with the NGAP cause of its
     * release command transfer (TS 38.413 9.3.4.12, e.g. {@link NgapCause#NAS_NORMAL_RELEASE}), and the NAS message
     * for the UE (the DL NAS TRANSPORT with the PDU Session Release Command), protected by the proxy.
     */
    record PduSessionResourceRelease(List<Integer> pduSessionIds, NgapCause cause, DownlinkNas nas) implements UeAction {
        public PduSessionResourceRelease {
            pduSessionIds = List.copyOf(pduSessionIds);
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * HANDOVER REQUEST (TS 38.413 8.4.2) to the target gNB of an N2 handover: the sessions to set up there, the Source
     * to Target Transparent Container (hex) and what the target needs of the UE; the proxy adds the security context
     * (NH and NCC, TS 33.501 6.9.2.3.3) from the KAMF it holds; {@code cause} the NGAP cause of the request (the
     * source's, of the HANDOVER REQUIRED).
     */
    record HandoverRequest(String targetGnb, String handoverType, NgapCause cause, List<SessionSetup> sessions,
                           String sourceToTargetContainer, List<Snssai> allowedNssai, UeSecurityCapability ueSecurityCapability)
            implements UeAction {
        public HandoverRequest {
            Objects.requireNonNull(cause, "cause");
            sessions = List.copyOf(sessions);
            allowedNssai = List.copyOf(allowedNssai);
        }
    }

    /**
     * HANDOVER COMMAND (TS 38.413 8.4.1) to the source gNB: the sessions handed over, the Target to Source Transparent
     * Container (hex) and, per session with indirect data forwarding, the SMF's Handover Command Transfer (the UPF's
     * forwarding tunnel, TS 38.413 9.3.4.10).
     */
    record HandoverCommand(String handoverType, List<Integer> pduSessionIds, String targetToSourceContainer, List<Forwarding> forwarding)
            implements UeAction {
        public HandoverCommand {
            pduSessionIds = List.copyOf(pduSessionIds);
            forwarding = forwarding == null ? List.of() : List.copyOf(forwarding);
        }

        public HandoverCommand(String handoverType, List<Integer> pduSessionIds, String targetToSourceContainer) {
            this(handoverType, pduSessionIds, targetToSourceContainer, null);
        }

        /** The Handover Command Transfer of one session whose downlink the source forwards (indirect data forwarding). */
        public record Forwarding(int pduSessionId, io.liquid5gc.sbi.smf.HandoverCommandTransfer transfer) {
        }
    }

    /** HANDOVER PREPARATION FAILURE (TS 38.413 8.4.1.3) to the source gNB with the NGAP cause. */
    record HandoverPreparationFailure(NgapCause cause) implements UeAction {
        public HandoverPreparationFailure {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * After HANDOVER NOTIFY: the UE is reached through the target gNB from now on; release its context at the source
     * gNB (UE CONTEXT RELEASE COMMAND, cause radioNetwork successful-handover, TS 23.502 4.9.1.3.3 step 14).
     */
    record ReleaseHandoverSource() implements UeAction {
    }

    /**
     * HANDOVER CANCEL ACKNOWLEDGE (TS 38.413 8.4.5.2) to the source gNB; the proxy releases the target's UE context
     * it allocated (UE CONTEXT RELEASE COMMAND, cause radioNetwork handover-cancelled, TS 23.502 4.9.1.4 step 3).
     */
    record HandoverCancelAcknowledge() implements UeAction {
    }

    /** PATH SWITCH REQUEST ACKNOWLEDGE (TS 38.413 8.4.4) with the sessions switched; the proxy adds NH and NCC (TS 33.501 6.9.2.3.2). */
    record PathSwitchRequestAcknowledge(List<Integer> pduSessionIds, UeSecurityCapability ueSecurityCapability, List<Snssai> allowedNssai)
            implements UeAction {
        public PathSwitchRequestAcknowledge {
            pduSessionIds = List.copyOf(pduSessionIds);
            allowedNssai = List.copyOf(allowedNssai);
        }
    }

    /**
     * PATH SWITCH REQUEST FAILURE (TS 38.413 8.4.4.3) for the AMF's NGAP cause; the message itself has no Cause IE, so
     * the cause is the AMF's reason, for the proxy's log.
     */
    record PathSwitchRequestFailure(NgapCause cause) implements UeAction {
        public PathSwitchRequestFailure {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * UE CONTEXT RELEASE COMMAND (TS 38.413 8.3.3) with its NGAP cause, e.g. {@link NgapCause#NAS_NORMAL_RELEASE},
     * {@link NgapCause#NAS_DEREGISTER} or {@link NgapCause#NAS_AUTHENTICATION_FAILURE}.
     */
    record ReleaseUe(NgapCause cause) implements UeAction {
        public ReleaseUe {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * PAGING (TS 38.413 8.5.1) of a CM-IDLE UE by its 5G-S-TMSI (from {@code guti}) in the gNBs serving its
     * registration area ({@code taiList}); the UE answers with a Service Request (TS 24.501 5.6.2.2).
     */
    record Page(String guti, List<DownlinkNas.Tai> taiList) implements UeAction {
        public Page {
            taiList = List.copyOf(taiList);
        }
    }

    /**
     * UE CONTEXT MODIFICATION REQUEST (TS 38.413 8.3.4) with a new KgNB after a new KAMF was taken into use in
     * CM-CONNECTED (TS 33.501 6.9.4.1): the proxy derives it from the new KAMF and the uplink COUNT of the Security Mode
     * Complete (A.9) and restarts the NH chain (NCC 0); the UE and gNB then change their AS keys.
     */
    record RefreshAsKeys(UeSecurityCapability ueSecurityCapability) implements UeAction {
    }

    /**
     * The N2 message the function was given is refused: the proxy answers the gNB that sent it with an ERROR
     * INDICATION (TS 38.413 8.7.4) about this UE carrying {@code cause}, e.g.
     * {@link NgapCause#PROTOCOL_MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE} for a HANDOVER NOTIFY without a prepared
     * handover (TS 38.413 10.4: a message that is not compatible with the receiver's state).
     */
    record ErrorIndication(NgapCause cause) implements UeAction {
        public ErrorIndication {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
