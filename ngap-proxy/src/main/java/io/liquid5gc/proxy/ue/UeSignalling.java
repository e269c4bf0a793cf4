package io.liquid5gc.proxy.ue;

import static io.liquid5gc.proxy.ue.N2Items.failed;
import static io.liquid5gc.proxy.ue.N2Items.ids;
import static io.liquid5gc.proxy.ue.N2Items.location;
import static io.liquid5gc.proxy.ue.N2Items.nz;

import io.liquid5gc.ngap.ie.CauseRadioNetwork;
import io.liquid5gc.ngap.ie.FiveGSTmsi;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.Guami;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.TargetId;
import io.liquid5gc.ngap.message.HandoverCancel;
import io.liquid5gc.ngap.message.HandoverNotify;
import io.liquid5gc.ngap.message.HandoverPreparation;
import io.liquid5gc.ngap.message.HandoverResourceAllocation;
import io.liquid5gc.ngap.message.InitialContextSetup;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.PathSwitch;
import io.liquid5gc.ngap.message.PduSessionResourceModify;
import io.liquid5gc.ngap.message.PduSessionResourceRelease;
import io.liquid5gc.ngap.message.PduSessionResourceSetup;
import io.liquid5gc.ngap.message.UeContextRelease;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.proxy.n2.RanLink;
import io.liquid5gc.runtime.metering.Tenants;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.StoreException;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.UeLocation;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.security.Hex;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * The UE-associated side of N2 and the N1 termination (TS 38.413 8.2-8.6; TS 24.501 4.4 NAS security): the
 * {@code handle*} entry points of the transport and of the operator's network procedures. The work is split by
 * concern: {@link UeConnections} (the connection table, serial executors, resume and persist of {@link UeState}),
 * {@link UeNasSecurity} (unprotect/protect on lib-security's NAS security association), {@link AmfRouting} (an
 * uplink NAS message's delivery, which AMF function, the common-procedure owner, the call, a NAS timer's last
 * expiry), {@link UeActions} (the {@code send*} of what the AMF answers) and {@link NasTimers} ({@link NasTimer}:
 * retransmissions). The messages of one UE are processed in order on virtual threads; different UEs run
 * concurrently; the transport thread only enqueues.
 */
public final class UeSignalling {

    private static final Logger log = LoggerFactory.getLogger(UeSignalling.class);

    private final UeMetrics metrics;
    private final UeNasSecurity security;
    private final UeConnections connections;
    private final UeActions actions;
    private final AmfRouting amf;
    private final UeInventory inventory;

    public UeSignalling(FunctionClient functions, KeyValueStore store, ObjectMapper json, ProxyProperties properties, MeterRegistry meters) {
        this(functions, store, json, properties, meters, NasTimerScheduler.system());
    }

    public UeSignalling(FunctionClient functions, KeyValueStore store, ObjectMapper json, ProxyProperties properties, MeterRegistry meters,
                        NasTimerScheduler scheduler) {
        this(functions, store, json, properties, meters, scheduler, Tenants.NONE);
    }

    /** With the tenants the UEs' calls are billed to ({@code liquid5gc.tenants}). */
    public UeSignalling(FunctionClient functions, KeyValueStore store, ObjectMapper json, ProxyProperties properties, MeterRegistry meters,
                        NasTimerScheduler scheduler, Tenants tenants) {
        ProxyProperties.GuamiConfig g = properties.servedGuamis().getFirst();
        Guami guami = new Guami(PlmnIdentity.of(g.mcc(), g.mnc()), g.regionId(), g.setId(), g.pointer());
        this.metrics = new UeMetrics(meters);
        this.security = new UeNasSecurity(store, json, metrics);
        this.connections = new UeConnections(store, json, guami, security, metrics);
        this.actions = new UeActions(connections, security, metrics, guami, properties.nasTimers(), scheduler);
        this.amf = new AmfRouting(functions, security, actions, connections, metrics, new UeTenancy(tenants),
                new AmfUnavailableAnswers(actions, security, connections, metrics, properties.amfUnavailable()), scheduler);
        actions.onLastExpiry(amf::nasTimerExpired);
        this.inventory = new UeInventory(connections, store, json, metrics);
    }

