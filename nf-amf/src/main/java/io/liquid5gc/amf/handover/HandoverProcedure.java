package io.liquid5gc.amf.handover;

import io.liquid5gc.amf.TransitionTable;
import io.liquid5gc.amf.context.HandoverState;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.amf.context.SessionContexts;
import io.liquid5gc.amf.context.UeContext;
import io.liquid5gc.amf.context.UeContexts;
import io.liquid5gc.amf.context.UeSessions;
import io.liquid5gc.amf.context.UeSessions.UpState;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.PduSessionUpdateResponse;
import io.liquid5gc.sbi.smf.SmfApi;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code amf-handover}: intra-AMF handovers, driven by the gNBs' N2 events. N2 handover (TS 23.502 4.9.1.3): on
 * HANDOVER REQUIRED the SMFs give the sessions' setup for the target, which gets a HANDOVER REQUEST; its
 * acknowledgement carries the target's downlink tunnels, handed to the SMFs, and the source gets the HANDOVER COMMAND
 * (with the UPF's forwarding tunnel of each session whose target accepted indirect data forwarding: the SMF keeps the
 * downlink on the source until completion, otherwise it switches it at once); HANDOVER NOTIFY completes it (the SMFs
 * are told, hoState COMPLETED) and the source's UE context is released; a cancel tells them CANCELLED. Xn handover (4.9.1.2): the target's PATH SWITCH REQUEST moves the
 * downlink tunnels at the SMFs, answered by the acknowledgement. The proxy adds the keys (NH, NCC). The UE
 * context keeps where an N2 handover stands ({@link HandoverState}): preparing after the HANDOVER REQUEST, executing
 * after the HANDOVER COMMAND, none again at HANDOVER NOTIFY, HANDOVER CANCEL or a preparation failure.
 */
public final class HandoverProcedure {

    private static final Logger log = LoggerFactory.getLogger(HandoverProcedure.class);

    private final UeContexts contexts;
    private final SessionContexts sessions;
    private final FunctionClient functions;
    private final io.liquid5gc.amf.session.SmfSessions smf;
    private final TransitionTable<HandoverState> table = new TransitionTable<>(HandoverState.class, "handover");

    public HandoverProcedure(UeContexts contexts, SessionContexts sessions, FunctionClient functions) {
        this.smf = new io.liquid5gc.amf.session.SmfSessions(sessions, functions);
        this.contexts = contexts;
        this.sessions = sessions;
        this.functions = functions;
        // a new HANDOVER REQUIRED replaces a preparation the source gave up (TS 38.413 8.4.1.2: TNGRELOCprep)
        table.onEventInEveryState(UeN2Event.HandoverRequired.class, this::handleHandoverRequired)
                .onEvent(HandoverState.PREPARING, UeN2Event.HandoverRequestAcknowledged.class, this::handleHandoverRequestAcknowledge)
                .onEvent(HandoverState.PREPARING, UeN2Event.HandoverFailed.class, this::handleHandoverFailure)
                .onEvent(HandoverState.EXECUTING, UeN2Event.HandoverNotified.class, this::handleHandoverNotify)
                // TS 38.413 8.4.5.2: a cancel is always acknowledged (with nothing left to cancel, e.g. after a failure, too)
                .onEventInEveryState(UeN2Event.HandoverCancelled.class, this::handleHandoverCancel)
                .onEvent(HandoverState.NONE, UeN2Event.PathSwitchRequest.class, this::handlePathSwitchRequest)
                // an Xn path switch while an N2 handover of the UE runs: the UE cannot move both ways
                .onEvent(EnumSet.of(HandoverState.PREPARING, HandoverState.EXECUTING), UeN2Event.PathSwitchRequest.class,
                        (ue, r, loaded) -> refusePathSwitch(ue, "an N2 handover is " + ue.handover()));
    }

