package io.liquid5gc.ransim;

import io.liquid5gc.ngap.codec.SmTransferCodec;
import io.liquid5gc.ngap.ie.CauseRadioNetwork;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.HandoverType;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.Tai;
import io.liquid5gc.ngap.ie.TargetId;
import io.liquid5gc.ngap.ie.UeSecurityCapabilities;
import io.liquid5gc.ngap.message.HandoverNotify;
import io.liquid5gc.ngap.message.HandoverPreparation;
import io.liquid5gc.ngap.message.HandoverResourceAllocation;
import io.liquid5gc.ngap.message.PathSwitch;
import io.liquid5gc.ngap.transfer.HandoverRequestAcknowledgeTransfer;
import io.liquid5gc.ngap.transfer.HandoverRequiredTransfer;
import io.liquid5gc.ngap.transfer.PathSwitchRequestTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupRequestTransfer;
import io.liquid5gc.ngap.transfer.QosFlowWithDataForwarding;
import io.liquid5gc.ngap.transfer.TransferResult;
import io.liquid5gc.ransim.SimGnb.SecurityHandover;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A simulated gNB's mobility: N2 handover as source and as target (TS 23.502 4.9.1.3, TS 38.413 8.4) and the Xn path
 * switch at the target (TS 23.502 4.9.1.2.2, TS 38.413 8.4.4). The UE-associated NGAP of it comes here from
 * {@link SimGnb}'s message handling; data forwarding is {@link GnbTunnels}'.
 */
final class GnbMobility {

    /** The gNBs of this JVM, so a handover target can find the UE its source is handing over. */
    private static final List<GnbMobility> PEERS = new CopyOnWriteArrayList<>();

    /** A handover this gNB is the source of. */
    private record Handover(SimUe ue, SimGnb target, CompletableFuture<SecurityHandover> done, CompletableFuture<?> arrival,
                            CompletableFuture<Void> commanded) {
    }

    /** A UE being handed over to this gNB: the RAN UE NGAP ID it will have here once it arrives. */
    private record Arrival(SimUe ue, long ranUeNgapId) {
    }

    private final SimGnb gnb;
    private final GnbAssociations associations;
    private final GnbTunnels tunnels;
    /** Handovers this gNB is the source of, by the UE's RAN UE NGAP ID here. */
    private final Map<Long, Handover> outgoing = new ConcurrentHashMap<>();
    /** Handovers this gNB is the target of, by the AMF UE NGAP ID of the target connection. */
    private final Map<Long, Arrival> incoming = new ConcurrentHashMap<>();
    /** Path switches this gNB asked for, by the UE's new RAN UE NGAP ID. */
    private final Map<Long, CompletableFuture<SecurityHandover>> pathSwitches = new ConcurrentHashMap<>();
    /** What the last HANDOVER REQUEST gave this gNB as a target (NH, NCC). */
    private volatile SecurityHandover lastSecurityHandover;

    GnbMobility(SimGnb gnb, GnbAssociations associations, GnbTunnels tunnels) {
        this.gnb = gnb;
        this.associations = associations;
        this.tunnels = tunnels;
        PEERS.add(this);
    }

    /** HANDOVER REQUIRED for {@code ue} towards {@code target}; see {@link SimGnb#handover(SimUe, SimGnb, CompletableFuture)}. */
    CompletableFuture<SecurityHandover> startHandover(SimUe ue, SimGnb target, CompletableFuture<?> arrival) {
        CompletableFuture<SecurityHandover> done = new CompletableFuture<>();
        outgoing.put(ue.ranUeNgapId, new Handover(ue, target, done, arrival, new CompletableFuture<>()));
        List<PduSessionItem> sessions = ue.sessions().keySet().stream().sorted()
                .map(psi -> PduSessionItem.withTransfer(psi, SmTransferCodec.encode(new HandoverRequiredTransfer(false)))).toList();
        associations.send(new HandoverPreparation.Required(ue.amfUeNgapId, ue.ranUeNgapId, HandoverType.INTRA_5GS,
                CauseRadioNetwork.HANDOVER_DESIRABLE_FOR_RADIO_REASON,
                new TargetId.RanNode(new GlobalRanNodeId.Gnb(gnb.plmn(), target.gnbId(), 22), new Tai(gnb.plmn(), target.tac())), false,
                sessions.isEmpty() ? null : sessions, Octets.wrap(new byte[] {0x40, 0x01, 0x02, 0x03}), List.of()),
                GnbAssociations.streamOf(ue.ranUeNgapId));
        return done;
    }

