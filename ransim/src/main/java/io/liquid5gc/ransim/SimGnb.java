package io.liquid5gc.ransim;

import io.liquid5gc.ngap.DecodeResult;
import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.codec.SmTransferCodec;
import io.liquid5gc.ngap.ie.BroadcastPlmnItem;
import io.liquid5gc.ngap.ie.CauseRadioNetwork;
import io.liquid5gc.ngap.ie.FiveGSTmsi;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.NrCgi;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PagingDrx;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.SupportedTaItem;
import io.liquid5gc.ngap.ie.Tai;
import io.liquid5gc.ngap.ie.UeNgapIds;
import io.liquid5gc.ngap.ie.UnavailableGuamiItem;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import io.liquid5gc.ngap.message.AmfStatusIndication;
import io.liquid5gc.ngap.message.ErrorIndication;
import io.liquid5gc.ngap.message.HandoverPreparation;
import io.liquid5gc.ngap.message.HandoverResourceAllocation;
import io.liquid5gc.ngap.message.InitialContextSetup;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.Overload;
import io.liquid5gc.ngap.message.Paging;
import io.liquid5gc.ngap.message.PathSwitch;
import io.liquid5gc.ngap.message.PduSessionResourceModify;
import io.liquid5gc.ngap.message.PduSessionResourceRelease;
import io.liquid5gc.ngap.message.PduSessionResourceSetup;
import io.liquid5gc.ngap.message.UeAssociated;
import io.liquid5gc.ngap.message.UeContextModification;
import io.liquid5gc.ngap.message.UeContextRelease;
import io.liquid5gc.ngap.transfer.PduSessionResourceReleaseResponseTransfer;
import io.liquid5gc.ransim.GnbAssociations.Tnla;
import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.AssociationHandler;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.SctpEndpoint;
import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.kernel.KernelSctpEndpoint;
import io.liquid5gc.sctp.udp.UdpSctpEndpoint;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A simulated gNB: SCTP over UDP (RFC 6951) to the core's N2 endpoint, NG Setup (TS 38.413 8.7.1), then the
 * NGAP side of its UEs: Initial UE Message, uplink/downlink NAS transport, Initial Context Setup, UE context
 * release (AMF- and gNB-initiated), PDU session resource setup and release (8.2.1, 8.2.2) with its own N3 tunnel
 * endpoints, paging, N2 handover as source and target (8.4.1-8.4.3) and the Xn handover path switch (8.4.4).
 * Everything runs on the SCTP endpoint's I/O thread.
 */
public final class SimGnb implements AssociationHandler, AutoCloseable {

    private final PlmnIdentity plmn;
    private final int tac;
    private final long gnbId;
    private final List<SNssai> slices;
    /** The UEs connected through this gNB, by RAN UE NGAP ID. */
    final Map<Long, SimUe> ues = new ConcurrentHashMap<>();
    private SctpEndpoint endpoint;
    /** The TNL associations to the core's AMF endpoints and the UE-TNLA binding (TS 38.412 7). */
    private final GnbAssociations associations;
    /** The N3 tunnels of this gNB's UEs and handover data forwarding. */
    private final GnbTunnels tunnels;
    /** RAN UE NGAP IDs this gNB allocates itself (service requests, handover targets), above the callers' range. */
    private final AtomicLong nextRanUeNgapId = new AtomicLong(1L << 30);
    /** N2 handover as source and target, and the Xn path switch. */
    private final GnbMobility mobility;
    private final List<FiveGSTmsi> pagings = new CopyOnWriteArrayList<>();

    /** What the target received in a handover or path switch: the NH and NCC (TS 33.501 6.9.2.3). */
    public record SecurityHandover(int ncc, byte[] nh) {
    }