    /** The operator's read-only view of the UEs and the recent procedures (the console's live view). */
    public UeInventory inventory() {
        return inventory;
    }

    /**
     * How to find a connected RAN node by its name ({@link RanLink#describe()}: handover targets, after a restart)
     * and all of them (paging).
     */
    public void ranDirectory(Function<String, RanLink> directory, Supplier<List<RanLink>> all) {
        actions.ranDirectory(directory, all);
    }

    // ---- the network's own procedures on a UE ----

    /** What a network procedure on a UE did. */
    public enum NetworkProcedureOutcome { DEREGISTRATION_REQUEST_SENT, PAGED, AUTHENTICATION_REQUEST_SENT, PDU_SESSION_RELEASE_SENT, NOT_CONNECTED,
        /** Downlink data for a connected UE: nothing to page (its sessions come back with its own service request). */
        CONNECTED,
        /** Downlink data for a CM-IDLE UE the AMF did not page (not registered: it cannot be reached). */
        NOT_PAGED,
        REFUSED }

    /**
     * De-registers the UE with this SUPI from the network side (TS 24.501 5.5.2.3): a connected UE gets the
     * De-registration Request; a CM-IDLE one is paged first. Empty when the SUPI has no UE context.
     */
    public Optional<CompletableFuture<NetworkProcedureOutcome>> deregister(String supi, boolean reRegistrationRequired, int cause) {
        return networkProcedure(supi, connected -> new UeN2Event.NetworkDeregistration(reRegistrationRequired, cause, connected),
                (connected, r) -> connected ? NetworkProcedureOutcome.DEREGISTRATION_REQUEST_SENT : NetworkProcedureOutcome.PAGED, true);
    }

    /**
     * Downlink data waits at the UPF for a PDU session of the UE with this SUPI (TS 23.502 4.2.3.3): the AMF pages it
     * when CM-IDLE ({@code PAGED}; {@code NOT_PAGED} when it did not, e.g. the UE is not registered; {@code CONNECTED}
     * when the UE is connected). Empty when the SUPI has no UE context.
     */
    public Optional<CompletableFuture<NetworkProcedureOutcome>> downlinkData(String supi, int pduSessionId) {
        return networkProcedure(supi, connected -> new UeN2Event.DownlinkData(pduSessionId, connected),
                (connected, r) -> connected ? NetworkProcedureOutcome.CONNECTED
                        : r.actions().stream().anyMatch(a -> a instanceof io.liquid5gc.sbi.amf.UeAction.Page)
                                ? NetworkProcedureOutcome.PAGED : NetworkProcedureOutcome.NOT_PAGED, true);
    }

    /**
     * The SMF released a PDU session of the UE with this SUPI itself (TS 23.502 4.3.4.2): the AMF tells the UE, or drops
     * the session of a CM-IDLE UE (no paging for it). Empty when the SUPI has no UE context.
     */
    public Optional<CompletableFuture<NetworkProcedureOutcome>> pduSessionReleased(String supi, int pduSessionId, int cause5gsm) {
        return networkProcedure(supi, connected -> new UeN2Event.NetworkPduSessionRelease(pduSessionId, cause5gsm, connected),
                (connected, r) -> connected ? NetworkProcedureOutcome.PDU_SESSION_RELEASE_SENT : NetworkProcedureOutcome.NOT_CONNECTED, true);
    }

    /** Re-authenticates the connected UE with this SUPI (TS 33.501 6.1.2); empty when the SUPI has no UE context. */
    public Optional<CompletableFuture<NetworkProcedureOutcome>> authenticate(String supi) {
        return networkProcedure(supi, connected -> new UeN2Event.NetworkAuthentication(),
                (connected, r) -> NetworkProcedureOutcome.AUTHENTICATION_REQUEST_SENT, false);
    }

