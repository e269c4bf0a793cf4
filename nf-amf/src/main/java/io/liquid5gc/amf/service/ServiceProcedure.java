package io.liquid5gc.amf.service;

import io.liquid5gc.amf.TransitionTable;
import io.liquid5gc.amf.context.HandoverState;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.amf.context.SessionContexts;
import io.liquid5gc.amf.context.UeContext;
import io.liquid5gc.amf.context.UeContexts;
import io.liquid5gc.amf.context.UeSessions;
import io.liquid5gc.amf.context.UeSessions.UpState;
import io.liquid5gc.amf.session.SmfSessions;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeAction.Protection;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.PduSessionUpdateResponse;
import io.liquid5gc.sbi.smf.SmfApi;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code amf-service-request}: the way to CM-IDLE and back. AN release (TS 23.502 4.2.6): on the gNB's UE Context
 * Release Request the user plane of the UE's PDU sessions is deactivated at the SMF and the N2 connection
 * released. Service request (TS 24.501 5.6.1, TS 23.502 4.2.3.2): a registered UE's integrity-verified Service
 * Request re-activates the PDU sessions it has uplink data for (all active ones for signalling), answered by an
 * Initial Context Setup with the Service Accept; the sessions the UE no longer has are released (5.6.1.4.1). A
 * transition table (5GMM state x message or N2 event -> step), as the registration's.
 */