    public SimGnb(String mcc, String mnc, int tac, long gnbId, List<SNssai> slices) {
        this.plmn = PlmnIdentity.of(mcc, mnc);
        this.tac = tac;
        this.gnbId = gnbId;
        this.slices = List.copyOf(slices);
        this.associations = new GnbAssociations(gnbId);
        this.tunnels = new GnbTunnels(gnbId);
        this.mobility = new GnbMobility(this, associations, tunnels);
    }

    /** Opens the association to the core's SCTP-over-UDP address and runs NG Setup; returns the answer. */
    public NgapMessage connect(InetSocketAddress core) throws Exception {
        return connect(List.of(core), null).getFirst();
    }

    /**
     * Several AMF endpoints of one core (proxies on the same store; TS 38.412 7: several TNL associations per gNB and
     * AMF): one SCTP-over-UDP association to each from one local port, NG Setup on each; answers in the same order. A
     * UE's signalling goes over the association it is bound to; new UEs are spread over the available ones; when one
     * is lost or its AMF becomes unavailable the UEs bound to it move to another (their contexts live in the core's
     * store, the other proxy takes them up by their AMF UE NGAP ID). {@code sctp} null: the defaults, except for a
     * heart-beat every second and a few retransmissions, so a dead peer is noticed in seconds rather than minutes.
     * An endpoint that does not answer (of several) is left unavailable, its answer null; of several, none set up is an
     * error (one: its answer is returned, NG SETUP FAILURE included).
     */
    public List<NgapMessage> connect(List<InetSocketAddress> cores, SctpConfig sctp) throws Exception {
        SctpConfig config = sctp != null ? sctp : cores.size() > 1 ? failoverSctp() : SctpConfig.defaults();
        endpoint = UdpSctpEndpoint.builder().bind(new InetSocketAddress(cores.getFirst().getAddress(), 0)).sctpPort(38412).config(config)
                .handler(this).start();
        List<Tnla> opened = new ArrayList<>();
        for (InetSocketAddress core : cores) {
            Tnla t = associations.add(core);
            opened.add(t);
            try {
                t.association = endpoint.connect(core, 38412).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                if (cores.size() == 1) {
                    throw e;
                }
                associations.unavailable(t, "not reachable: " + e, null); // the others carry the UEs
            }
        }
        List<NgapMessage> answers = new ArrayList<>();
        for (Tnla t : opened) {
            answers.add(t.association == null ? null : setUp(t));
        }
        if (cores.size() > 1 && answers.stream().noneMatch(NgSetup.Response.class::isInstance)) {
            throw new IllegalStateException("gNB " + Long.toHexString(gnbId) + ": no AMF endpoint set up: " + answers + " " + opened);
        }
        return answers;
    }

    /**
     * One more AMF endpoint after {@link #connect(List, SctpConfig)} (a proxy started, or started
     * again, after the others): its association gets the next index; NG Setup's answer is returned.
     */
    public NgapMessage connectAnother(InetSocketAddress core) throws Exception {
        Tnla t = associations.add(core);
        t.association = endpoint.connect(core, 38412).get(10, TimeUnit.SECONDS);
        return setUp(t);
    }

    /** SCTP settings for a gNB with several AMF endpoints: a lost peer is declared within about 5 s (RFC 9260 8.1, 8.3). */
    public static SctpConfig failoverSctp() {
        return SctpConfig.builder().heartbeatInterval(Duration.ofSeconds(1)).rtoInitial(Duration.ofMillis(500))
                .rtoMin(Duration.ofMillis(300)).rtoMax(Duration.ofSeconds(1)).pathMaxRetrans(4).associationMaxRetrans(4).build();
    }

    /** Opens a kernel SCTP association to the core (host:38412), where the OS has SCTP, and runs NG Setup. */
    public NgapMessage connectKernel(InetSocketAddress core) throws Exception {
        if (!KernelSctpEndpoint.isSupported()) {
            throw new IllegalStateException("no kernel SCTP on this host: " + KernelSctpEndpoint.unsupportedReason()
                    + "; use SCTP over UDP (--transport udp)");
        }
        endpoint = KernelSctpEndpoint.start(null, SctpConfig.defaults(), this);
        Tnla t = associations.add(core);
        t.association = endpoint.connect(core, core.getPort()).get(10, TimeUnit.SECONDS);
        return setUp(t);
    }