    private Optional<CompletableFuture<NetworkProcedureOutcome>> networkProcedure(String supi,
            Function<Boolean, UeN2Event> event, java.util.function.BiFunction<Boolean, io.liquid5gc.sbi.amf.UeResult, NetworkProcedureOutcome> done,
            boolean idleToo) {
        return amf.networkProcedure(supi, event, done, idleToo ? null : NetworkProcedureOutcome.NOT_CONNECTED,
                NetworkProcedureOutcome.REFUSED);
    }

    /** Whether the UE with this SUPI has an N2 connection at this proxy (CM-CONNECTED here). */
    public boolean isConnected(String supi) {
        UeN2 ue = connections.bySupi(supi);
        return ue != null && ue.ran != null;
    }

    /** Whether the UE with this SUPI completed its registration, as this proxy saw it (Registration Complete processed). */
    public boolean isRegistered(String supi) {
        UeN2 ue = connections.bySupi(supi);
        return ue != null && ue.registered;
    }

    /** UEs currently known. */
    public int ues() {
        return connections.size();
    }

    // ---- from the transport thread: enqueue only ----

    /**
     * INITIAL UE MESSAGE (TS 38.413 8.6.1): a new UE-associated logical connection. The AMF UE NGAP ID comes from
     * the store (a network call with Redis), so it is allocated on the UE's virtual thread, not here; the UE cannot
     * send anything else before it has heard that id in a downlink message.
     */
    public void handleInitialUeMessage(RanLink ran, NasTransport.InitialUeMessage m) {
        UeLocation location = location(m.userLocationInformation(), ran);
        byte[] nas = m.nasPdu().toByteArray();
        FiveGSTmsi sTmsi = m.fiveGSTmsi();
        connections.submitNew(() -> {
            UeN2 ue;
            try {
                long amfUeNgapId = connections.allocateAmfUeNgapId();
                ue = new UeN2(amfUeNgapId, m.ranUeNgapId(), ran, location);
                // a UE coming back (service request, registration with its 5G-GUTI, de-registration from idle) keeps its context
                connections.resumeKnownUe(ue, sTmsi, nas);
                connections.add(amfUeNgapId, ue);
            } catch (StoreException e) {
                actions.sendErrorIndicationStoreUnavailable(ran, m.ranUeNgapId(), e);
                return;
            }
            AmfRouting.Delivery delivery;
            try {
                delivery = amf.deliverUplinkNas(ue, nas);
            } catch (StoreException e) {
                log.warn("{}: initial NAS message not handled, the store does not answer: {}", ue, e.getMessage());
                delivery = AmfRouting.Delivery.AMF_FAILED;
            }
            switch (delivery) {
                case ANSWERED -> { }
                // told to back off, or released: the connection goes (the UE's context stays, CM-IDLE)
                case AMF_UNAVAILABLE_ANSWERED -> connections.remove(ue.amfUeNgapId, ue);
                case AMF_FAILED, NOT_DELIVERED -> actions.releaseInitialConnection(ue, delivery == AmfRouting.Delivery.AMF_FAILED);
            }
        });
    }

    /** An Initial UE Message while the AMF is overloaded ({@code proxy.overload}): REGISTRATION REJECT #22 with T3346. */
    /** Tells {@code meter} of every task run for a UE, from its submission to its end (overload control's admission limit). */
    public void meterWork(io.liquid5gc.proxy.overload.WorkMeter meter) {
        connections.meterWork(meter);
    }

    public void handleInitialUeMessageInCongestion(RanLink ran, NasTransport.InitialUeMessage m, Duration backOff) {
        UeLocation location = location(m.userLocationInformation(), ran);
        connections.submitNew(() -> actions.sendRegistrationRejectForCongestion(ran, m.ranUeNgapId(), location, backOff));
    }

