package io.liquid5gc.amf.deregistration;

import io.liquid5gc.amf.TransitionTable;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.amf.context.UeContext;
import io.liquid5gc.amf.context.UeContexts;
import io.liquid5gc.amf.session.SmfSessions;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.NasTimerId;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeAction.Protection;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.common.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code amf-deregistration}: de-registration (TS 24.501 5.5.2, TS 23.502 4.2.2.3). UE-originating (5.5.2.2): the
 * UE's PDU sessions are released at their SMFs, the slice counters given back, the UE is DEREGISTERED, and unless
 * it switched off it gets the De-registration Accept; then its N2 connection is released. The UE's De-registration
 * Accept of a network-initiated de-registration (5.5.2.3) ends with the release too, and so does T3522's last
 * expiry. A transition table (5GMM state x message, N2 trigger or NAS timer expiry -> step), as the registration's.
 */
public final class DeregistrationProcedure {

    private static final Logger log = LoggerFactory.getLogger(DeregistrationProcedure.class);

    private final UeContexts contexts;
    private final SmfSessions sessions;
    private final BiConsumer<UeContext, List<Integer>> afterDeregistration;
    private final List<DownlinkNas.Tai> taiList;
    private final TransitionTable<GmmState> table = new TransitionTable<>(GmmState.class, "de-registration");

    /**
     * @param afterDeregistration what else a de-registration gives back (the NSACF's per-slice UE counter); called
     *                            with the UE context before it turned DEREGISTERED and the PDU sessions released
     */
    public DeregistrationProcedure(UeContexts contexts, SmfSessions sessions, BiConsumer<UeContext, List<Integer>> afterDeregistration,
                                   List<DownlinkNas.Tai> taiList) {
        this.taiList = List.copyOf(taiList);
        this.contexts = contexts;
        this.sessions = sessions;
        this.afterDeregistration = afterDeregistration;
        // the UE's De-registration Request ends whatever runs (TS 24.501 5.5.2.2.6 abnormal cases: collisions included)
        table.onMessageInEveryState(UplinkNas.DeregistrationRequest.class, this::handleDeregistrationRequest)
                .onEvent(GmmState.REGISTERED, UeN2Event.NetworkDeregistration.class, this::handleNetworkDeregistration)
                .onMessage(GmmState.DEREGISTRATION_PENDING, UplinkNas.DeregistrationAccept.class, this::handleDeregistrationAccept)
                // a context written before DEREGISTRATION_PENDING was DEREGISTERED while waiting for the accept
                .onMessage(GmmState.DEREGISTERED, UplinkNas.DeregistrationAccept.class, this::handleDeregistrationAccept)
                .onExpiry(GmmState.DEREGISTRATION_PENDING, NasTimerId.T3522, this::handleDeregistrationAcceptMissing);
    }

    public UeResult handle(UeRequest request) {
        TransitionTable.requireUeAndEvent(request);
        UeContexts.Loaded loaded = contexts.load(request.ueContextId());
        UeContext ue = loaded.context();
        return table.step(ue.state(), request).apply(ue, request, loaded);
    }

    /** TS 24.501 5.5.2.2.2 / TS 23.502 4.2.2.3.2. */
    UeResult handleDeregistrationRequest(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UplinkNas.DeregistrationRequest r = (UplinkNas.DeregistrationRequest) request.message();
        if (ue.state() == GmmState.DEREGISTERED && ue.supi() == null) {
            // nothing known of this UE: accept so it can go, release the connection (TS 24.501 5.5.2.2.6 abnormal cases)
            return release(r.switchOff(), List.of());
        }
        if (!request.integrityVerified() && ue.state() == GmmState.REGISTERED) {
            // TS 24.501 4.4.4.3: a De-registration Request without verified integrity does not end a registration;
            // the network may authenticate instead: here the UE stays registered and the message is ignored.
            throw new ProblemException(403, "Forbidden", "INTEGRITY_CHECK_FAILED", "De-registration Request of UE " + ue.id() + " without verified integrity");
        }
        List<Integer> released = sessions.releaseAll(ue.id(), "UE_INITIATED_DEREGISTRATION");
        if (ue.state() == GmmState.REGISTERED) {
            afterDeregistration.accept(ue, released);
        }
        contexts.save(loaded, ue.withState(GmmState.DEREGISTERED));
        log.info("UE {} ({}) de-registered{}; PDU sessions released: {}", ue.id(), ue.supi(), r.switchOff() ? " (switch off)" : "", released);
        return release(r.switchOff(), released);
    }

    /**
     * TS 24.501 5.5.2.3.1, TS 23.502 4.2.2.3.3: the network de-registers the UE. Connected: its PDU sessions are
     * released and it gets the De-registration Request under T3522 (run at the proxy), DEREGISTRATION_PENDING until
     * its accept. CM-IDLE: it is paged, and the de-registration waits for its Service Request (TS 24.501 5.6.2.2.1).
     */
    UeResult handleNetworkDeregistration(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UeN2Event.NetworkDeregistration n = (UeN2Event.NetworkDeregistration) request.n2Event();
        if (!n.connected()) {
            contexts.setPendingDeregistration(ue.id(), n.reRegistrationRequired(), n.cause());
            log.info("UE {} ({}): network de-registration; paging the CM-IDLE UE first", ue.id(), ue.supi());
            return new UeResult(List.of(new UeAction.Page(ue.guti(), taiList)), ue.state());
        }
        List<Integer> released = sessions.releaseAll(ue.id(), "NETWORK_INITIATED_DEREGISTRATION");
        afterDeregistration.accept(ue, released);
        contexts.save(loaded, ue.withState(GmmState.DEREGISTRATION_PENDING));
        log.info("UE {} ({}) de-registered by the network (re-registration {}required); PDU sessions released: {}", ue.id(), ue.supi(),
                n.reRegistrationRequired() ? "" : "not ", released);
        return new UeResult(List.of(new UeAction.SendNas(new DownlinkNas.DeregistrationRequest(n.reRegistrationRequired(), n.cause()),
                Protection.PROTECTED)), GmmState.DEREGISTRATION_PENDING);
    }

    /** TS 24.501 5.5.2.3.3: the UE's De-registration Accept; T3522 stopped (at the proxy), the connection released. */
    UeResult handleDeregistrationAccept(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        contexts.save(loaded, ue.withState(GmmState.DEREGISTERED));
        return new UeResult(List.of(new UeAction.ReleaseUe(NgapCause.NAS_DEREGISTER)), GmmState.DEREGISTERED);
    }

    /**
     * T3522's last expiry (TS 24.501 5.5.2.3.5 a)): the UE never accepted; the de-registration is aborted and the UE
     * de-registered locally (its sessions went when the request was sent), and the N2 connection released.
     */
    UeResult handleDeregistrationAcceptMissing(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        contexts.save(loaded, ue.withState(GmmState.DEREGISTERED));
        log.warn("UE {} ({}): no De-registration Accept after T3522; de-registered locally", ue.id(), ue.supi());
        return new UeResult(List.of(new UeAction.ReleaseUe(NgapCause.NAS_DEREGISTER)), GmmState.DEREGISTERED);
    }

    private static UeResult release(boolean switchOff, List<Integer> released) {
        List<UeAction> actions = new ArrayList<>();
        if (!switchOff) {
            actions.add(new UeAction.SendNas(new DownlinkNas.DeregistrationAccept(), Protection.PROTECTED));
        }
        actions.add(new UeAction.ReleaseUe(NgapCause.NAS_DEREGISTER));
        return new UeResult(actions, GmmState.DEREGISTERED);
    }
}