    private NgapMessage setUp(Tnla t) throws Exception {
        associations.sendOn(t, new NgSetup.Request(new GlobalRanNodeId.Gnb(plmn, gnbId, 22), "liquid5gc-sim-gnb-" + gnbId,
                List.of(new SupportedTaItem(tac, List.of(new BroadcastPlmnItem(plmn, slices)))), PagingDrx.values()[2], List.of()), 0);
        NgapMessage answer = t.setupAnswer.get(10, TimeUnit.SECONDS);
        if (answer instanceof NgSetup.Response r) {
            t.amfName = r.amfName();
        }
        return answer;
    }

    /** Whether each association (in the order connected) is available for UE signalling. */
    public List<Boolean> available() {
        return associations.available();
    }

    /** When ({@link System#nanoTime()}) the association (index in the order connected) became unavailable, -1 while it is not. */
    public long unavailableSinceNanos(int index) {
        return associations.unavailableSinceNanos(index);
    }

    /** How many UEs were moved to another association because theirs was lost or its AMF became unavailable. */
    public long uesMoved() {
        return associations.uesMoved();
    }

    /** Which association (index in the order connected) carries the UE's signalling now, -1 for none. */
    public int associationOf(SimUe ue) {
        return associations.indexOf(ue.ranUeNgapId);
    }

    UserLocationInformation location() {
        return new UserLocationInformation.Nr(new NrCgi(plmn, (gnbId << 14) | 1), new Tai(plmn, tac));
    }

    long newRanUeNgapId() {
        return nextRanUeNgapId.incrementAndGet();
    }

    void sendInitialUe(SimUe ue, byte[] nas, FiveGSTmsi sTmsi) {
        ues.put(ue.ranUeNgapId, ue);
        associations.send(new NasTransport.InitialUeMessage(ue.ranUeNgapId, Octets.wrap(nas), location(), sTmsi == null ? RrcEstablishmentCause.MO_SIGNALLING
                : RrcEstablishmentCause.MO_DATA, sTmsi, NgapMessage.ABSENT, false, null, List.of()), GnbAssociations.streamOf(ue.ranUeNgapId));
    }

    /**
     * Takes over a connected UE of another association with the same NGAP ids, as a gNB that re-connected to a
     * (restarted or other) proxy does: the UE's next messages go through this gNB.
     */
    public void adopt(SimUe ue) {
        ues.put(ue.ranUeNgapId, ue);
        ue.gnb = this;
    }

    /** The global gNB id's value. */
    public long gnbId() {
        return gnbId;
    }

    /** The 5G-S-TMSIs this gNB was asked to page (TS 38.413 8.5.1). */
    public List<FiveGSTmsi> pagings() {
        return List.copyOf(pagings);
    }

    /**
     * Gives this gNB an N3 side: the downlink tunnels it gives the core from now on name {@code up}'s address, so the
     * UPF's downlink G-PDUs reach it (see {@link UserPlanePing}).
     */
    public void attachUserPlane(GnbUserPlane up) {
        tunnels.attachUserPlane(up);
    }

    /** Gives the downlink T-PDUs of a UE's PDU session to {@code listener} (null: keep them, see {@link #downlinkDelivered}). */
    public void onDownlink(SimUe ue, int pduSessionId, Consumer<byte[]> listener) {
        tunnels.onDownlink(ue, pduSessionId, listener);
    }

    /** The downlink T-PDUs of a UE's PDU session that arrived while no listener took them (buffered data, paging). */
    public List<byte[]> downlinkDelivered(SimUe ue, int pduSessionId) {
        return tunnels.downlinkDelivered(ue, pduSessionId);
    }

    /** The N3 side given by {@link #attachUserPlane}, or null. */
    public GnbUserPlane userPlane() {
        return tunnels.userPlane();
    }