    /** UPLINK NAS TRANSPORT (TS 38.413 8.6.3). Ids unknown here are looked up in the store (another replica, or before a restart). */
    public void handleUplinkNasTransport(NasTransport.UplinkNasTransport m, RanLink from, Runnable unknownIds) {
        byte[] nas = m.nasPdu().toByteArray();
        connections.withUe(m.amfUeNgapId(), m.ranUeNgapId(), from, unknownIds, ue -> {
            if (ue.releaseCommanded) {
                metrics.count("nas_after_release_dropped"); // the gNB releases this connection; the UE retries on a new one
                return;
            }
            if (m.userLocationInformation() != null) {
                ue.location = location(m.userLocationInformation(), ue.ran);
            }
            amf.deliverUplinkNas(ue, nas);
        });
    }

    /** INITIAL CONTEXT SETUP RESPONSE (TS 38.413 8.3.1.2): with PDU sessions it answers a service request. */
    public void handleInitialContextSetupResponse(InitialContextSetup.Response r, RanLink from) {
        log.debug("UE {}: initial context set up", r.amfUeNgapId());
        if (!nz(r.pduSessionsSetup()).isEmpty() || !nz(r.pduSessionsFailed()).isEmpty()) {
            connections.withUe(r.amfUeNgapId(), r.ranUeNgapId(), from, () -> { }, ue -> amf.call(ue, UeRequest.n2(ue.contextId, ue.location,
                    new UeN2Event.PduSessionResourcesSetUp(true, N2Items.setUp(ue, r.pduSessionsSetup(), metrics), failed(r.pduSessionsFailed())))));
        }
    }

    public void handleInitialContextSetupFailure(InitialContextSetup.Failure f) {
        log.warn("UE {}: initial context setup failed: {}", f.amfUeNgapId(), NgapCauses.describe(f.cause()));
        metrics.count("initial_context_setup_failure");
    }

    /** PDU SESSION RESOURCE SETUP RESPONSE (TS 38.413 8.2.1.2). */
    public void handlePduSessionResourceSetupResponse(PduSessionResourceSetup.Response r, RanLink from, Runnable unknownIds) {
        connections.withUe(r.amfUeNgapId(), r.ranUeNgapId(), from, unknownIds, ue -> {
            List<UeN2Event.SetUpSession> setUp = N2Items.setUp(ue, r.pduSessionsSetup(), metrics);
            amf.call(ue, UeRequest.n2(ue.contextId, ue.location, new UeN2Event.PduSessionResourcesSetUp(false, setUp, failed(r.pduSessionsFailed()))));
            for (UeN2Event.SetUpSession s : setUp) {
                metrics.sessionSetUp(ue.contextId, s.pduSessionId());
            }
        });
    }

    /** PDU SESSION RESOURCE MODIFY RESPONSE (TS 38.413 8.2.3.2). */
    public void handlePduSessionResourceModifyResponse(PduSessionResourceModify.Response r, RanLink from, Runnable unknownIds) {
        connections.withUe(r.amfUeNgapId(), r.ranUeNgapId(), from, unknownIds, ue -> amf.call(ue, UeRequest.n2(ue.contextId, ue.location,
                new UeN2Event.PduSessionResourcesModified(ids(r.pduSessionsModified()), failed(r.pduSessionsFailed())))));
    }

    /** PDU SESSION RESOURCE RELEASE RESPONSE (TS 38.413 8.2.2.2). */
    public void handlePduSessionResourceReleaseResponse(PduSessionResourceRelease.Response r, RanLink from, Runnable unknownIds) {
        connections.withUe(r.amfUeNgapId(), r.ranUeNgapId(), from, unknownIds, ue -> amf.call(ue, UeRequest.n2(ue.contextId, ue.location,
                new UeN2Event.PduSessionResourcesReleased(ids(r.pduSessions())))));
    }

    /**
     * UE CONTEXT RELEASE REQUEST (TS 38.413 8.3.2): the gNB asks; the AMF decides (AN release, TS 23.502 4.2.6). When
     * the AMF function is unavailable the connection is released all the same ({@link AmfUnavailableAnswers.N2Answer#AN_RELEASE}).
     */
    public void handleUeContextReleaseRequest(UeContextRelease.Request r, RanLink from, Runnable unknownIds) {
        connections.withUe(r.amfUeNgapId(), r.ranUeNgapId(), from, unknownIds, ue -> amf.call(ue, UeRequest.n2(ue.contextId, ue.location,
                new UeN2Event.UeContextReleaseRequest(NgapCauses.received(r.cause()), ids(r.pduSessions())))));
    }

