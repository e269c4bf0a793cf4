package io.liquid5gc.amf.session;

import io.liquid5gc.amf.AmfProperties;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.amf.context.SessionContexts;
import io.liquid5gc.amf.context.UeContext;
import io.liquid5gc.amf.context.UeContexts;
import io.liquid5gc.amf.context.UeSessions;
import io.liquid5gc.amf.context.UeSessions.UpState;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.DownlinkSm;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeAction.Protection;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.amf.UplinkSm;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.smf.PduSessionCreateRequest;
import io.liquid5gc.sbi.smf.PduSessionCreateResponse;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.SmfApi;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code amf-pdu-session-relay}: the AMF between the UE/gNB and the SMF for PDU sessions (TS 23.502 4.3.2.2.1
 * establishment, 4.3.4.2 UE-requested release; TS 24.501 5.4.5 NAS transport). It relays the UE's 5GSM messages to
 * the SMF, turns the SMF's answers into the N1 message and the N2 PDU session resource request for the gNB, and
 * hands the gNB's answers back to the SMF. The AMF keeps only the session's SMF association ({@link UeSessions}).
 */
public final class PduSessionRelay {

    private static final Logger log = LoggerFactory.getLogger(PduSessionRelay.class);

    // 5GMM causes, TS 24.501 9.11.3.2
    static final int CAUSE_PAYLOAD_NOT_FORWARDED = 90;
    static final int CAUSE_SNSSAI_NOT_AVAILABLE = 91; // #91 DNN not supported or not subscribed in the slice
    // 5GSM causes, TS 24.501 9.11.4.2
    static final int SM_CAUSE_REGULAR_DEACTIVATION = 36;
    static final int SM_CAUSE_NETWORK_FAILURE = 38;
    static final int SM_CAUSE_INVALID_PDU_SESSION_ID = 43;
    static final int SM_CAUSE_MESSAGE_TYPE_NOT_IMPLEMENTED = 97;

    private final AmfProperties amf;
    private final SessionProperties properties;
    private final UeContexts contexts;
    private final SessionContexts sessions;
    private final FunctionClient functions;

    public PduSessionRelay(AmfProperties amf, SessionProperties properties, UeContexts contexts, SessionContexts sessions,
                           FunctionClient functions) {
        this.amf = amf;
        this.properties = properties;
        this.contexts = contexts;
        this.sessions = sessions;
        this.functions = functions;
    }

