package io.liquid5gc.proxy.ue;

import io.liquid5gc.nas.NasMessage;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.runtime.metering.Tenancy;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.proxy.n2.HeldSends;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.amf.AmfApi;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.amf.UplinkSm;
import io.liquid5gc.sbi.common.ProblemException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery of an uplink NAS message (unprotected, its NAS timer stopped), which AMF function takes it or a
 * UE-associated N2 event, and the call itself: the function is
 * invoked, what it answers is executed ({@link UeActions}) and the UE's state saved. The function that sent the last
 * common-procedure request (TS 24.501 5.4: identification, authentication, security mode control) owns the UE's
 * answer to it ({@link UeN2#commonProcedureOwner}). The call is made for the UE's tenant ({@link UeTenancy}), so every
 * function of the chain is billed to it.
 */
final class AmfRouting {

    private static final Logger log = LoggerFactory.getLogger(AmfRouting.class);

    /** Which AMF function takes which uplink 5GMM message (a procedure's function handles every step of that procedure). */
    private static final Map<Class<? extends UplinkNas>, FunctionSpec<UeRequest, UeResult>> NAS_ROUTES = Map.ofEntries(
            Map.entry(UplinkNas.RegistrationRequest.class, AmfApi.INITIAL_REGISTRATION),
            Map.entry(UplinkNas.IdentityResponse.class, AmfApi.INITIAL_REGISTRATION),
            Map.entry(UplinkNas.AuthenticationResponse.class, AmfApi.INITIAL_REGISTRATION),
            Map.entry(UplinkNas.AuthenticationFailure.class, AmfApi.INITIAL_REGISTRATION),
            Map.entry(UplinkNas.SecurityModeComplete.class, AmfApi.INITIAL_REGISTRATION),
            Map.entry(UplinkNas.SecurityModeReject.class, AmfApi.INITIAL_REGISTRATION),
            Map.entry(UplinkNas.RegistrationComplete.class, AmfApi.INITIAL_REGISTRATION),
            Map.entry(UplinkNas.DeregistrationRequest.class, AmfApi.DEREGISTRATION),
            Map.entry(UplinkNas.DeregistrationAccept.class, AmfApi.DEREGISTRATION),
            Map.entry(UplinkNas.ServiceRequest.class, AmfApi.SERVICE_REQUEST),
            Map.entry(UplinkNas.UlNasTransport.class, AmfApi.PDU_SESSION_RELAY));

    private final FunctionClient functions;
    private final UeNasSecurity security;
    private final UeActions actions;
    private final UeConnections connections;
    private final UeMetrics metrics;
    private final UeTenancy tenancy;
    private final AmfUnavailableAnswers unavailable;
    /** When a report whose function was unavailable is tried again. */
    private final NasTimerScheduler scheduler;

    AmfRouting(FunctionClient functions, UeNasSecurity security, UeActions actions, UeConnections connections, UeMetrics metrics, UeTenancy tenancy,
               AmfUnavailableAnswers unavailable, NasTimerScheduler scheduler) {
        this.scheduler = scheduler;
        this.tenancy = tenancy;
        this.unavailable = unavailable;
        this.functions = functions;
        this.security = security;
        this.actions = actions;
        this.connections = connections;
        this.metrics = metrics;
    }

    /**
     * The function for an uplink 5GMM message: the answer to a common procedure goes to the function that started it
     * (registration, or the network's re-authentication); everything else by {@link #NAS_ROUTES}.
     */
    static FunctionSpec<UeRequest, UeResult> route(UeN2 ue, UplinkNas m) {
        boolean answer = m instanceof UplinkNas.IdentityResponse || m instanceof UplinkNas.AuthenticationResponse
                || m instanceof UplinkNas.AuthenticationFailure || m instanceof UplinkNas.SecurityModeComplete
                || m instanceof UplinkNas.SecurityModeReject;
        if (answer && ue.commonProcedureOwner != null) {
            return ue.commonProcedureOwner;
        }
        return NAS_ROUTES.get(m.getClass());
    }

    /**
     * Which AMF function takes which UE-associated N2 event; the last expiry of a NAS timer goes to the function
     * whose message the timer guarded (the common procedure's owner, the registration's, the de-registration's).
     */
    static FunctionSpec<UeRequest, UeResult> route(UeN2 ue, UeN2Event event) {
        return switch (event) {
            case UeN2Event.PduSessionResourcesSetUp s -> s.initialContextSetup() ? AmfApi.SERVICE_REQUEST : AmfApi.PDU_SESSION_RELAY;
            case UeN2Event.PduSessionResourcesReleased r -> AmfApi.PDU_SESSION_RELAY;
            case UeN2Event.PduSessionResourcesModified r -> AmfApi.PDU_SESSION_RELAY;
            case UeN2Event.UeContextReleaseRequest r -> AmfApi.SERVICE_REQUEST;
            case UeN2Event.UeContextReleased r -> AmfApi.SERVICE_REQUEST;
            case UeN2Event.HandoverRequired h -> AmfApi.HANDOVER;
            case UeN2Event.HandoverRequestAcknowledged h -> AmfApi.HANDOVER;
            case UeN2Event.HandoverFailed h -> AmfApi.HANDOVER;
            case UeN2Event.HandoverNotified h -> AmfApi.HANDOVER;
            case UeN2Event.HandoverCancelled h -> AmfApi.HANDOVER;
            case UeN2Event.PathSwitchRequest p -> AmfApi.HANDOVER;
            case UeN2Event.NetworkDeregistration d -> AmfApi.DEREGISTRATION;
            case UeN2Event.NetworkAuthentication a -> AmfApi.AUTH_INITIATE;
            case UeN2Event.DownlinkData d -> AmfApi.SERVICE_REQUEST;
            case UeN2Event.NetworkPduSessionRelease r -> AmfApi.PDU_SESSION_RELAY;
            case UeN2Event.NasTimerExpired t -> switch (t.timer()) {
                case T3560, T3570 -> ue.commonProcedureOwner != null ? ue.commonProcedureOwner : AmfApi.INITIAL_REGISTRATION;
                case T3550 -> AmfApi.INITIAL_REGISTRATION;
                case T3522 -> AmfApi.DEREGISTRATION;
            };
        };
    }

    /** The common-procedure owner persisted by name ({@link UeState#commonProcedureOwner()}), or null. */
    static FunctionSpec<UeRequest, UeResult> ownerNamed(String name) {
        if (name == null) {
            return null;
        }
        return Stream.concat(NAS_ROUTES.values().stream(), Stream.of(AmfApi.AUTH_INITIATE))
                .filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    private static boolean isCommonProcedureRequest(DownlinkNas m) {
        return m instanceof DownlinkNas.IdentityRequest || m instanceof DownlinkNas.AuthenticationRequest
                || m instanceof DownlinkNas.SecurityModeCommand;
    }

    /** What became of an uplink NAS message. */
    enum Delivery {
        /** Undecodable, not verified, or not a 5GMM message handled here. */
        NOT_DELIVERED,
        /** The AMF function failed (no answer executed). */
        AMF_FAILED,
        /**
         * The AMF function was unavailable and the UE was answered for it ({@link AmfUnavailableAnswers}: a reject with a
         * back-off, or the release of its NG connection).
         */
        AMF_UNAVAILABLE_ANSWERED,
        /** The AMF answered and its actions were executed. */
        ANSWERED
    }

    /**
     * An uplink NAS message of the UE, on its virtual thread: unprotected and verified ({@link UeNasSecurity}), the
     * NAS timer it answers stopped, then given to the AMF function that takes it.
     */
    Delivery deliverUplinkNas(UeN2 ue, byte[] pdu) {
        Optional<UeNasSecurity.Received> received = security.unprotect(ue, pdu);
        if (received.isEmpty()) {
            return Delivery.NOT_DELIVERED;
        }
        NasMessage message = received.get().message();
        if (!(message instanceof GmmMessage gmm)) {
            log.info("{}: 5GSM message outside a UL NAS TRANSPORT ignored", ue);
            return Delivery.NOT_DELIVERED;
        }
        Optional<UplinkNas> uplink = NasMapping.toUplink(gmm);
        if (uplink.isEmpty()) {
            log.warn("{}: {} is not handled by this build yet", ue, gmm.type());
            metrics.count("unhandled_" + gmm.type().name().toLowerCase(Locale.ROOT));
            return Delivery.NOT_DELIVERED;
        }
        actions.timers().stopAnsweredBy(ue, uplink.get());
        ue.lastUplinkSm = gmm instanceof GmmMessage.UlNasTransport ul ? ul.payloadContainer() : null;
        switch (uplink.get()) {
            case UplinkNas.RegistrationRequest r -> metrics.registrationRequested(ue.amfUeNgapId);
            case UplinkNas.UlNasTransport t when t.sm() instanceof UplinkSm.PduSessionEstablishmentRequest ->
                    metrics.sessionRequested(ue.contextId, t.pduSessionId());
            default -> { }
        }
        UeRequest request = new UeRequest(ue.contextId(), ue.location, received.get().verified(), uplink.get());
        UeResult result;
        try {
            result = callOrThrow(ue, request, true, null);
        } catch (ProblemException e) {
            FunctionSpec<UeRequest, UeResult> function = route(ue, uplink.get());
            if (!AmfUnavailableAnswers.isUnavailable(e)) {
                log.warn("{}: {} failed: {}", ue, function.name(), e.getMessage());
                metrics.count("amf_error");
                return Delivery.AMF_FAILED;
            }
            metrics.count("amf_error");
            AmfUnavailableAnswers.Answer answer = unavailable.answer(ue, uplink.get(), received.get().verified(), function, e);
            return answer == AmfUnavailableAnswers.Answer.NONE ? Delivery.AMF_FAILED : Delivery.AMF_UNAVAILABLE_ANSWERED;
        }
        if (result != null && result.gmmState() == GmmState.REGISTERED && uplink.get() instanceof UplinkNas.RegistrationComplete) {
            metrics.registrationCompleted(ue.amfUeNgapId);
        }
        return result == null ? Delivery.AMF_FAILED : Delivery.ANSWERED;
    }
    /** Calls the AMF function that owns the event, executes what it answers and saves the UE's state; null when the call failed. */
    UeResult call(UeN2 ue, UeRequest request) {
        return call(ue, request, true, null);
    }

    /** The same for an N2 message that came from {@code sender} (which an ERROR INDICATION about it goes back to). */
    UeResult call(UeN2 ue, UeRequest request, UeActions.Sender sender) {
        return call(ue, request, true, sender);
    }

    UeResult call(UeN2 ue, UeRequest request, boolean persistAfter) {
        return call(ue, request, persistAfter, null);
    }

    /**
     * The last expiry of a NAS timer, to the AMF function owning the UE's procedure: it decides (abort and release,
     * or the result stands). When it cannot be told, the connection is released as TS 24.501 asks of an aborted
     * procedure ({@link NasTimer#releasesOnAbort}).
     */
    void nasTimerExpired(UeN2 ue, NasTimer timer) {
        UeResult result = call(ue, UeRequest.n2(ue.contextId, ue.location, new UeN2Event.NasTimerExpired(timer.id())));
        if (result == null && timer.releasesOnAbort() && ue.ran != null) {
            actions.sendUeContextReleaseCommand(ue, new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE));
        }
    }

    /**
     * The call; null when it failed. An N2 event the gNB waits on whose function is unavailable (502/503/504,
     * unreachable, timed out) is answered for it ({@link AmfUnavailableAnswers#answer(UeN2, UeN2Event, FunctionSpec, ProblemException)}).
     */
    private UeResult call(UeN2 ue, UeRequest request, boolean persistAfter, UeActions.Sender sender) {
        return call(ue, request, persistAfter, sender, 1);
    }

    /**
     * The same, the {@code attempt}-th time: a report the gNB waits on no answer for (a resource response, HANDOVER
     * NOTIFY, the release's completion) whose function was unavailable is tried again after the back-off, on the UE's
     * executor ({@link AmfUnavailableAnswers#retryReport}); whatever the UE did meanwhile has gone first.
     */
    private UeResult call(UeN2 ue, UeRequest request, boolean persistAfter, UeActions.Sender sender, int attempt) {
        try {
            return callOrThrow(ue, request, persistAfter, sender);
        } catch (ProblemException e) {
            FunctionSpec<UeRequest, UeResult> function = request.message() != null ? route(ue, request.message()) : route(ue, request.n2Event());
            metrics.count("amf_error");
            if (request.n2Event() != null && AmfUnavailableAnswers.isUnavailable(e)) {
                unavailable.answer(ue, request.n2Event(), function, e);
                unavailable.retryReport(ue, request.n2Event(), e, attempt).ifPresent(backOff ->
                        scheduler.schedule(backOff, () -> connections.submit(ue, () -> call(ue, request, persistAfter, sender, attempt + 1))));
            } else {
                log.warn("{}: {} failed: {}", ue, function.name(), e.getMessage());
            }
            return null;
        }
    }

    /** The call; a failed one (nothing executed, nothing saved) throws the function's problem. */
    private UeResult callOrThrow(UeN2 ue, UeRequest request, boolean persistAfter, UeActions.Sender sender) {
        FunctionSpec<UeRequest, UeResult> function = request.message() != null ? route(ue, request.message()) : route(ue, request.n2Event());
        UeResult result = Tenancy.callAs(tenancy.of(ue, request), () -> functions.call(function, request));
        // the state is written before anything reaches the gNB (HeldSends): another proxy may get the answer
        HeldSends.holding(() -> {
            execute(ue, function, result, sender);
            return result;
        }, r -> {
            if (persistAfter) {
                persist(ue);
            }
        });
        return result;
    }

    private void execute(UeN2 ue, FunctionSpec<UeRequest, UeResult> function, UeResult result, UeActions.Sender sender) {
        for (UeAction action : result.actions()) {
            tenancy.learn(ue, action);
            if (action instanceof UeAction.SendNas send && isCommonProcedureRequest(send.message())) {
                ue.commonProcedureOwner = function; // its answer goes back to this function
            }
            try {
                actions.execute(ue, action, sender);
            } catch (RuntimeException e) {
                log.warn("{}: cannot execute {}: {}", ue, action.getClass().getSimpleName(), e.toString());
                metrics.count("action_error");
            }
        }
        ue.registered = result.gmmState() == GmmState.REGISTERED;
    }

    private void persist(UeN2 ue) {
        try {
            connections.persist(ue);
        } catch (io.liquid5gc.runtime.store.StoreException e) {
            // the UE is answered all the same; this proxy still holds its state and writes it again after the next event
            log.warn("{}: state not saved, the store does not answer: {}", ue, e.getMessage());
            metrics.count("state_not_saved");
        }
    }

    /**
     * A network procedure on the UE with this SUPI (de-registration, downlink data, re-authentication): the N2 event
     * goes to the AMF on the UE's own executor, after anything it is still processing; a CM-IDLE UE's context is loaded
     * from the store first. {@code idleAnswer} non-null: a UE that is not connected is not asked, that is the answer;
     * {@code refused}: the answer when the AMF refused. Empty when the SUPI has no UE context.
     */
    <T> Optional<CompletableFuture<T>> networkProcedure(String supi, Function<Boolean, UeN2Event> event,
                                                     java.util.function.BiFunction<Boolean, UeResult, T> done, T idleAnswer, T refused) {
        String contextId = connections.contextIdOfSupi(supi);
        if (contextId == null) {
            return Optional.empty();
        }
        var outcome = new CompletableFuture<T>();
        UeN2 known = connections.byContextId(contextId);
        Runnable task = () -> {
            boolean connected = known != null && known.ran != null && connections.isCurrent(known);
            if (!connected && idleAnswer != null) {
                outcome.complete(idleAnswer);
                return;
            }
            UeN2 ue = connected ? known : new UeN2(-1, -1, null, null);
            if (!connected) {
                ue.contextId = contextId;
                UeState state = connections.load(contextId);
                if (state != null) {
                    connections.apply(ue, state);
                }
            }
            UeResult r = call(ue, UeRequest.n2(contextId, ue.location, event.apply(connected)), connected);
            outcome.complete(r == null ? refused : done.apply(connected, r));
        };
        if (known != null) {
            connections.submit(known, task);
        } else {
            connections.submitNew(task);
        }
        return Optional.of(outcome);
    }
}