    /** UE CONTEXT RELEASE COMPLETE (TS 38.413 8.3.3): the logical connection is gone; the UE is CM-IDLE (or deregistered). */
    public void handleUeContextReleaseComplete(UeContextRelease.Complete c) {
        UeN2 ue = connections.get(c.amfUeNgapId());
        if (ue == null) {
            return;
        }
        connections.submit(ue, () -> released(ue, c));
    }

    /**
     * The same from {@code from}: a UE not held here is taken up from the store first (the command came from another
     * proxy, which is gone, and the gNB moved the UE's signalling to this association; TS 23.501 5.21.2.3).
     */
    public void handleUeContextReleaseComplete(UeContextRelease.Complete c, RanLink from) {
        if (connections.contains(c.amfUeNgapId())) {
            handleUeContextReleaseComplete(c);
            return;
        }
        connections.withUe(c.amfUeNgapId(), c.ranUeNgapId(), from, () -> { }, ue -> released(ue, c));
    }

    private void released(UeN2 ue, UeContextRelease.Complete c) {
        if (ue.amfUeNgapId != c.amfUeNgapId() || ue.ranUeNgapId != c.ranUeNgapId()) {
            return; // an old connection of the UE (the source of a completed handover): already gone here
        }
        connections.remove(ue.amfUeNgapId, ue);
        metrics.forgetRegistration(ue.amfUeNgapId);
        if (ue.registered) {
            ue.ran = null;
            connections.persist(ue);
            amf.call(ue, UeRequest.n2(ue.contextId, ue.location, new UeN2Event.UeContextReleased(ids(c.pduSessions()))));
        }
        log.debug("{} released", ue);
    }

    // ---- handover (TS 38.413 8.4) ----

    /** HANDOVER REQUIRED (TS 38.413 8.4.1) from the source gNB. */
    public void handleHandoverRequired(HandoverPreparation.Required r, RanLink from, Runnable unknownIds) {
        connections.withUe(r.amfUeNgapId(), r.ranUeNgapId(), from, unknownIds, ue -> {
            if (!(r.targetId() instanceof TargetId.RanNode target) || !(target.globalRanNodeId() instanceof GlobalRanNodeId.Gnb gnb)) {
                actions.sendHandoverPreparationFailure(ue, CauseRadioNetwork.HO_TARGET_NOT_ALLOWED);
                return;
            }
            PlmnIdentity plmn = target.selectedTai().plmn();
            amf.call(ue, UeRequest.n2(ue.contextId, ue.location, new UeN2Event.HandoverRequired(
                    r.handoverType() == null ? "INTRA_5GS" : r.handoverType().name(), NgapCauses.received(r.cause()), "gnb-" + Long.toHexString(gnb.gnbId()),
                    new DownlinkNas.Tai(new PlmnId(plmn.mcc(), plmn.mnc()), target.selectedTai().tac()),
                    ids(r.pduSessions()), r.sourceToTargetContainer() == null ? null : Hex.encode(r.sourceToTargetContainer().toByteArray()))));
        });
    }

    /** HANDOVER REQUEST ACKNOWLEDGE (TS 38.413 8.4.2.2) from the target gNB. */
    public void handleHandoverRequestAcknowledge(HandoverResourceAllocation.Acknowledge a, RanLink from, Runnable unknownIds) {
        connections.withUe(a.amfUeNgapId(), -1, from, unknownIds, ue -> {
            if (ue.handover == null || ue.handover.amfUeNgapId != a.amfUeNgapId()) {
                unknownIds.run();
                return;
            }
            ue.handover.ranUeNgapId = a.ranUeNgapId();
            amf.call(ue, UeRequest.n2(ue.contextId, ue.location, new UeN2Event.HandoverRequestAcknowledged(
                    N2Items.admitted(ue, a.pduSessionsAdmitted()), N2Items.failedUnspecified(a.pduSessionsFailed()),
                    a.targetToSourceContainer() == null ? null : Hex.encode(a.targetToSourceContainer().toByteArray()))),
                    new UeActions.Sender(from, a.amfUeNgapId(), a.ranUeNgapId()));
        });
    }