    /**
     * One N2 event of a handover, by the transition table (handover state x event -> step). An event the UE's
     * handover state does not expect (a HANDOVER NOTIFY, an acknowledgement or a failure without a preparation) is
     * refused: the gNB that sent it gets an ERROR INDICATION with protocol message-not-compatible-with-receiver-state
     * (TS 38.413 10.4), and the UE context stays as it is.
     */
    public UeResult handle(UeRequest request) {
        if (request.ueContextId() == null || request.n2Event() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "ueContextId and n2Event are required");
        }
        if (!table.knows(request)) {
            throw new ProblemException(409, "Conflict", "MESSAGE_NOT_COMPATIBLE_WITH_STATE", TransitionTable.describe(request) + " is not part of a handover");
        }
        UeContexts.Loaded loaded = contexts.load(request.ueContextId());
        UeContext ue = loaded.context();
        var step = table.find(ue.handover(), request);
        if (step.isEmpty()) {
            log.warn("UE {}: {} refused: no handover of the UE is {}", ue.id(), TransitionTable.describe(request),
                    request.n2Event() instanceof UeN2Event.HandoverNotified ? "executing" : "being prepared");
            return result(ue, new UeAction.ErrorIndication(NgapCause.PROTOCOL_MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE));
        }
        return step.get().apply(ue, request, loaded);
    }

    /** TS 23.502 4.9.1.3.2 steps 1-9: preparation towards the target gNB. */
    UeResult handleHandoverRequired(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UeN2Event.HandoverRequired h = (UeN2Event.HandoverRequired) request.n2Event();
        if (ue.state() != GmmState.REGISTERED) {
            return preparationFailed(ue, loaded, NgapCause.RADIO_NETWORK_UNSPECIFIED);
        }
        UeSessions known = sessions.load(ue.id());
        List<UeAction.SessionSetup> setups = new ArrayList<>();
        for (int id : h.pduSessionIds()) {
            UeSessions.Session s = known.get(id);
            if (s == null || s.upState() == UpState.RELEASING) {
                continue;
            }
            PduSessionUpdateResponse r;
            try {
                r = functions.call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(s.smContextRef(), null, null, "ACTIVATING"));
            } catch (ProblemException e) {
                if (e.problem().status() != 404) {
                    throw e;
                }
                sessions.update(ue.id(), all -> all.without(id)); // gone at the SMF: not handed over
                continue;
            }
            if (r.n2SmInfo() != null) {
                setups.add(new UeAction.SessionSetup(id, s.sNssai(), r.n2SmInfo(), null));
            }
        }
        if (setups.isEmpty()) {
            // TS 38.413 9.2.3.4: the HANDOVER REQUEST needs at least one PDU session to set up
            log.info("UE {}: handover to {} refused: no PDU session to hand over", ue.id(), h.targetGnb());
            return preparationFailed(ue, loaded, NgapCause.RADIO_NETWORK_HO_FAILURE_IN_TARGET);
        }
        log.info("UE {} ({}): N2 handover to {} ({}), PDU sessions {}", ue.id(), ue.supi(), h.targetGnb(), h.cause(),
                setups.stream().map(UeAction.SessionSetup::pduSessionId).toList());
        return transition(ue, loaded, HandoverState.PREPARING, new UeAction.HandoverRequest(h.targetGnb(), h.handoverType(), h.cause(), setups, h.sourceToTargetContainer(),
                ue.allowedNssai(), ue.ueSecurityCapability()));
    }

    /** TS 23.502 4.9.1.3.2 steps 10-12 and 4.9.1.3.3 step 1: the target is ready; the source commands the UE. */
    UeResult handleHandoverRequestAcknowledge(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UeN2Event.HandoverRequestAcknowledged a = (UeN2Event.HandoverRequestAcknowledged) request.n2Event();
        UeSessions known = sessions.load(ue.id());
        List<Integer> handed = new ArrayList<>();
        List<UeAction.HandoverCommand.Forwarding> forwarding = new ArrayList<>();
        for (UeN2Event.SetUpSession s : a.admitted()) {
            UeSessions.Session session = known.get(s.pduSessionId());
            if (session == null) {
                continue;
            }
            PduSessionUpdateResponse r = functions.call(SmfApi.PDU_SESSION_UPDATE,
                    new PduSessionUpdateRequest(session.smContextRef(), "HANDOVER_REQ_ACK", s.transfer(), null));
            handed.add(s.pduSessionId());
            if (r != null && r.handoverCommand() != null) {
                // indirect data forwarding (TS 23.502 4.9.1.3.2 step 9): the source gets the UPF's forwarding tunnel
                forwarding.add(new UeAction.HandoverCommand.Forwarding(s.pduSessionId(), r.handoverCommand()));
            }
        }
        for (UeN2Event.FailedSession f : a.failed()) {
            log.warn("UE {}: the handover target could not admit PDU session {}: {}", ue.id(), f.pduSessionId(), f.cause());
        }
        if (handed.isEmpty()) {
            return preparationFailed(ue, loaded, NgapCause.RADIO_NETWORK_HO_FAILURE_IN_TARGET);
        }
        return transition(ue, loaded, HandoverState.EXECUTING, new UeAction.HandoverCommand("INTRA_5GS", handed, a.targetToSourceContainer(), forwarding));
    }

    /** TS 23.502 4.9.1.3.2, target failed: the source is told (TS 38.413 8.4.1.3). */
    UeResult handleHandoverFailure(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UeN2Event.HandoverFailed f = (UeN2Event.HandoverFailed) request.n2Event();
        log.info("UE {}: the handover target failed: {}", ue.id(), f.cause());
        return preparationFailed(ue, loaded, f.cause() == null ? NgapCause.RADIO_NETWORK_HO_FAILURE_IN_TARGET : f.cause());
    }

    /** TS 23.502 4.9.1.3.3 steps 2-14: the UE is at the target; the source's context goes. */
    UeResult handleHandoverNotify(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        // step 8: each SMF is told the handover completed (with indirect forwarding the downlink moves to the target now)
        tellSmfs(ue, PduSessionUpdateRequest.HoState.COMPLETED);
        sessions.update(ue.id(), all -> {
            UeSessions next = all;
            for (UeSessions.Session s : all.sessions().values()) {
                if (s.upState() == UpState.ACTIVE || s.upState() == UpState.ACTIVATING) {
                    next = next.with(s.withUpState(UpState.ACTIVE));
                }
            }
            return next;
        });
        log.info("UE {} ({}): N2 handover completed", ue.id(), ue.supi());
        return transition(ue, loaded, HandoverState.NONE, new UeAction.ReleaseHandoverSource());
    }

    /**
     * TS 38.413 8.4.5, TS 23.502 4.9.1.4: the source gives the handover up; it is acknowledged and the target's UE
     * context released. Cancelled while executing, the SMFs have already moved the downlink to the target's tunnels
     * (this core forwards nothing indirectly and has no handover cancel at the SMF yet): they stay there until the
     * UE's next path change or service request, which is logged.
     */
    UeResult handleHandoverCancel(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UeN2Event.HandoverCancelled c = (UeN2Event.HandoverCancelled) request.n2Event();
        if (ue.handover() != HandoverState.NONE) {
            tellSmfs(ue, PduSessionUpdateRequest.HoState.CANCELLED); // TS 23.502 4.9.1.4 step 2: forwarding tunnels released
        }
        if (ue.handover() == HandoverState.EXECUTING) {
            log.warn("UE {} ({}): handover cancelled while executing ({}): downlink stays on the target's tunnels", ue.id(), ue.supi(), c.cause());
        } else {
            log.info("UE {} ({}): handover cancelled by the source ({}){}", ue.id(), ue.supi(), c.cause(),
                    ue.handover() == HandoverState.NONE ? "; none was running" : "");
        }
        return transition(ue, loaded, HandoverState.NONE, new UeAction.HandoverCancelAcknowledge());
    }

    /** Nsmf_PDUSession_UpdateSMContext with the handover state for each of the UE's active sessions; failures are logged. */
    private void tellSmfs(UeContext ue, PduSessionUpdateRequest.HoState state) {
        for (UeSessions.Session s : sessions.load(ue.id()).sessions().values()) {
            if (s.upState() != UpState.ACTIVE && s.upState() != UpState.ACTIVATING) {
                continue;
            }
            try {
                functions.call(SmfApi.PDU_SESSION_UPDATE, PduSessionUpdateRequest.handover(s.smContextRef(), state));
            } catch (RuntimeException e) {
                log.warn("UE {}: handover {} of PDU session {} not told to its SMF: {}", ue.id(), state, s.pduSessionId(), e.getMessage());
            }
        }
    }

    /** TS 23.502 4.9.1.2.2 steps 1-7: Xn handover: the downlink moves to the target gNB. */
    UeResult handlePathSwitchRequest(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UeN2Event.PathSwitchRequest p = (UeN2Event.PathSwitchRequest) request.n2Event();
        if (ue.state() != GmmState.REGISTERED) {
            return refusePathSwitch(ue, "the UE is " + ue.state());
        }
        UeSessions known = sessions.load(ue.id());
        List<Integer> switched = new ArrayList<>();
        for (UeN2Event.SetUpSession s : p.switched()) {
            UeSessions.Session session = known.get(s.pduSessionId());
            if (session == null) {
                continue;
            }
            functions.call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(session.smContextRef(), "PATH_SWITCH_REQ", s.transfer(), null));
            switched.add(s.pduSessionId());
        }
        for (UeN2Event.FailedSession f : p.failed()) {
            // TS 23.502 4.9.1.2.2 step 2: sessions the target could not take are released
            UeSessions.Session session = known.get(f.pduSessionId());
            if (session != null) {
                smf.release(session.smContextRef(), "REL_DUE_TO_HO");
                sessions.update(ue.id(), all -> all.without(f.pduSessionId()));
            }
        }
        if (switched.isEmpty()) {
            return refusePathSwitch(ue, "no PDU session could be switched");
        }
        log.info("UE {} ({}): Xn handover path switch of PDU sessions {}", ue.id(), ue.supi(), switched);
        return result(ue, new UeAction.PathSwitchRequestAcknowledge(switched, ue.ueSecurityCapability(), ue.allowedNssai()));
    }

    /** TS 38.413 8.4.4.3: PATH SWITCH REQUEST FAILURE; the UE stays where it was. */
    private static UeResult refusePathSwitch(UeContext ue, String why) {
        log.info("UE {}: path switch refused: {}", ue.id(), why);
        return result(ue, new UeAction.PathSwitchRequestFailure(NgapCause.RADIO_NETWORK_UNSPECIFIED));
    }

    /** TS 38.413 8.4.1.3: HANDOVER PREPARATION FAILURE to the source; no handover is running any more. */
    private UeResult preparationFailed(UeContext ue, UeContexts.Loaded loaded, NgapCause cause) {
        return transition(ue, loaded, HandoverState.NONE, new UeAction.HandoverPreparationFailure(cause));
    }

    /** The UE's handover state becomes {@code next} (saved when it changes) and the proxy does {@code action}. */
    private UeResult transition(UeContext ue, UeContexts.Loaded loaded, HandoverState next, UeAction action) {
        if (ue.handover() != next) {
            contexts.save(loaded, ue.withHandover(next));
        }
        return result(ue, action);
    }

    private static UeResult result(UeContext ue, UeAction action) {
        return new UeResult(List.of(action), ue.state());
    }
}