    /** Completes when the HANDOVER COMMAND of the UE's handover from this gNB arrived (null: no handover running). */
    CompletableFuture<Void> handoverCommanded(SimUe ue) {
        Handover h = outgoing.get(ue.ranUeNgapId);
        return h == null ? null : h.commanded();
    }

    /** HANDOVER COMMAND (TS 38.413 8.4.1.2): forwarding starts, the UE moves to the target, which notifies its arrival. */
    void handleHandoverCommand(HandoverPreparation.Command cmd) {
        Handover h = outgoing.get(cmd.ranUeNgapId());
        if (h == null) {
            return;
        }
        tunnels.startForwarding(h.ue(), cmd.pduSessionsHandover());
        h.commanded().complete(null);
        // TS 23.502 4.9.1.3.3 steps 2-3
        if (h.arrival() == null) {
            h.target().mobility().arrive(h.ue());
        } else {
            h.arrival().whenComplete((x, e) -> h.target().mobility().arrive(h.ue()));
        }
    }

    /** HANDOVER PREPARATION FAILURE (TS 38.413 8.4.1.3). */
    void handleHandoverPreparationFailure(HandoverPreparation.Failure f) {
        Handover h = outgoing.remove(f.ranUeNgapId());
        if (h != null) {
            h.done().completeExceptionally(new IllegalStateException("handover preparation failure: " + f.cause()));
        }
    }

    /**
     * The UE's context at this gNB was released: true when that ends a handover from here (the UE lives on at the
     * target; the handover completes with what the target got), false for an ordinary release.
     */
    boolean handoverSourceReleased(long ranUeNgapId) {
        Handover h = outgoing.remove(ranUeNgapId);
        if (h == null) {
            return false;
        }
        h.done().complete(h.target().mobility().lastSecurityHandover);
        return true;
    }

    /** As the target of an N2 handover (TS 38.413 8.4.2): admit the sessions with new downlink tunnels. */
    void handleHandoverRequest(HandoverResourceAllocation.Request hr) {
        SimUe ue = PEERS.stream().flatMap(m -> m.outgoing.values().stream()).filter(h -> h.target() == gnb)
                .map(Handover::ue).reduce((first, last) -> last).orElse(null);
        if (ue == null) {
            associations.send(new HandoverResourceAllocation.Failure(hr.amfUeNgapId(), CauseRadioNetwork.UNSPECIFIED, null, List.of()), 0);
            return;
        }
        long ran = gnb.newRanUeNgapId();
        incoming.put(hr.amfUeNgapId(), new Arrival(ue, ran));
        lastSecurityHandover = new SecurityHandover(hr.securityContext().nextHopChainingCount(), hr.securityContext().nextHopNh().toByteArray());
        List<PduSessionItem> admitted = new ArrayList<>();
        for (PduSessionItem item : hr.pduSessions()) {
            if (SmTransferCodec.decode(PduSessionResourceSetupRequestTransfer.class, item.transfer()) instanceof TransferResult.Ok<PduSessionResourceSetupRequestTransfer> ok) {
                tunnels.putUplink(ue, item.pduSessionId(), ok.value().ulNguUpTnlInformation());
                GtpTunnel dl = tunnels.allocateDownlink(ue, item.pduSessionId());
                // with an N3 side, indirect data forwarding is accepted: a forwarding tunnel whose data goes to the UE too
                GtpTunnel fwd = tunnels.userPlane() == null ? null : tunnels.allocateForwarding(ue, item.pduSessionId());
                admitted.add(PduSessionItem.withTransfer(item.pduSessionId(), SmTransferCodec.encode(new HandoverRequestAcknowledgeTransfer(dl, fwd, null,
                        ok.value().qosFlows().stream().map(f -> new QosFlowWithDataForwarding(f.qosFlowIdentifier(), fwd != null)).toList(), null, null))));
            }
        }
        associations.send(new HandoverResourceAllocation.Acknowledge(hr.amfUeNgapId(), ran, admitted, null, Octets.wrap(new byte[] {0x20, 0x01}), null, List.of()),
                GnbAssociations.streamOf(ran));
    }