    /** HANDOVER FAILURE (TS 38.413 8.4.2.3) from the target gNB. */
    public void handleHandoverFailure(HandoverResourceAllocation.Failure f, RanLink from, Runnable unknownIds) {
        connections.withUe(f.amfUeNgapId(), -1, from, unknownIds, ue -> amf.call(ue, UeRequest.n2(ue.contextId, ue.location,
                new UeN2Event.HandoverFailed(NgapCauses.received(f.cause()))), new UeActions.Sender(from, f.amfUeNgapId(), -1)));
    }

    /** HANDOVER NOTIFY (TS 38.413 8.4.3) from the target gNB; without a prepared handover, an ERROR INDICATION goes back (10.4). */
    public void handleHandoverNotify(HandoverNotify n, RanLink from, Runnable unknownIds) {
        connections.withUe(n.amfUeNgapId(), n.ranUeNgapId(), from, unknownIds, ue -> {
            if (n.userLocationInformation() != null) {
                ue.location = location(n.userLocationInformation(), from);
            }
            amf.call(ue, UeRequest.n2(ue.contextId, ue.location, new UeN2Event.HandoverNotified()), new UeActions.Sender(from, n.amfUeNgapId(), n.ranUeNgapId()));
        });
    }

    /** HANDOVER CANCEL (TS 38.413 8.4.5) from the source gNB. */
    public void handleHandoverCancel(HandoverCancel.Request c, RanLink from, Runnable unknownIds) {
        connections.withUe(c.amfUeNgapId(), c.ranUeNgapId(), from, unknownIds, ue -> amf.call(ue, UeRequest.n2(ue.contextId, ue.location,
                new UeN2Event.HandoverCancelled(NgapCauses.received(c.cause())))));
    }

    /**
     * PATH SWITCH REQUEST (TS 38.413 8.4.4) from the target gNB of an Xn handover: the UE's connection moves to that
     * gNB with the RAN UE NGAP ID it chose (the AMF UE NGAP ID stays).
     */
    public void handlePathSwitchRequest(PathSwitch.Request p, RanLink from, Runnable unknownIds) {
        UeN2 known = connections.get(p.sourceAmfUeNgapId());
        if (known == null) {
            unknownIds.run();
            return;
        }
        connections.submit(known, () -> {
            known.ran = from;
            known.ranUeNgapId = p.ranUeNgapId();
            if (p.userLocationInformation() != null) {
                known.location = location(p.userLocationInformation(), from);
            }
            known.pathSwitchSessions = java.util.stream.Stream.concat(nz(p.pduSessionsToBeSwitched()).stream(), nz(p.pduSessionsFailed()).stream())
                    .map(io.liquid5gc.ngap.ie.PduSessionItem::pduSessionId).distinct().toList();
            amf.call(known, UeRequest.n2(known.contextId, known.location, new UeN2Event.PathSwitchRequest(
                    N2Items.switched(known, p.pduSessionsToBeSwitched()), N2Items.failedUnspecified(p.pduSessionsFailed()))));
        });
    }

    /** Releases every UE reached through a RAN node (NG Reset, association lost). */
    public int releaseAll(RanLink ran) {
        return connections.forgetAll(ran);
    }

    public void release(long amfUeNgapId) {
        connections.forget(amfUeNgapId);
    }

    /** Whether an id pair is known here (for Error Indication on unknown ids). */
    public boolean knows(long amfUeNgapId, long ranUeNgapId) {
        UeN2 ue = connections.get(amfUeNgapId);
        return ue != null && ue.ranUeNgapId == ranUeNgapId;
    }
}