    /** The downlink tunnel this gNB gave the core for a UE's PDU session, or null. */
    public GtpTunnel downlinkTunnel(SimUe ue, int pduSessionId) {
        return tunnels.downlinkTunnel(ue, pduSessionId);
    }

    /** The UPF's uplink tunnel the core gave this gNB for a UE's PDU session, or null. */
    public GtpTunnel uplinkTunnel(SimUe ue, int pduSessionId) {
        return tunnels.uplinkTunnel(ue, pduSessionId);
    }

    /**
     * AN release (TS 38.413 8.3.2): asks the core to release the UE's connection (radioNetwork user-inactivity); the
     * UE goes CM-IDLE when the command has been answered (its {@link SimUe#connectionReleased()}).
     */
    public CompletableFuture<String> releaseToIdle(SimUe ue) {
        CompletableFuture<String> released = ue.connectionReleased();
        List<PduSessionItem> listed = ue.sessions().keySet().stream().sorted().map(PduSessionItem::id).toList();
        associations.send(new UeContextRelease.Request(ue.amfUeNgapId, ue.ranUeNgapId, listed.isEmpty() ? null : listed, CauseRadioNetwork.USER_INACTIVITY,
                List.of()), GnbAssociations.streamOf(ue.ranUeNgapId));
        return released;
    }

    /**
     * N2 handover of a connected UE to {@code target} (TS 23.502 4.9.1.3): HANDOVER REQUIRED from here; the target
     * answers the core's HANDOVER REQUEST and, after the HANDOVER COMMAND here, notifies the UE's arrival; completes
     * with what the target got (NH, NCC) once this gNB released the UE's old context. Failures complete exceptionally.
     */
    public CompletableFuture<SecurityHandover> handover(SimUe ue, SimGnb target) {
        return handover(ue, target, null);
    }

    /**
     * As {@link #handover(SimUe, SimGnb)}, with the UE arriving at the target (its HANDOVER NOTIFY) only once
     * {@code arrival} completes: between the HANDOVER COMMAND ({@link #handoverCommanded}) and then, this gNB forwards
     * the downlink it still gets to the UPF's forwarding tunnel when the command gave one (indirect data forwarding).
     */
    public CompletableFuture<SecurityHandover> handover(SimUe ue, SimGnb target, CompletableFuture<?> arrival) {
        return mobility.startHandover(ue, target, arrival);
    }

    /** Completes when the HANDOVER COMMAND of the UE's handover from this gNB arrived (null: no handover running). */
    public CompletableFuture<Void> handoverCommanded(SimUe ue) {
        return mobility.handoverCommanded(ue);
    }

    /** Handovers towards this gNB with resources allocated (HANDOVER REQUEST acknowledged) that no UE arrived on yet. */
    public int pendingArrivals() {
        return mobility.pendingArrivals();
    }

    /** Downlink packets this gNB forwarded to a forwarding tunnel as a handover's source. */
    public int forwardedDownlink() {
        return tunnels.forwardedDownlink();
    }

    /**
     * Xn handover completion at this gNB as the target (TS 23.502 4.9.1.2.2): PATH SWITCH REQUEST for the UE (which
     * moved here from {@code source} over Xn) with new downlink tunnels; completes with the NH and NCC of the answer.
     */
    public CompletableFuture<SecurityHandover> pathSwitch(SimUe ue, SimGnb source) {
        return mobility.startPathSwitch(ue, source);
    }

    void sendUplinkNas(SimUe ue, byte[] nas) {
        associations.send(new NasTransport.UplinkNasTransport(ue.amfUeNgapId, ue.ranUeNgapId, Octets.wrap(nas), location(), List.of()), GnbAssociations.streamOf(ue.ranUeNgapId));
    }