public final class ServiceProcedure {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcedure.class);

    // 5GMM causes, TS 24.501 9.11.3.2
    static final int CAUSE_UE_IDENTITY_CANNOT_BE_DERIVED = 9;
    static final int CAUSE_IMPLICITLY_DEREGISTERED = 10;

    private final UeContexts contexts;
    private final SessionContexts sessions;
    private final SmfSessions releaser;
    private final FunctionClient functions;
    private final java.util.function.Consumer<UeContext> afterDeregistration;
    private final List<DownlinkNas.Tai> taiList;
    private final TransitionTable<GmmState> table = new TransitionTable<>(GmmState.class, "service request");

    public ServiceProcedure(UeContexts contexts, SessionContexts sessions, SmfSessions releaser, FunctionClient functions) {
        this(contexts, sessions, releaser, functions, ue -> { });
    }

    public ServiceProcedure(UeContexts contexts, SessionContexts sessions, SmfSessions releaser, FunctionClient functions,
                            java.util.function.Consumer<UeContext> afterDeregistration) {
        this(contexts, sessions, releaser, functions, afterDeregistration, List.of());
    }

    /**
     * @param afterDeregistration what a de-registration after paging gives back (the NSACF's UE counts)
     * @param taiList             where a CM-IDLE UE is paged for downlink data (its registration area)
     */
    public ServiceProcedure(UeContexts contexts, SessionContexts sessions, SmfSessions releaser, FunctionClient functions,
                            java.util.function.Consumer<UeContext> afterDeregistration, List<DownlinkNas.Tai> taiList) {
        this.taiList = List.copyOf(taiList);
        this.afterDeregistration = afterDeregistration;
        this.contexts = contexts;
        this.sessions = sessions;
        this.releaser = releaser;
        this.functions = functions;
        Set<GmmState> notRegistered = EnumSet.complementOf(EnumSet.of(GmmState.REGISTERED));
        table.onMessage(GmmState.REGISTERED, UplinkNas.ServiceRequest.class, this::handleServiceRequest)
                .onMessage(notRegistered, UplinkNas.ServiceRequest.class, this::handleServiceRequestNotRegistered)
                .onEventInEveryState(UeN2Event.UeContextReleaseRequest.class, this::handleUeContextReleaseRequest)
                .onEventInEveryState(UeN2Event.UeContextReleased.class, this::handleUeContextReleaseComplete)
                .onEventInEveryState(UeN2Event.PduSessionResourcesSetUp.class, this::handleInitialContextSetupResponse)
                .onEvent(GmmState.REGISTERED, UeN2Event.DownlinkData.class, this::handleDownlinkData)
                .onEvent(notRegistered, UeN2Event.DownlinkData.class, this::handleDownlinkDataNotPaged);
    }

    public UeResult handle(UeRequest request) {
        TransitionTable.requireUeAndEvent(request);
        UeContexts.Loaded loaded = contexts.load(request.ueContextId());
        UeContext ue = loaded.context();
        return table.step(ue.state(), request).apply(ue, request, loaded);
    }

    /**
     * TS 23.502 4.2.3.3 steps 3-4: downlink data waits for a PDU session. A registered CM-IDLE UE is paged (TS 38.413
     * 8.5.1) and its Service Request then re-activates the session, which flushes the UPF's buffer; a connected UE
     * needs nothing here (its sessions are re-activated by its own service request).
     */
    UeResult handleDownlinkData(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UeN2Event.DownlinkData d = (UeN2Event.DownlinkData) request.n2Event();
        if (d.connected()) {
            return handleDownlinkDataNotPaged(ue, request, loaded);
        }
        log.info("UE {} ({}): downlink data for PDU session {}: paging the CM-IDLE UE", ue.id(), ue.supi(), d.pduSessionId());
        return new UeResult(List.of(new UeAction.Page(ue.guti(), taiList)), ue.state());
    }

    /** Downlink data for a connected UE, or one not registered: nothing to page. */
    UeResult handleDownlinkDataNotPaged(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UeN2Event.DownlinkData d = (UeN2Event.DownlinkData) request.n2Event();
        log.info("UE {}: downlink data for PDU session {} while {} {}: not paged", ue.id(), d.pduSessionId(), ue.state(),
                d.connected() ? "connected" : "idle");
        return new UeResult(List.of(), ue.state());
    }

    /** TS 23.502 4.2.6 steps 1-5: the gNB asks to release the N2 connection; the PDU sessions' user plane goes down. */
    UeResult handleUeContextReleaseRequest(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UeN2Event.UeContextReleaseRequest r = (UeN2Event.UeContextReleaseRequest) request.n2Event();
        releaser.deactivateAll(ue.id());
        log.info("UE {}: AN release ({}), to CM-IDLE", ue.id(), r.cause());
        return new UeResult(List.of(new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE)), ue.state());
    }

    /**
     * TS 23.502 4.2.6 step 6: the N2 connection is gone; any session still marked active is deactivated, and a
     * handover the UE was in is over (there is no connection left to hand over).
     */
    UeResult handleUeContextReleaseComplete(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        if (ue.handover() != HandoverState.NONE) {
            contexts.save(loaded, ue.withHandover(HandoverState.NONE));
            log.info("UE {}: N2 connection released during a handover ({}): handover over", ue.id(), ue.handover());
        }
        if (ue.state() == GmmState.REGISTERED
                && sessions.load(ue.id()).sessions().values().stream().anyMatch(s -> s.upState() == UpState.ACTIVE || s.upState() == UpState.ACTIVATING)) {
            releaser.deactivateAll(ue.id());
        }
        return new UeResult(List.of(), ue.state());
    }

    /**
     * A Service Request of a UE the network does not hold as REGISTERED: #9 when it was not integrity verified
     * (TS 24.501 5.6.1.5, 4.4.4.3), else #10 implicitly de-registered (5.6.1.5): the UE registers again.
     */
    UeResult handleServiceRequestNotRegistered(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        if (!request.integrityVerified()) {
            return reject(ue, CAUSE_UE_IDENTITY_CANNOT_BE_DERIVED, "Service Request without verified integrity");
        }
        return reject(ue, CAUSE_IMPLICITLY_DEREGISTERED, "UE in 5GMM state " + ue.state());
    }

    /** TS 24.501 5.6.1.4.1, TS 23.502 4.2.3.2 steps 1-12. */
    UeResult handleServiceRequest(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UplinkNas.ServiceRequest sr = (UplinkNas.ServiceRequest) request.message();
        if (!request.integrityVerified()) {
            // TS 24.501 5.6.1.5 / 4.4.4.3: the UE could not be identified by a verified NAS message
            return reject(ue, CAUSE_UE_IDENTITY_CANNOT_BE_DERIVED, "Service Request without verified integrity");
        }
        var pendingDeregistration = contexts.takePendingDeregistration(ue.id());
        if (pendingDeregistration.isPresent()) {
            // TS 24.501 5.6.2.2.1: the UE answered the paging of a network-initiated de-registration
            List<Integer> released = releaser.releaseAll(ue.id(), "NETWORK_INITIATED_DEREGISTRATION");
            afterDeregistration.accept(ue);
            UeContexts.Loaded now = contexts.load(ue.id());
            contexts.save(now, now.context().withState(GmmState.DEREGISTRATION_PENDING));
            log.info("UE {} ({}): paged for de-registration; PDU sessions released: {}", ue.id(), ue.supi(), released);
            return new UeResult(List.of(new UeAction.InitialContextSetup(new DownlinkNas.ServiceAccept(sr.pduSessionStatus() == null ? null : List.of(), null),
                    ue.allowedNssai(), ue.ueSecurityCapability(), List.of()),
                    new UeAction.SendNas(new DownlinkNas.DeregistrationRequest(pendingDeregistration.get()[0] == 1, pendingDeregistration.get()[1]),
                            Protection.PROTECTED)), GmmState.DEREGISTRATION_PENDING);
        }
        UeSessions known = sessions.load(ue.id());
        List<UeAction.SessionSetup> toActivate = new ArrayList<>();
        List<Integer> status = new ArrayList<>();
        List<Integer> reactivated = new ArrayList<>();
        Set<Integer> ueHas = sr.pduSessionStatus() == null ? null : Set.copyOf(sr.pduSessionStatus());
        boolean signallingOnly = sr.serviceType() == io.liquid5gc.sbi.amf.ServiceType.SIGNALLING;
        Set<Integer> wanted = sr.uplinkDataStatus() == null ? null : Set.copyOf(sr.uplinkDataStatus());
        for (UeSessions.Session s : known.sessions().values()) {
            if (ueHas != null && !ueHas.contains(s.pduSessionId())) {
                // TS 24.501 5.6.1.4.1: the UE no longer has it: release locally in the network
                releaser.release(s.smContextRef(), "REL_DUE_TO_UE_STATUS");
                sessions.update(ue.id(), all -> all.without(s.pduSessionId()));
                continue;
            }
            status.add(s.pduSessionId());
            boolean activate = !signallingOnly && (wanted == null || wanted.contains(s.pduSessionId()));
            if (!activate || s.upState() == UpState.RELEASING) {
                continue;
            }
            PduSessionUpdateResponse r;
            try {
                r = functions.call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(s.smContextRef(), null, null, "ACTIVATING"));
            } catch (ProblemException e) {
                if (e.problem().status() != 404) {
                    throw e;
                }
                // the SMF no longer has it: the session is gone; the reactivation result marks it (TS 24.501 9.11.3.42)
                log.info("UE {}: PDU session {} is gone at the SMF", ue.id(), s.pduSessionId());
                sessions.update(ue.id(), all -> all.without(s.pduSessionId()));
                status.remove(Integer.valueOf(s.pduSessionId()));
                continue;
            }
            if (r.n2SmInfo() != null) {
                toActivate.add(new UeAction.SessionSetup(s.pduSessionId(), s.sNssai(), r.n2SmInfo(), null));
                reactivated.add(s.pduSessionId());
                sessions.update(ue.id(), all -> all.get(s.pduSessionId()) == null ? all : all.with(s.withUpState(UpState.ACTIVATING)));
            }
        }
        log.info("UE {} ({}): service request ({}), re-activating PDU sessions {}", ue.id(), ue.supi(), sr.serviceType(), reactivated);
        // TS 24.501 9.11.3.42: the reactivation result marks the sessions whose user plane could NOT be re-established
        List<Integer> notReactivated = wanted == null ? null : wanted.stream().filter(psi -> !reactivated.contains(psi)).sorted().toList();
        DownlinkNas accept = new DownlinkNas.ServiceAccept(sr.pduSessionStatus() == null ? null : status, notReactivated);
        return new UeResult(List.of(new UeAction.InitialContextSetup(accept, ue.allowedNssai(), ue.ueSecurityCapability(), toActivate)),
                ue.state());
    }

    /** TS 23.502 4.2.3.2 steps 12-17: the gNB's downlink tunnels of the re-activated sessions go to the SMF. */
    UeResult handleInitialContextSetupResponse(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UeN2Event.PduSessionResourcesSetUp event = (UeN2Event.PduSessionResourcesSetUp) request.n2Event();
        if (!event.initialContextSetup()) {
            // a PDU Session Resource Setup Response is the PDU session relay's (amf-pdu-session-relay)
            throw new ProblemException(409, "Conflict", "MESSAGE_NOT_COMPATIBLE_WITH_STATE",
                    "a PDU Session Resource Setup Response is not part of the service request");
        }
        UeSessions known = sessions.load(ue.id());
        for (UeN2Event.SetUpSession s : event.setUp()) {
            UeSessions.Session session = known.get(s.pduSessionId());
            if (session == null) {
                continue;
            }
            functions.call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(session.smContextRef(), "PDU_RES_SETUP_RSP", s.transfer(), null));
            sessions.update(ue.id(), all -> all.get(session.pduSessionId()) == null ? all : all.with(session.withUpState(UpState.ACTIVE)));
        }
        for (UeN2Event.FailedSession f : event.failed()) {
            UeSessions.Session session = known.get(f.pduSessionId());
            if (session != null) {
                log.warn("UE {}: PDU session {} not re-activated by the gNB: {}", ue.id(), f.pduSessionId(), f.cause());
                functions.call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(session.smContextRef(), null, null, "DEACTIVATED"));
                sessions.update(ue.id(), all -> all.get(session.pduSessionId()) == null ? all : all.with(session.withUpState(UpState.DEACTIVATED)));
            }
        }
        return new UeResult(List.of(), ue.state());
    }

    private UeResult reject(UeContext ue, int cause, String why) {
        log.warn("UE {}: service request rejected with 5GMM cause #{}: {}", ue.id(), cause, why);
        return new UeResult(List.of(new UeAction.SendNas(new DownlinkNas.ServiceReject(cause), Protection.PLAIN),
                new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE)), ue.state());
    }
}