    public UeResult handle(UeRequest request) {
        if (request.ueContextId() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "ueContextId is required");
        }
        UeContext ue = contexts.load(request.ueContextId()).context();
        if (request.message() instanceof UplinkNas.UlNasTransport ul) {
            return handleUlNasTransport(ue, request, ul);
        }
        return switch (request.n2Event()) {
            case UeN2Event.PduSessionResourcesSetUp s when !s.initialContextSetup() -> handlePduSessionResourceSetupResponse(ue, s);
            case UeN2Event.PduSessionResourcesReleased r -> handlePduSessionResourceReleaseResponse(ue, r);
            case UeN2Event.NetworkPduSessionRelease r -> handleNetworkPduSessionRelease(ue, r);
            case UeN2Event.PduSessionResourcesModified r -> {
                // TS 23.502 4.3.3.2 step 5: the QoS did not change at the SMF, so nothing to hand on; failures are reported
                r.failed().forEach(f -> log.warn("UE {}: the gNB failed to modify PDU session {}: {}", ue.id(), f.pduSessionId(), f.cause()));
                yield result(ue, List.of());
            }
            case null -> throw ProblemException.badRequest("MANDATORY_IE_MISSING", "an UL NAS TRANSPORT or a PDU session resource event is required");
            default -> throw new ProblemException(409, "Conflict", "MESSAGE_NOT_COMPATIBLE_WITH_STATE",
                    request.n2Event().getClass().getSimpleName() + " is not part of the PDU session relay");
        };
    }

    // ---- N1: TS 24.501 5.4.5.2 UE-initiated NAS transport ----

    UeResult handleUlNasTransport(UeContext ue, UeRequest request, UplinkNas.UlNasTransport ul) {
        if (!request.integrityVerified() || ue.state() != GmmState.REGISTERED) {
            // TS 24.501 4.4.4.3: UL NAS TRANSPORT is processed only integrity protected, and only from a registered UE
            throw new ProblemException(403, "Forbidden", "UE_NOT_REGISTERED_OR_NOT_PROTECTED",
                    "UL NAS TRANSPORT from UE " + ue.id() + " in state " + ue.state() + (request.integrityVerified() ? "" : " without verified integrity"));
        }
        return switch (ul.sm()) {
            case UplinkSm.PduSessionEstablishmentRequest e -> handlePduSessionEstablishmentRequest(ue, ul, e);
            case UplinkSm.PduSessionReleaseRequest r -> handlePduSessionReleaseRequest(ue, ul, r);
            case UplinkSm.PduSessionReleaseComplete c -> handlePduSessionReleaseComplete(ue, ul);
            case UplinkSm.PduSessionModificationRequest m -> handlePduSessionModificationRequest(ue, ul, m);
            case UplinkSm.PduSessionModificationComplete c -> {
                log.info("UE {}: PDU session {} modified", ue.id(), ul.pduSessionId());
                yield result(ue, List.of());
            }
            case UplinkSm.Other o -> {
                log.info("UE {}: 5GSM {} for PDU session {} is not handled", ue.id(), o.messageType(), ul.pduSessionId());
                yield result(ue, List.of());
            }
            case null -> throw ProblemException.badRequest("MANDATORY_IE_MISSING", "UL NAS TRANSPORT without an N1 SM message");
        };
    }

    /** TS 23.502 4.3.2.2.1 steps 1-3 and 11-12: create the SM context, then the N1 accept and N2 setup request to the gNB. */
    UeResult handlePduSessionEstablishmentRequest(UeContext ue, UplinkNas.UlNasTransport ul, UplinkSm.PduSessionEstablishmentRequest e) {
        int id = ul.pduSessionId();
        if (id < 1 || id > 15) {
            return sm(ue, id, new DownlinkSm.EstablishmentReject(e.pti(), SM_CAUSE_INVALID_PDU_SESSION_ID, null));
        }
        Snssai slice = ul.sNssai() != null ? ul.sNssai() : ue.allowedNssai().isEmpty() ? null : ue.allowedNssai().getFirst();
        if (slice == null || !ue.allowedNssai().contains(slice)) {
            // TS 24.501 5.4.5.2.5: the S-NSSAI is not in the allowed NSSAI: the 5GSM message goes back, not forwarded
            log.info("UE {}: PDU session {} asked for S-NSSAI {} outside the allowed NSSAI {}", ue.id(), id, slice, ue.allowedNssai());
            return result(ue, List.of(new UeAction.SendNas(new DownlinkNas.DlNasTransport(id, null, CAUSE_PAYLOAD_NOT_FORWARDED), Protection.PROTECTED)));
        }
        String dnn = ul.dnn() != null ? ul.dnn() : properties.defaultDnn();
        PduSessionCreateResponse created = functions.call(SmfApi.PDU_SESSION_CREATE, new PduSessionCreateRequest(ue.supi(), id, dnn, slice,
                e.pduSessionType(), e.sscMode(), new PlmnId(amf.mcc(), amf.mnc()), "amf", "3GPP_ACCESS", null));
        if (!created.wasAccepted()) {
            var reject = created.n1SmReject();
            log.info("UE {}: PDU session {} rejected by the SMF with 5GSM cause #{}", ue.id(), id, reject.cause5gsm());
            sessions.update(ue.id(), s -> s.without(id));
            return sm(ue, id, new DownlinkSm.EstablishmentReject(e.pti(), reject.cause5gsm(), reject.backOffTimerSeconds()));
        }
        sessions.update(ue.id(), s -> s.with(new UeSessions.Session(id, created.smContextRef(), slice, dnn, UpState.ACTIVATING, e.pti())));
        DownlinkNas accept = new DownlinkNas.DlNasTransport(id, new DownlinkSm.EstablishmentAccept(e.pti(), created.n1SmAccept()), null);
        log.info("UE {}: PDU session {} ({} {}) accepted, UE address {}", ue.id(), id, dnn, slice,
                created.n1SmAccept().pduAddress() == null ? "-" : created.n1SmAccept().pduAddress().ipv4Addr());
        return result(ue, List.of(new UeAction.PduSessionResourceSetup(List.of(new UeAction.SessionSetup(id, slice, created.n2SmInfo(), accept)))));
    }

    /** TS 23.502 4.3.4.2 steps 1-3: UE-requested release: the SMF releases, the gNB and UE are told. */
    UeResult handlePduSessionReleaseRequest(UeContext ue, UplinkNas.UlNasTransport ul, UplinkSm.PduSessionReleaseRequest r) {
        int id = ul.pduSessionId();
        UeSessions.Session s = sessions.load(ue.id()).get(id);
        if (s == null) {
            return sm(ue, id, new DownlinkSm.ReleaseReject(r.pti(), SM_CAUSE_INVALID_PDU_SESSION_ID));
        }
        releaseAtSmf(ue, s, "UE_INITIATED");
        sessions.update(ue.id(), all -> all.get(id) == null ? all : all.with(s.withUpState(UpState.RELEASING)));
        DownlinkNas command = new DownlinkNas.DlNasTransport(id, new DownlinkSm.ReleaseCommand(r.pti(), SM_CAUSE_REGULAR_DEACTIVATION), null);
        if (s.upState() == UpState.DEACTIVATED) {
            return result(ue, List.of(new UeAction.SendNas(command, Protection.PROTECTED)));
        }
        return result(ue, List.of(new UeAction.PduSessionResourceRelease(List.of(id), NgapCause.NAS_NORMAL_RELEASE, command)));
    }

    /**
     * TS 23.502 4.3.4.2 network-requested release (the SMF released the session itself, e.g. the CHF's quota is used
     * up): a connected UE gets the PDU Session Release Command with the SMF's 5GSM cause, through the gNB's PDU Session
     * Resource Release Command when the session has resources there; a CM-IDLE UE is not paged for it: the session is
     * dropped and the UE learns it from the PDU session status at its next service request (TS 24.501 5.6.1.4).
     */
    UeResult handleNetworkPduSessionRelease(UeContext ue, UeN2Event.NetworkPduSessionRelease r) {
        int id = r.pduSessionId();
        UeSessions.Session s = sessions.load(ue.id()).get(id);
        if (s == null) {
            return result(ue, List.of());
        }
        log.info("UE {}: PDU session {} released by the SMF (5GSM cause #{})", ue.id(), id, r.cause5gsm());
        if (!r.connected()) {
            sessions.update(ue.id(), all -> all.without(id));
            return result(ue, List.of());
        }
        sessions.update(ue.id(), all -> all.get(id) == null ? all : all.with(s.withUpState(UpState.RELEASING)));
        DownlinkNas command = new DownlinkNas.DlNasTransport(id, new DownlinkSm.ReleaseCommand(0, r.cause5gsm()), null);
        if (s.upState() == UpState.DEACTIVATED) {
            return result(ue, List.of(new UeAction.SendNas(command, Protection.PROTECTED)));
        }
        return result(ue, List.of(new UeAction.PduSessionResourceRelease(List.of(id), NgapCause.NAS_NORMAL_RELEASE, command)));
    }

    /**
     * TS 23.502 4.3.3.2 steps 1-4: UE-requested modification through the SMF; the gNB gets the PDU Session Resource
     * Modify Request with the Modification Command for the UE (unknown session: Modification Reject #43).
     */
    UeResult handlePduSessionModificationRequest(UeContext ue, UplinkNas.UlNasTransport ul, UplinkSm.PduSessionModificationRequest m) {
        int id = ul.pduSessionId();
        UeSessions.Session s = sessions.load(ue.id()).get(id);
        if (s == null || s.upState() == UpState.RELEASING) {
            return sm(ue, id, new DownlinkSm.ModificationReject(m.pti(), SM_CAUSE_INVALID_PDU_SESSION_ID));
        }
        var r = functions.call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(s.smContextRef(), null, null, null,
                PduSessionUpdateRequest.MODIFICATION_REQUEST));
        DownlinkNas command = new DownlinkNas.DlNasTransport(id, new DownlinkSm.ModificationCommand(m.pti(), r.n1SmModification()), null);
        if (s.upState() != UpState.ACTIVE || r.n2SmInfo() == null) {
            return result(ue, List.of(new UeAction.SendNas(command, Protection.PROTECTED)));
        }
        return result(ue, List.of(new UeAction.PduSessionResourceModify(id, r.n2SmInfo(), command)));
    }

    /** TS 23.502 4.3.4.2 step 11: the UE confirmed; the AMF forgets the session. */
    UeResult handlePduSessionReleaseComplete(UeContext ue, UplinkNas.UlNasTransport ul) {
        sessions.update(ue.id(), s -> s.without(ul.pduSessionId()));
        log.info("UE {}: PDU session {} released", ue.id(), ul.pduSessionId());
        return result(ue, List.of());
    }

    // ---- N2 answers ----

    /** TS 23.502 4.3.2.2.1 steps 14-16: the gNB's downlink tunnels go to the SMF (Nsmf_PDUSession_UpdateSMContext). */
    UeResult handlePduSessionResourceSetupResponse(UeContext ue, UeN2Event.PduSessionResourcesSetUp event) {
        List<UeAction> actions = new ArrayList<>();
        UeSessions known = sessions.load(ue.id());
        for (UeN2Event.SetUpSession s : event.setUp()) {
            UeSessions.Session session = known.get(s.pduSessionId());
            if (session == null) {
                log.warn("UE {}: the gNB set up PDU session {} which the AMF does not know", ue.id(), s.pduSessionId());
                continue;
            }
            functions.call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(session.smContextRef(), "PDU_RES_SETUP_RSP", s.transfer(), null));
            sessions.update(ue.id(), all -> all.get(session.pduSessionId()) == null ? all : all.with(session.withUpState(UpState.ACTIVE)));
        }
        for (UeN2Event.FailedSession f : event.failed()) {
            // TS 23.502 4.3.2.2.1 step 15: resources could not be set up: the SMF releases the session
            UeSessions.Session session = known.get(f.pduSessionId());
            log.warn("UE {}: the gNB failed to set up PDU session {}: {}", ue.id(), f.pduSessionId(), f.cause());
            if (session != null) {
                releaseAtSmf(ue, session, "PDU_RES_SETUP_FAIL");
                sessions.update(ue.id(), all -> all.without(f.pduSessionId()));
                // the gNB never delivered the accept: the UE still waits for an answer to its request (same PTI)
                DownlinkSm answer = session.upState() == UpState.ACTIVATING
                        ? new DownlinkSm.EstablishmentReject(session.pti(), SM_CAUSE_NETWORK_FAILURE, null)
                        : new DownlinkSm.ReleaseCommand(0, SM_CAUSE_REGULAR_DEACTIVATION);
                actions.add(new UeAction.SendNas(new DownlinkNas.DlNasTransport(f.pduSessionId(), answer, null), Protection.PROTECTED));
            }
        }
        return result(ue, actions);
    }

    UeResult handlePduSessionResourceReleaseResponse(UeContext ue, UeN2Event.PduSessionResourcesReleased event) {
        log.debug("UE {}: the gNB released PDU sessions {}", ue.id(), event.pduSessionIds());
        return result(ue, List.of());
    }

    private void releaseAtSmf(UeContext ue, UeSessions.Session s, String cause) {
        try {
            functions.call(SmfApi.PDU_SESSION_RELEASE, new PduSessionReleaseRequest(s.smContextRef(), cause));
        } catch (ProblemException e) {
            if (e.problem().status() != 404) {
                throw e;
            }
            log.info("UE {}: PDU session {} was already gone at the SMF", ue.id(), s.pduSessionId());
        }
    }

    private static UeResult sm(UeContext ue, int pduSessionId, DownlinkSm message) {
        return result(ue, List.of(new UeAction.SendNas(new DownlinkNas.DlNasTransport(pduSessionId, message, null), Protection.PROTECTED)));
    }

    private static UeResult result(UeContext ue, List<UeAction> actions) {
        return new UeResult(actions, ue.state());
    }
}