    @Override
    public void onEvent(Association a, AssociationEvent event) {
        Tnla t = associations.tnlaOf(a);
        if (t == null) {
            return;
        }
        switch (event) {
            case AssociationEvent.CommunicationLost lost -> associations.unavailable(t, "association lost: " + lost.reason(), null);
            case AssociationEvent.ShutdownComplete done -> associations.unavailable(t, "association shut down", null);
            case AssociationEvent.PeerShutdown down -> associations.unavailable(t, "peer shutting down", null);
            default -> { }
        }
    }

    @Override
    public void onMessage(Association a, SctpMessage message) {
        if (!(NgapCodec.decode(message.payload()) instanceof DecodeResult.Decoded d)) {
            return;
        }
        Tnla from = associations.tnlaOf(a);
        if (from == null) {
            return;
        }
        if (d.message() instanceof UeAssociated u && u.ranUeNgapId() != NgapMessage.ABSENT && u.ranUeNgapId() >= 0
                && ues.containsKey(u.ranUeNgapId())) {
            associations.follow(from, u.ranUeNgapId());
        }
        associations.handleFrom(from, () -> handle(from, d.message()));
    }

    private void handle(Tnla from, NgapMessage received) {
        switch (received) {
            case NgSetup.Response r -> from.setupAnswer.complete(r);
            case NgSetup.Failure f -> from.setupAnswer.complete(f);
            case NasTransport.DownlinkNasTransport dl -> {
                SimUe ue = ues.get(dl.ranUeNgapId());
                if (ue != null) {
                    ue.amfUeNgapId = dl.amfUeNgapId();
                    ue.onDownlinkNas(dl.nasPdu().toByteArray());
                }
            }
            case InitialContextSetup.Request ics -> {
                SimUe ue = ues.get(ics.ranUeNgapId());
                if (ue != null) {
                    ue.amfUeNgapId = ics.amfUeNgapId();
                    ue.onInitialContextSetup(ics.securityKey().toByteArray());
                    List<PduSessionItem> setUp = tunnels.setUpSessions(ue, ics.pduSessions());
                    associations.send(new InitialContextSetup.Response(ics.amfUeNgapId(), ics.ranUeNgapId(), setUp.isEmpty() ? null : setUp, null, null, List.of()),
                            GnbAssociations.streamOf(ics.ranUeNgapId()));
                    if (ics.nasPdu() != null) {
                        ue.onDownlinkNas(ics.nasPdu().toByteArray());
                    }
                }
            }
            case PduSessionResourceSetup.Request r -> {
                SimUe ue = ues.get(r.ranUeNgapId());
                if (ue != null) {
                    List<PduSessionItem> setUp = tunnels.setUpSessions(ue, r.pduSessions());
                    associations.send(new PduSessionResourceSetup.Response(r.amfUeNgapId(), r.ranUeNgapId(), setUp, null, null, null, List.of()), GnbAssociations.streamOf(r.ranUeNgapId()));
                    for (PduSessionItem item : r.pduSessions()) {
                        if (item.nasPdu() != null) {
                            ue.onDownlinkNas(item.nasPdu().toByteArray());
                        }
                    }
                    if (r.nasPdu() != null) {
                        ue.onDownlinkNas(r.nasPdu().toByteArray());
                    }
                }
            }
            case PduSessionResourceModify.Request r -> {
                SimUe ue = ues.get(r.ranUeNgapId());
                if (ue != null) {
                    List<PduSessionItem> modified = GnbTunnels.modifySessions(r.pduSessions());
                    associations.send(new PduSessionResourceModify.Response(r.amfUeNgapId(), r.ranUeNgapId(), modified, null, null, null,
                            List.of()), GnbAssociations.streamOf(r.ranUeNgapId()));
                    for (PduSessionItem item : r.pduSessions()) {
                        if (item.nasPdu() != null) {
                            ue.onDownlinkNas(item.nasPdu().toByteArray());
                        }
                    }
                }
            }
            case UeContextModification.Request m -> {
                SimUe ue = ues.get(m.ranUeNgapId());
                if (ue != null && m.securityKey() != null) {
                    ue.onInitialContextSetup(m.securityKey().toByteArray());
                }
                associations.send(new UeContextModification.Response(m.amfUeNgapId(), m.ranUeNgapId(), null, null, null, List.of()),
                        GnbAssociations.streamOf(m.ranUeNgapId()));
            }
            case PduSessionResourceRelease.Command c -> {
                SimUe ue = ues.get(c.ranUeNgapId());
                if (ue != null) {
                    List<PduSessionItem> released = c.pduSessions().stream().map(i -> PduSessionItem.withTransfer(i.pduSessionId(),
                            SmTransferCodec.encode(new PduSessionResourceReleaseResponseTransfer()))).toList();
                    c.pduSessions().forEach(i -> tunnels.releaseDownlink(ue, i.pduSessionId()));
                    associations.send(new PduSessionResourceRelease.Response(c.amfUeNgapId(), c.ranUeNgapId(), released, null, null, List.of()), GnbAssociations.streamOf(c.ranUeNgapId()));
                    if (c.nasPdu() != null) {
                        ue.onDownlinkNas(c.nasPdu().toByteArray());
                    }
                }
            }
            case UeContextRelease.Command c -> {
                if (c.ueNgapIds() instanceof UeNgapIds.Pair p) {
                    SimUe ue = ues.remove(p.ranUeNgapId());
                    associations.send(new UeContextRelease.Complete(p.amfUeNgapId(), p.ranUeNgapId(), null, null, null, List.of()), GnbAssociations.streamOf(p.ranUeNgapId()));
                    associations.unbind(p.ranUeNgapId());
                    mobility.targetReleased(p.amfUeNgapId());
                    // the source's context after a completed handover: the UE lives on at the target
                    if (!mobility.handoverSourceReleased(p.ranUeNgapId()) && ue != null) {
                        ue.onRelease(String.valueOf(c.cause()));
                    }
                }
            }
            case HandoverPreparation.Command cmd -> mobility.handleHandoverCommand(cmd);
            case HandoverPreparation.Failure f -> mobility.handleHandoverPreparationFailure(f);
            case HandoverResourceAllocation.Request hr -> mobility.handleHandoverRequest(hr);
            case PathSwitch.Acknowledge ack -> mobility.handlePathSwitchAcknowledge(ack);
            case PathSwitch.Failure f -> mobility.handlePathSwitchFailure(f);
            case Paging p -> pagings.add(p.uePagingIdentity());
            case ErrorIndication e -> errors.add(e);
            case Overload.Start o -> amfIndications.add(o);
            case Overload.Stop o -> amfIndications.add(o);
            case AmfStatusIndication statusIndication -> {
                amfIndications.add(statusIndication);
                // TS 38.413 8.7.3.2: the GUAMIs of this AMF are unavailable; its UEs go to the backup AMF (or another of the set)
                String backup = statusIndication.unavailableGuamis().stream().map(UnavailableGuamiItem::backupAmfName)
                        .filter(Objects::nonNull).findFirst().orElse(null);
                associations.unavailable(from, "AMF STATUS INDICATION", backup);
            }
            default -> { }
        }
    }

    private final List<ErrorIndication> errors = new CopyOnWriteArrayList<>();

    private final List<NgapMessage> amfIndications = new CopyOnWriteArrayList<>();

    /** The OVERLOAD START / STOP and AMF STATUS INDICATION messages the core sent this gNB (TS 38.413 8.7.6/8.7.7/8.7.3), in order. */
    public List<NgapMessage> amfIndications() {
        return List.copyOf(amfIndications);
    }

    /** The Error Indications the core sent this gNB. */
    public List<ErrorIndication> errorIndications() {
        return List.copyOf(errors);
    }

    GnbMobility mobility() {
        return mobility;
    }

    PlmnIdentity plmn() {
        return plmn;
    }

    int tac() {
        return tac;
    }

    @Override
    public void close() {
        associations.closing();
        mobility.close();
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