    /**
     * A UE CONTEXT RELEASE COMMAND for the connection of a handover towards this gNB that the UE has not arrived on yet
     * (the core gave the handover up: TS 23.502 4.9.1.3.2, 4.9.1.4): what was allocated for it goes.
     */
    void targetReleased(long amfUeNgapId) {
        incoming.remove(amfUeNgapId);
    }

    /** Handovers towards this gNB with resources allocated that the UE has not arrived on yet. */
    int pendingArrivals() {
        return incoming.size();
    }

    /** The UE arrived after the HANDOVER COMMAND: it is this gNB's now; HANDOVER NOTIFY (TS 38.413 8.4.3). */
    private void arrive(SimUe ue) {
        Map.Entry<Long, Arrival> expected = incoming.entrySet().stream().filter(e -> e.getValue().ue() == ue).findFirst().orElse(null);
        if (expected == null || !incoming.remove(expected.getKey(), expected.getValue())) {
            return;
        }
        long amf = expected.getKey();
        long ran = expected.getValue().ranUeNgapId();
        ue.gnb = gnb;
        ue.ranUeNgapId = ran;
        ue.amfUeNgapId = amf;
        gnb.ues.put(ran, ue);
        associations.send(new HandoverNotify(amf, ran, gnb.location(), List.of()), GnbAssociations.streamOf(ran));
    }

    /** PATH SWITCH REQUEST for a UE that moved here from {@code source} over Xn; see {@link SimGnb#pathSwitch}. */
    CompletableFuture<SecurityHandover> startPathSwitch(SimUe ue, SimGnb source) {
        CompletableFuture<SecurityHandover> done = new CompletableFuture<>();
        source.ues.remove(ue.ranUeNgapId);
        long ran = gnb.newRanUeNgapId();
        long amf = ue.amfUeNgapId;
        ue.ranUeNgapId = ran;
        ue.gnb = gnb;
        gnb.ues.put(ran, ue);
        pathSwitches.put(ran, done);
        List<PduSessionItem> items = new ArrayList<>();
        for (SimUe.Session s : ue.sessions().values()) {
            GtpTunnel dl = tunnels.allocateDownlink(ue, s.pduSessionId());
            items.add(PduSessionItem.withTransfer(s.pduSessionId(), SmTransferCodec.encode(new PathSwitchRequestTransfer(dl, false, null, null,
                    List.of(s.qfi())))));
        }
        associations.send(new PathSwitch.Request(ran, amf, gnb.location(), new UeSecurityCapabilities(0xE000, 0xE000, 0, 0), items, null,
                List.of()), GnbAssociations.streamOf(ran));
        return done;
    }

    /** PATH SWITCH REQUEST ACKNOWLEDGE (TS 38.413 8.4.4.2): the NH and NCC for the UE's next hop. */
    void handlePathSwitchAcknowledge(PathSwitch.Acknowledge ack) {
        CompletableFuture<SecurityHandover> done = pathSwitches.remove(ack.ranUeNgapId());
        if (done != null) {
            done.complete(new SecurityHandover(ack.securityContext().nextHopChainingCount(), ack.securityContext().nextHopNh().toByteArray()));
        }
    }

    /** PATH SWITCH REQUEST FAILURE (TS 38.413 8.4.4.3). */
    void handlePathSwitchFailure(PathSwitch.Failure f) {
        CompletableFuture<SecurityHandover> done = pathSwitches.remove(f.ranUeNgapId());
        if (done != null) {
            done.completeExceptionally(new IllegalStateException("path switch request failure"));
        }
    }

    void close() {
        PEERS.remove(this);
    }
}
