package io.liquid5gc.proxy.ue;

import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.GprsTimer;
import io.liquid5gc.nas.ie.GprsTimer3;
import io.liquid5gc.nas.ie.PayloadContainerType;
import io.liquid5gc.nas.mm.GmmCause;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.ngap.ie.CauseMisc;
import io.liquid5gc.ngap.ie.CauseNas;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.proxy.n2.HeldSends;
import io.liquid5gc.runtime.store.StoreException;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.amf.AmfApi;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.common.ProblemException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network's answer to a UE whose NAS message the AMF function could not take because it, or what it depends on,
 * is unavailable (502, 503 or 504: overloaded, its store down, killed, unreachable, no answer in time): the UE is told
 * to back off instead of being left to its own retransmission timers (TS 24.501 5.3.9, NAS level mobility management
 * congestion control: 5GMM cause #22 "congestion" with a back-off timer), for as long as the function's
 * {@code Retry-After} asked ({@link ProxyProperties.AmfUnavailable}). A NAS answer needs the UE's NAS security context
 * (the message came integrity protected and was verified): a UE that has none yet (a new UE mid-authentication) would
 * start T3346 with a random 15 to 30 minutes for an unprotected reject (TS 24.501 5.5.1.2.5), so its NG connection
 * is released instead and the UE registers again after T3511, 10 s (5.5.1.2.7 b). Nothing of the UE's state changes
 * but its NAS COUNTs, which are saved with the answer.
 */
final class AmfUnavailableAnswers {

    private static final Logger log = LoggerFactory.getLogger(AmfUnavailableAnswers.class);

    /** How the network answers; {@link #answerFor} is the table from the UE's message. */
    enum Answer {
        /**
         * REGISTRATION REJECT #22 with T3346, protected, then the release of the NG connection (TS 24.501 5.5.1.2.5 initial,
         * 5.5.1.3.5 mobility and periodic: a registered UE stays registered, 5GMM-REGISTERED.ATTEMPTING-REGISTRATION-UPDATE).
         */
        REGISTRATION_REJECT,
        /** SERVICE REJECT #22 with T3346, protected, then the release (TS 24.501 5.6.1.5); the UE stays registered, CM-IDLE. */
        SERVICE_REJECT,
        /**
         * DL NAS TRANSPORT with the 5GSM message that was not forwarded, 5GMM cause #22 and a back-off timer (TS 24.501
         * 5.4.5.2.5, the UE's side 5.4.5.3.3); the NG connection stays.
         */
        SM_NOT_FORWARDED,
        /**
         * No NAS answer can be protected: UE CONTEXT RELEASE COMMAND, misc control-processing-overload (TS 38.413 8.3.3,
         * 9.3.1.2); the UE sees its NAS signalling connection released and retries (TS 24.501 5.5.1.2.7 b, 5.6.1.7 b).
         */
        RELEASE,
        /**
         * A network timer recovers the procedure and nothing is sent: Registration Complete (T3550 sends the Registration
         * Accept again, TS 24.501 5.5.1.2.8 c), de-registration (the UE's T3521, 5.5.2.2.6), the answer to a network
         * procedure (its own timer, e.g. T3560 of a re-authentication, 5.4.1.3.7).
         */
        NONE
    }

    /** How the network answers a gNB whose N2 message the AMF function could not take; {@link #answerFor(UeN2Event)}. */
    enum N2Answer {
        /**
         * UE CONTEXT RELEASE COMMAND, nas normal-release, to a UE CONTEXT RELEASE REQUEST (TS 38.413 8.3.2, AN release,
         * TS 23.502 4.2.6): the UE goes CM-IDLE with its context; the AMF deactivates its sessions' user plane when it
         * hears of the release's completion, or at the next service request.
         */
        AN_RELEASE,
        /**
         * HANDOVER PREPARATION FAILURE, misc control-processing-overload, to the source (TS 38.413 8.4.1.3): for a
         * HANDOVER REQUIRED, and for the target's HANDOVER REQUEST ACKNOWLEDGE or HANDOVER FAILURE the AMF could not take
         * (a target that acknowledged gets the UE CONTEXT RELEASE COMMAND for what it allocated). The UE stays at the
         * source, which may try again.
         */
        HANDOVER_PREPARATION_FAILURE,
        /**
         * HANDOVER CANCEL ACKNOWLEDGE to the source (TS 38.413 8.4.5.2: the AMF always acknowledges); a target that
         * acknowledged is released.
         */
        HANDOVER_CANCEL_ACKNOWLEDGE,
        /**
         * PATH SWITCH REQUEST FAILURE to the target of the Xn handover (TS 38.413 8.4.4.3): the downlink path did not
         * move; the UE's context is as it was.
         */
        PATH_SWITCH_REQUEST_FAILURE,
        /**
         * Nothing to answer: the gNB waits for nothing (the resource responses of PDU SESSION RESOURCE SETUP, MODIFY and
         * RELEASE, INITIAL CONTEXT SETUP's sessions, HANDOVER NOTIFY, UE CONTEXT RELEASE COMPLETE: these reports are
         * given to the function again later, {@link #retryReport}) or the event is the network's own (a NAS timer, a
         * network procedure, which answer their callers themselves).
         */
        NONE
    }

    private final UeActions actions;
    private final UeNasSecurity security;
    private final UeConnections connections;
    private final UeMetrics metrics;
    private final ProxyProperties.AmfUnavailable settings;

    AmfUnavailableAnswers(UeActions actions, UeNasSecurity security, UeConnections connections, UeMetrics metrics,
                          ProxyProperties.AmfUnavailable settings) {
        this.actions = actions;
        this.security = security;
        this.connections = connections;
        this.metrics = metrics;
        this.settings = settings;
    }

    /** Whether a failed call means the function is unavailable for now (TS 29.500 5.2.7.2: 502, 503, 504), not that it refused. */
    static boolean isUnavailable(ProblemException e) {
        return e.status() == 502 || e.status() == 503 || e.status() == 504;
    }

    /**
     * The answer to {@code m} (its integrity {@code verified} with the UE's current NAS security context) when
     * {@code function}, the one that takes it, is unavailable.
     */
    static Answer answerFor(UplinkNas m, boolean verified, FunctionSpec<?, ?> function) {
        return switch (m) {
            case UplinkNas.RegistrationComplete c -> Answer.NONE;
            case UplinkNas.DeregistrationRequest d -> Answer.NONE;
            case UplinkNas.DeregistrationAccept a -> Answer.NONE;
            case UplinkNas.ServiceRequest s -> verified ? Answer.SERVICE_REJECT : Answer.RELEASE;
            case UplinkNas.UlNasTransport t -> verified && t.sm() != null ? Answer.SM_NOT_FORWARDED : Answer.NONE;
            // the Registration Request and the common procedures within a registration (identity, authentication, security mode)
            default -> !AmfApi.INITIAL_REGISTRATION.equals(function) ? Answer.NONE
                    : verified ? Answer.REGISTRATION_REJECT : Answer.RELEASE;
        };
    }

    /**
     * Answers the UE ({@link #answerFor}) after {@code function} failed with {@code failure} (unavailable); the
     * answer, as it was given.
     */
    Answer answer(UeN2 ue, UplinkNas m, boolean verified, FunctionSpec<?, ?> function, ProblemException failure) {
        Answer answer = ue.ran == null || ue.releaseCommanded ? Answer.NONE : answerFor(m, verified, function);
        Duration backOff = settings.backOffFor(failure.retryAfter());
        log.warn("{}: {} unavailable for {} ({}); {} with a back-off of {} s", ue, function.name(), m.getClass().getSimpleName(),
                failure.getMessage(), answer, backOff.toSeconds());
        metrics.count("amf_unavailable_" + answer.name().toLowerCase(Locale.ROOT));
        int seconds = (int) Math.min(Integer.MAX_VALUE, backOff.toSeconds());
        switch (answer) {
            case REGISTRATION_REJECT -> sendProtected(ue, new GmmMessage.RegistrationReject(GmmCause.CONGESTION, GprsTimer.seconds(seconds),
                    null, null, List.of()), true);
            case SERVICE_REJECT -> sendProtected(ue, new GmmMessage.ServiceReject(GmmCause.CONGESTION, null, GprsTimer.seconds(seconds),
                    null, List.of()), true);
            case SM_NOT_FORWARDED -> sendProtected(ue, new GmmMessage.DlNasTransport(PayloadContainerType.N1_SM_INFORMATION,
                    ue.lastUplinkSm, ((UplinkNas.UlNasTransport) m).pduSessionId(), null, GmmCause.CONGESTION, GprsTimer3.seconds(seconds),
                    List.of()), false);
            case RELEASE -> actions.sendUeContextReleaseCommand(ue, CauseMisc.CONTROL_PROCESSING_OVERLOAD, "amf_unavailable_released");
            case NONE -> { }
        }
        return answer;
    }

    /** The answer to the gNB when the AMF function that takes {@code event} is unavailable. */
    static N2Answer answerFor(UeN2Event event) {
        return switch (event) {
            case UeN2Event.UeContextReleaseRequest r -> N2Answer.AN_RELEASE;
            case UeN2Event.HandoverRequired h -> N2Answer.HANDOVER_PREPARATION_FAILURE;
            case UeN2Event.HandoverRequestAcknowledged h -> N2Answer.HANDOVER_PREPARATION_FAILURE;
            case UeN2Event.HandoverFailed h -> N2Answer.HANDOVER_PREPARATION_FAILURE;
            case UeN2Event.HandoverCancelled h -> N2Answer.HANDOVER_CANCEL_ACKNOWLEDGE;
            case UeN2Event.PathSwitchRequest p -> N2Answer.PATH_SWITCH_REQUEST_FAILURE;
            default -> N2Answer.NONE;
        };
    }

    /**
     * An N2 report the gNB waits on no answer for, whose content only the AMF (and through it the SMF) takes: the
     * gNB's tunnels in a PDU session resource response, the arrival at a handover's target, the release's completion.
     * Lost, the SMF would not know the downlink tunnel of a session the UE already uses, so it is given again later.
     */
    static boolean isReport(UeN2Event event) {
        return event instanceof UeN2Event.PduSessionResourcesSetUp || event instanceof UeN2Event.PduSessionResourcesModified
                || event instanceof UeN2Event.PduSessionResourcesReleased || event instanceof UeN2Event.HandoverNotified
                || event instanceof UeN2Event.UeContextReleased;
    }

    /**
     * When a report ({@link #isReport}) whose function was unavailable on its {@code attempt}-th try (1 the first) is
     * tried again: after the back-off of the function's Retry-After; empty when it is not a report or its retries are
     * used up ({@link ProxyProperties.AmfUnavailable#reportRetries()}).
     */
    java.util.Optional<Duration> retryReport(UeN2 ue, UeN2Event event, ProblemException failure, int attempt) {
        if (!isReport(event)) {
            return java.util.Optional.empty();
        }
        if (attempt > settings.reportRetries()) {
            log.warn("{}: {} not delivered after {} tries: dropped", ue, event.getClass().getSimpleName(), attempt);
            metrics.count("amf_unavailable_report_dropped");
            return java.util.Optional.empty();
        }
        Duration backOff = settings.backOffFor(failure.retryAfter());
        metrics.count("amf_unavailable_report_retried");
        return java.util.Optional.of(backOff);
    }

    /**
     * Answers the gNB ({@link #answerFor(UeN2Event)}) after {@code function} failed with {@code failure} (unavailable);
     * the answer, as it was given. A UE not connected here (a network procedure on a CM-IDLE UE) gets none.
     */
    N2Answer answer(UeN2 ue, UeN2Event event, FunctionSpec<?, ?> function, ProblemException failure) {
        N2Answer answer = ue.ran == null || ue.releaseCommanded ? N2Answer.NONE : answerFor(event);
        log.warn("{}: {} unavailable for {} ({}); {}", ue, function.name(), event.getClass().getSimpleName(), failure.getMessage(), answer);
        switch (answer) {
            case AN_RELEASE -> actions.sendUeContextReleaseCommand(ue, CauseNas.NORMAL_RELEASE, "amf_unavailable_an_release");
            case HANDOVER_PREPARATION_FAILURE -> {
                metrics.count("amf_unavailable_handover_preparation_failure");
                actions.sendHandoverPreparationFailure(ue, CauseMisc.CONTROL_PROCESSING_OVERLOAD);
            }
            case HANDOVER_CANCEL_ACKNOWLEDGE -> {
                metrics.count("amf_unavailable_handover_cancel_acknowledge");
                actions.sendHandoverCancelAcknowledge(ue);
            }
            case PATH_SWITCH_REQUEST_FAILURE -> {
                metrics.count("amf_unavailable_path_switch_request_failure");
                UeActions.sendPathSwitchRequestFailure(ue, CauseMisc.CONTROL_PROCESSING_OVERLOAD);
            }
            case NONE -> metrics.count("amf_unavailable_n2_none");
        }
        return answer;
    }

    /**
     * The 5GMM message, integrity protected and ciphered with the UE's current NAS security context, its state (the
     * downlink NAS COUNT moved on) saved before it leaves ({@link HeldSends}); then the release of the NG connection
     * when {@code release} (TS 24.501 5.5.1.2.5, 5.6.1.5: the network releases the NAS signalling connection).
     */
    private void sendProtected(UeN2 ue, GmmMessage message, boolean release) {
        HeldSends.holding(() -> {
            UeActions.sendDownlinkNasTransport(ue, security.protect(ue, NasCodec.encode(message), UeAction.Protection.PROTECTED));
            if (release) {
                actions.sendUeContextReleaseCommand(ue, CauseNas.NORMAL_RELEASE, "amf_unavailable_nas_rejected");
                ue.ran = null; // saved CM-IDLE: the release is on its way (the sends above are held until the write)
            }
            return null;
        }, r -> {
            try {
                connections.persist(ue);
            } catch (StoreException e) {
                log.debug("{}: state after the back-off answer not saved: {}", ue, e.getMessage());
            }
        });
    }
}
