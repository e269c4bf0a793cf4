package io.liquid5gc.amf.handover;

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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code amf-handover}: intra-AMF handovers, driven by the gNBs' N2 events. N2 handover (TS 23.502 4.9.1.3): on
 * HANDOVER REQUIRED the SMFs give the sessions' setup for the target, which gets a HANDOVER REQUEST; its
 * acknowledgement carries the target's downlink tunnels, handed to the SMFs (the user plane switches then: this
 * core does no indirect data forwarding), and the source gets the HANDOVER COMMAND; HANDOVER NOTIFY completes it
 * and the source's UE context is released. Xn handover (4.9.1.2): the target's PATH SWITCH REQUEST moves the
 * downlink tunnels at the SMFs, answered by the acknowledgement. The proxy adds the keys (NH, NCC).
 */
public final class HandoverProcedure {

    private static final Logger log = LoggerFactory.getLogger(HandoverProcedure.class);

    private final UeContexts contexts;
    private final SessionContexts sessions;
    private final FunctionClient functions;
    private final io.liquid5gc.amf.session.SmfSessions smf;

    public HandoverProcedure(UeContexts contexts, SessionContexts sessions, FunctionClient functions) {
        this.smf = new io.liquid5gc.amf.session.SmfSessions(sessions, functions);
        this.contexts = contexts;
        this.sessions = sessions;
        this.functions = functions;
    }

    public UeResult handle(UeRequest request) {
        if (request.ueContextId() == null || request.n2Event() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "ueContextId and n2Event are required");
        }
        UeContext ue = contexts.load(request.ueContextId()).context();
        return switch (request.n2Event()) {
            case UeN2Event.HandoverRequired h -> handleHandoverRequired(ue, h);
            case UeN2Event.HandoverRequestAcknowledged a -> handleHandoverRequestAcknowledge(ue, a);
            case UeN2Event.HandoverFailed f -> handleHandoverFailure(ue, f);
            case UeN2Event.HandoverNotified n -> handleHandoverNotify(ue);
            case UeN2Event.PathSwitchRequest p -> handlePathSwitchRequest(ue, p);
            default -> throw new ProblemException(409, "Conflict", "MESSAGE_NOT_COMPATIBLE_WITH_STATE",
                    request.n2Event().getClass().getSimpleName() + " is not part of a handover");
        };
    }

    /** TS 23.502 4.9.1.3.2 steps 1-9: preparation towards the target gNB. */
    UeResult handleHandoverRequired(UeContext ue, UeN2Event.HandoverRequired h) {
        if (ue.state() != GmmState.REGISTERED) {
            return result(ue, new UeAction.HandoverPreparationFailure(NgapCause.RADIO_NETWORK_UNSPECIFIED));
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
            return result(ue, new UeAction.HandoverPreparationFailure(NgapCause.RADIO_NETWORK_HO_FAILURE_IN_TARGET));
        }
        log.info("UE {} ({}): N2 handover to {} ({}), PDU sessions {}", ue.id(), ue.supi(), h.targetGnb(), h.cause(),
                setups.stream().map(UeAction.SessionSetup::pduSessionId).toList());
        return result(ue, new UeAction.HandoverRequest(h.targetGnb(), h.handoverType(), h.cause(), setups, h.sourceToTargetContainer(),
                ue.allowedNssai(), ue.ueSecurityCapability()));
    }

    /** TS 23.502 4.9.1.3.2 steps 10-12 and 4.9.1.3.3 step 1: the target is ready; the source commands the UE. */
    UeResult handleHandoverRequestAcknowledge(UeContext ue, UeN2Event.HandoverRequestAcknowledged a) {
        UeSessions known = sessions.load(ue.id());
        List<Integer> handed = new ArrayList<>();
        for (UeN2Event.SetUpSession s : a.admitted()) {
            UeSessions.Session session = known.get(s.pduSessionId());
            if (session == null) {
                continue;
            }
            functions.call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(session.smContextRef(), "HANDOVER_REQ_ACK", s.transfer(), null));
            handed.add(s.pduSessionId());
        }
        for (UeN2Event.FailedSession f : a.failed()) {
            log.warn("UE {}: the handover target could not admit PDU session {}: {}", ue.id(), f.pduSessionId(), f.cause());
        }
        if (handed.isEmpty()) {
            return result(ue, new UeAction.HandoverPreparationFailure(NgapCause.RADIO_NETWORK_HO_FAILURE_IN_TARGET));
        }
        return result(ue, new UeAction.HandoverCommand("INTRA_5GS", handed, a.targetToSourceContainer()));
    }

    /** TS 23.502 4.9.1.3.2, target failed: the source is told (TS 38.413 8.4.1.3). */
    UeResult handleHandoverFailure(UeContext ue, UeN2Event.HandoverFailed f) {
        log.info("UE {}: the handover target failed: {}", ue.id(), f.cause());
        return result(ue, new UeAction.HandoverPreparationFailure(f.cause() == null ? NgapCause.RADIO_NETWORK_HO_FAILURE_IN_TARGET : f.cause()));
    }

    /** TS 23.502 4.9.1.3.3 steps 2-14: the UE is at the target; the source's context goes. */
    UeResult handleHandoverNotify(UeContext ue) {
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
        return result(ue, new UeAction.ReleaseHandoverSource());
    }

    /** TS 23.502 4.9.1.2.2 steps 1-7: Xn handover: the downlink moves to the target gNB. */
    UeResult handlePathSwitchRequest(UeContext ue, UeN2Event.PathSwitchRequest p) {
        if (ue.state() != GmmState.REGISTERED) {
            return result(ue, new UeAction.PathSwitchRequestFailure(NgapCause.RADIO_NETWORK_UNSPECIFIED));
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
            return result(ue, new UeAction.PathSwitchRequestFailure(NgapCause.RADIO_NETWORK_UNSPECIFIED));
        }
        log.info("UE {} ({}): Xn handover path switch of PDU sessions {}", ue.id(), ue.supi(), switched);
        return result(ue, new UeAction.PathSwitchRequestAcknowledge(switched, ue.ueSecurityCapability(), ue.allowedNssai()));
    }

    private static UeResult result(UeContext ue, UeAction action) {
        return new UeResult(List.of(action), ue.state());
    }
}
