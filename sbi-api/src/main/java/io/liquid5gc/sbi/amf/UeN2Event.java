package io.liquid5gc.sbi.amf;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer;
import java.util.List;
import java.util.Objects;

/**
 * The UE-associated events the proxy hands to the AMF's functions that are not uplink NAS: N2 events (TS 38.413),
 * decoded (the gNB's answers to what a function asked for, and the gNB's own requests about a UE), the network's
 * own triggers for a UE (an operator's de-registration), and the last expiry of a NAS timer the N1 termination ran.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = UeN2Event.PduSessionResourcesSetUp.class, name = "PDU_SESSION_RESOURCES_SET_UP"),
        @JsonSubTypes.Type(value = UeN2Event.PduSessionResourcesReleased.class, name = "PDU_SESSION_RESOURCES_RELEASED"),
        @JsonSubTypes.Type(value = UeN2Event.PduSessionResourcesModified.class, name = "PDU_SESSION_RESOURCES_MODIFIED"),
        @JsonSubTypes.Type(value = UeN2Event.UeContextReleaseRequest.class, name = "UE_CONTEXT_RELEASE_REQUEST"),
        @JsonSubTypes.Type(value = UeN2Event.UeContextReleased.class, name = "UE_CONTEXT_RELEASED"),
        @JsonSubTypes.Type(value = UeN2Event.HandoverRequired.class, name = "HANDOVER_REQUIRED"),
        @JsonSubTypes.Type(value = UeN2Event.HandoverRequestAcknowledged.class, name = "HANDOVER_REQUEST_ACKNOWLEDGED"),
        @JsonSubTypes.Type(value = UeN2Event.HandoverFailed.class, name = "HANDOVER_FAILED"),
        @JsonSubTypes.Type(value = UeN2Event.HandoverNotified.class, name = "HANDOVER_NOTIFIED"),
        @JsonSubTypes.Type(value = UeN2Event.HandoverCancelled.class, name = "HANDOVER_CANCELLED"),
        @JsonSubTypes.Type(value = UeN2Event.PathSwitchRequest.class, name = "PATH_SWITCH_REQUEST"),
        @JsonSubTypes.Type(value = UeN2Event.NetworkDeregistration.class, name = "NETWORK_DEREGISTRATION"),
        @JsonSubTypes.Type(value = UeN2Event.NetworkAuthentication.class, name = "NETWORK_AUTHENTICATION"),
        @JsonSubTypes.Type(value = UeN2Event.DownlinkData.class, name = "DOWNLINK_DATA"),
        @JsonSubTypes.Type(value = UeN2Event.NetworkPduSessionRelease.class, name = "NETWORK_PDU_SESSION_RELEASE"),
        @JsonSubTypes.Type(value = UeN2Event.NasTimerExpired.class, name = "NAS_TIMER_EXPIRED")})
public sealed interface UeN2Event {

    /** A PDU session the gNB set up, with its downlink tunnel (PDU Session Resource Setup Response Transfer). */
    record SetUpSession(int pduSessionId, PduSessionResourceSetupResponseTransfer transfer) {
    }

    /** A PDU session the gNB could not set up, with the NGAP cause (e.g. {@link NgapCause#RADIO_NETWORK_UNSPECIFIED}). */
    record FailedSession(int pduSessionId, NgapCause cause) {
        public FailedSession {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * PDU SESSION RESOURCE SETUP RESPONSE (TS 38.413 8.2.1) or, when {@code initialContextSetup}, the INITIAL CONTEXT
     * SETUP RESPONSE/FAILURE (8.3.1) of a service request with the PDU sessions it set up and failed.
     */
    record PduSessionResourcesSetUp(boolean initialContextSetup, List<SetUpSession> setUp, List<FailedSession> failed)
            implements UeN2Event {
        public PduSessionResourcesSetUp {
            setUp = setUp == null ? List.of() : List.copyOf(setUp);
            failed = failed == null ? List.of() : List.copyOf(failed);
        }
    }

    /** PDU SESSION RESOURCE RELEASE RESPONSE (TS 38.413 8.2.2): the sessions whose radio resources are gone. */
    record PduSessionResourcesReleased(List<Integer> pduSessionIds) implements UeN2Event {
        public PduSessionResourcesReleased {
            pduSessionIds = pduSessionIds == null ? List.of() : List.copyOf(pduSessionIds);
        }
    }

    /** PDU SESSION RESOURCE MODIFY RESPONSE (TS 38.413 8.2.3): the sessions modified and failed. */
    record PduSessionResourcesModified(List<Integer> modified, List<FailedSession> failed) implements UeN2Event {
        public PduSessionResourcesModified {
            modified = modified == null ? List.of() : List.copyOf(modified);
            failed = failed == null ? List.of() : List.copyOf(failed);
        }
    }

    /**
     * UE CONTEXT RELEASE REQUEST (TS 38.413 8.3.2): the gNB asks to release the UE's N2 connection (AN release,
     * TS 23.502 4.2.6) with its NGAP cause, e.g. {@link NgapCause#RADIO_NETWORK_USER_INACTIVITY}; {@code pduSessionIds}
     * the sessions it lists.
     */
    record UeContextReleaseRequest(NgapCause cause, List<Integer> pduSessionIds) implements UeN2Event {
        public UeContextReleaseRequest {
            Objects.requireNonNull(cause, "cause");
            pduSessionIds = pduSessionIds == null ? List.of() : List.copyOf(pduSessionIds);
        }
    }

    /** UE CONTEXT RELEASE COMPLETE (TS 38.413 8.3.3): the UE's N2 connection is gone (CM-IDLE unless deregistered). */
    record UeContextReleased(List<Integer> pduSessionIds) implements UeN2Event {
        public UeContextReleased {
            pduSessionIds = pduSessionIds == null ? List.of() : List.copyOf(pduSessionIds);
        }
    }

    /**
     * HANDOVER REQUIRED (TS 38.413 8.4.1) from the source gNB: the target gNB (global id text as the proxy names RAN
     * nodes), the target TAI and the Source to Target Transparent Container (hex, opaque to the core); {@code cause}
     * the source's NGAP cause, for the HANDOVER REQUEST.
     */
    record HandoverRequired(String handoverType, NgapCause cause, String targetGnb, DownlinkNas.Tai targetTai,
                            List<Integer> pduSessionIds, String sourceToTargetContainer) implements UeN2Event {
        public HandoverRequired {
            Objects.requireNonNull(cause, "cause");
            pduSessionIds = pduSessionIds == null ? List.of() : List.copyOf(pduSessionIds);
        }
    }

    /**
     * HANDOVER REQUEST ACKNOWLEDGE (TS 38.413 8.4.2) from the target gNB: the target's RAN UE NGAP ID is the proxy's
     * business; the AMF gets the admitted sessions with their new downlink tunnels and the Target to Source
     * Transparent Container (hex).
     */
    record HandoverRequestAcknowledged(List<SetUpSession> admitted, List<FailedSession> failed, String targetToSourceContainer)
            implements UeN2Event {
        public HandoverRequestAcknowledged {
            admitted = admitted == null ? List.of() : List.copyOf(admitted);
            failed = failed == null ? List.of() : List.copyOf(failed);
        }
    }

    /** HANDOVER FAILURE (TS 38.413 8.4.2.3) from the target gNB with its NGAP cause (null: none given). */
    record HandoverFailed(NgapCause cause) implements UeN2Event {
    }

    /** HANDOVER NOTIFY (TS 38.413 8.4.3) from the target gNB: the UE arrived; {@code location} of the request is the new one. */
    record HandoverNotified() implements UeN2Event {
    }

    /**
     * HANDOVER CANCEL (TS 38.413 8.4.5) from the source gNB: the handover being prepared, or prepared, is given up
     * (e.g. {@code radioNetwork tngrelocprep-expiry}); the UE stays at the source.
     */
    record HandoverCancelled(NgapCause cause) implements UeN2Event {
        public HandoverCancelled {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * PATH SWITCH REQUEST (TS 38.413 8.4.4) from the target gNB after an Xn handover: the sessions to switch with
     * their new downlink tunnels, and the UE's security capabilities as the target gNB received them.
     */
    record PathSwitchRequest(List<SetUpSession> switched, List<FailedSession> failed) implements UeN2Event {
        public PathSwitchRequest {
            switched = switched == null ? List.of() : List.copyOf(switched);
            failed = failed == null ? List.of() : List.copyOf(failed);
        }
    }

    /**
     * The network de-registers the UE (TS 24.501 5.5.2.3, TS 23.502 4.2.2.3.3), e.g. an operator's request:
     * whether it is to register again, the 5GMM cause (0 = none) and whether the UE has an N2 connection now (else it
     * is paged first, TS 24.501 5.6.2).
     */
    record NetworkDeregistration(boolean reRegistrationRequired, int cause, boolean connected) implements UeN2Event {
    }

    /**
     * The network re-authenticates a registered, connected UE (TS 33.501 6.1.2: the SEAF may initiate an
     * authentication at any time), e.g. to refresh KAMF.
     */
    record NetworkAuthentication() implements UeN2Event {
    }

    /**
     * Downlink data waits at the UPF for a PDU session whose user plane is down (TS 23.502 4.2.3.3: the SMF's
     * Namf_Communication_N1N2MessageTransfer after the UPF's Data Notification): a CM-IDLE UE is paged; {@code
     * connected} whether the UE has an N2 connection now.
     */
    record DownlinkData(int pduSessionId, boolean connected) implements UeN2Event {
    }

    /**
     * The SMF released a PDU session of the UE on its own (TS 23.502 4.3.4.2, network-requested: e.g. the CHF's quota
     * is used up): already gone at the SMF; the AMF tells the UE (PDU Session Release Command with the 5GSM cause) and
     * the gNB, or, for a CM-IDLE UE, drops the session (the UE learns it from the PDU session status at its next
     * service request, TS 24.501 5.6.1.4).
     */
    record NetworkPduSessionRelease(int pduSessionId, int cause5gsm, boolean connected) implements UeN2Event {
    }

    /**
     * A NAS timer of the UE expired for the last time (TS 24.501 10.2): the proxy sent the guarded message again as
     * often as TS 24.501 allows (e.g. four retransmissions of the Registration Accept under T3550) and the UE never
     * answered. The function owning the UE's current procedure decides what follows (abort and release, or the
     * procedure's result stands), so that the AMF's UE context reflects it.
     */
    record NasTimerExpired(NasTimerId timer) implements UeN2Event {
        public NasTimerExpired {
            Objects.requireNonNull(timer, "timer");
        }
    }
}
