package io.liquid5gc.ransim;

import io.liquid5gc.ngap.DecodeResult;
import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.ie.BroadcastPlmnItem;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.NrCgi;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PagingDrx;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.SupportedTaItem;
import io.liquid5gc.ngap.ie.Tai;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import io.liquid5gc.ngap.codec.SmTransferCodec;
import io.liquid5gc.ngap.ie.AssociatedQosFlow;
import io.liquid5gc.ngap.ie.CauseRadioNetwork;
import io.liquid5gc.ngap.ie.FiveGSTmsi;
import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.HandoverType;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.QosFlowPerTnlInformation;
import io.liquid5gc.ngap.ie.SecurityContext;
import io.liquid5gc.ngap.ie.TargetId;
import io.liquid5gc.ngap.ie.TransportLayerAddress;
import io.liquid5gc.ngap.ie.UeSecurityCapabilities;
import io.liquid5gc.ngap.message.HandoverNotify;
import io.liquid5gc.ngap.message.HandoverPreparation;
import io.liquid5gc.ngap.message.HandoverResourceAllocation;
import io.liquid5gc.ngap.message.InitialContextSetup;
import io.liquid5gc.ngap.message.Paging;
import io.liquid5gc.ngap.message.PathSwitch;
import io.liquid5gc.ngap.message.PduSessionResourceRelease;
import io.liquid5gc.ngap.message.PduSessionResourceSetup;
import io.liquid5gc.ngap.transfer.HandoverCommandTransfer;
import io.liquid5gc.ngap.transfer.HandoverRequestAcknowledgeTransfer;
import io.liquid5gc.ngap.transfer.HandoverRequiredTransfer;
import io.liquid5gc.ngap.transfer.PathSwitchRequestTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceReleaseResponseTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupRequestTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupResponseTransfer;
import io.liquid5gc.ngap.transfer.QosFlowWithDataForwarding;
import io.liquid5gc.ngap.transfer.TransferResult;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.UeContextRelease;
import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationHandler;
import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.udp.UdpSctpEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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
    private final Map<Long, SimUe> ues = new ConcurrentHashMap<>();
    private io.liquid5gc.sctp.SctpEndpoint endpoint;
    /** The TNL associations to the core's AMF endpoints (TS 38.412 7), in the order configured. */
    private final List<Tnla> tnlas = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The UE-TNLA binding (TS 38.412 7): which association carries a UE's signalling, by RAN UE NGAP ID. */
    private final Map<Long, Tnla> bindings = new ConcurrentHashMap<>();
    /** The association a message is being handled from (replies to a UE not bound yet go back on it). */
    private final ThreadLocal<Tnla> inbound = new ThreadLocal<>();
    private final java.util.concurrent.atomic.AtomicLong moved = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong nextPick = new java.util.concurrent.atomic.AtomicLong();
    /** RAN UE NGAP IDs this gNB allocates itself (service requests, handover targets), above the callers' range. */
    private final java.util.concurrent.atomic.AtomicLong nextRanUeNgapId = new java.util.concurrent.atomic.AtomicLong(1L << 30);
    private final java.util.concurrent.atomic.AtomicInteger nextTeid = new java.util.concurrent.atomic.AtomicInteger(1);
    /** Downlink tunnels this gNB gave the core, per UE (by SUPI) and PDU session: what the UPF would send to. */
    private final Map<String, Map<Integer, GtpTunnel>> downlinkTunnels = new ConcurrentHashMap<>();
    /** The UL tunnels (the UPF's) the core gave this gNB, per UE and PDU session. */
    private final Map<String, Map<Integer, GtpTunnel>> uplinkTunnels = new ConcurrentHashMap<>();
    /** Handovers this gNB is the target of, by the AMF UE NGAP ID of the target connection. */
    private final Map<Long, SimUe> incoming = new ConcurrentHashMap<>();
    /** Handovers this gNB is the source of, by RAN UE NGAP ID: the target and the completion. */
    private final Map<Long, Handover> outgoing = new ConcurrentHashMap<>();
    private final List<FiveGSTmsi> pagings = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** This gNB's N3 side, when it carries user data (else its downlink tunnels name 10.100.N.1 and nothing listens). */
    private volatile GnbUserPlane userPlane;
    /** Who takes the downlink T-PDUs of a UE's PDU session ("supi/psi"); without one they are kept in {@link #delivered}. */
    private final Map<String, java.util.function.Consumer<byte[]>> downlinkListeners = new ConcurrentHashMap<>();
    private final Map<String, List<byte[]>> delivered = new ConcurrentHashMap<>();

    /** What the target received in a handover or path switch: the NH and NCC (TS 33.501 6.9.2.3). */
    public record SecurityHandover(int ncc, byte[] nh) {
    }

    private record Handover(SimUe ue, SimGnb target, CompletableFuture<SecurityHandover> done, CompletableFuture<?> arrival,
                            CompletableFuture<Void> commanded) {
    }

    public SimGnb(String mcc, String mnc, int tac, long gnbId, List<SNssai> slices) {
        this.plmn = PlmnIdentity.of(mcc, mnc);
        this.tac = tac;
        this.gnbId = gnbId;
        this.slices = List.copyOf(slices);
        PEERS.add(this);
    }

    /**
     * One TNL association to an AMF endpoint of the core (a proxy): NG Setup on it (each proxy keeps its own RAN node
     * table), available until it is lost or the core says its GUAMIs are unavailable (AMF STATUS INDICATION, TS 38.413
     * 8.7.3); then the UEs bound to it move to another one.
     */
    private static final class Tnla {
        final InetSocketAddress peer;
        final CompletableFuture<NgapMessage> setupAnswer = new CompletableFuture<>();
        volatile Association association;
        volatile boolean available = true;
        volatile String amfName;
        volatile String unavailableBecause;
        volatile long unavailableAt = -1;

        Tnla(InetSocketAddress peer) {
            this.peer = peer;
        }

        boolean usable() {
            return available && association != null && setupAnswer.getNow(null) instanceof NgSetup.Response;
        }

        @Override
        public String toString() {
            return "TNLA " + peer + (amfName == null ? "" : " (" + amfName + ")");
        }
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
    public List<NgapMessage> connect(List<InetSocketAddress> cores, io.liquid5gc.sctp.SctpConfig sctp) throws Exception {
        io.liquid5gc.sctp.SctpConfig config = sctp != null ? sctp : cores.size() > 1 ? failoverSctp() : io.liquid5gc.sctp.SctpConfig.defaults();
        endpoint = UdpSctpEndpoint.builder().bind(new InetSocketAddress(cores.getFirst().getAddress(), 0)).sctpPort(38412).config(config)
                .handler(this).start();
        List<Tnla> opened = new ArrayList<>();
        for (InetSocketAddress core : cores) {
            Tnla t = new Tnla(core);
            tnlas.add(t);
            opened.add(t);
            try {
                t.association = endpoint.connect(core, 38412).get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                if (cores.size() == 1) {
                    throw e;
                }
                unavailable(t, "not reachable: " + e, null); // the others carry the UEs
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
     * One more AMF endpoint after {@link #connect(List, io.liquid5gc.sctp.SctpConfig)} (a proxy started, or started
     * again, after the others): its association gets the next index; NG Setup's answer is returned.
     */
    public NgapMessage connectAnother(InetSocketAddress core) throws Exception {
        Tnla t = new Tnla(core);
        tnlas.add(t);
        t.association = endpoint.connect(core, 38412).get(10, TimeUnit.SECONDS);
        return setUp(t);
    }

    /** SCTP settings for a gNB with several AMF endpoints: a lost peer is declared within about 5 s (RFC 9260 8.1, 8.3). */
    public static io.liquid5gc.sctp.SctpConfig failoverSctp() {
        return io.liquid5gc.sctp.SctpConfig.builder().heartbeatInterval(java.time.Duration.ofSeconds(1)).rtoInitial(java.time.Duration.ofMillis(500))
                .rtoMin(java.time.Duration.ofMillis(300)).rtoMax(java.time.Duration.ofSeconds(1)).pathMaxRetrans(4).associationMaxRetrans(4).build();
    }

    /** Opens a kernel SCTP association to the core (host:38412), where the OS has SCTP, and runs NG Setup. */
    public NgapMessage connectKernel(InetSocketAddress core) throws Exception {
        if (!io.liquid5gc.sctp.kernel.KernelSctpEndpoint.isSupported()) {
            throw new IllegalStateException("no kernel SCTP on this host: " + io.liquid5gc.sctp.kernel.KernelSctpEndpoint.unsupportedReason()
                    + "; use SCTP over UDP (--transport udp)");
        }
        endpoint = io.liquid5gc.sctp.kernel.KernelSctpEndpoint.start(null, io.liquid5gc.sctp.SctpConfig.defaults(), this);
        Tnla t = new Tnla(core);
        tnlas.add(t);
        t.association = endpoint.connect(core, core.getPort()).get(10, TimeUnit.SECONDS);
        return setUp(t);
    }

    private NgapMessage setUp(Tnla t) throws Exception {
        sendOn(t, new NgSetup.Request(new GlobalRanNodeId.Gnb(plmn, gnbId, 22), "liquid5gc-sim-gnb-" + gnbId,
                List.of(new SupportedTaItem(tac, List.of(new BroadcastPlmnItem(plmn, slices)))), PagingDrx.values()[2], List.of()), 0);
        NgapMessage answer = t.setupAnswer.get(10, TimeUnit.SECONDS);
        if (answer instanceof NgSetup.Response r) {
            t.amfName = r.amfName();
        }
        return answer;
    }

    /** Whether each association (in the order connected) is available for UE signalling. */
    public List<Boolean> available() {
        return tnlas.stream().map(Tnla::usable).toList();
    }

    /** When ({@link System#nanoTime()}) the association (index in the order connected) became unavailable, -1 while it is not. */
    public long unavailableSinceNanos(int index) {
        return tnlas.get(index).unavailableAt;
    }

    /** How many UEs were moved to another association because theirs was lost or its AMF became unavailable. */
    public long uesMoved() {
        return moved.get();
    }

    /** Which association (index in the order connected) carries the UE's signalling now, -1 for none. */
    public int associationOf(SimUe ue) {
        Tnla t = bindings.get(ue.ranUeNgapId);
        return t == null ? -1 : tnlas.indexOf(t);
    }

    private UserLocationInformation location() {
        return new UserLocationInformation.Nr(new NrCgi(plmn, (gnbId << 14) | 1), new Tai(plmn, tac));
    }

    long newRanUeNgapId() {
        return nextRanUeNgapId.incrementAndGet();
    }

    void sendInitialUe(SimUe ue, byte[] nas, FiveGSTmsi sTmsi) {
        ues.put(ue.ranUeNgapId, ue);
        send(new NasTransport.InitialUeMessage(ue.ranUeNgapId, Octets.wrap(nas), location(), sTmsi == null ? RrcEstablishmentCause.MO_SIGNALLING
                : RrcEstablishmentCause.MO_DATA, sTmsi, NgapMessage.ABSENT, false, null, List.of()), streamOf(ue.ranUeNgapId));
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
        this.userPlane = up;
    }

    /** Gives the downlink T-PDUs of a UE's PDU session to {@code listener} (null: keep them, see {@link #downlinkDelivered}). */
    public void onDownlink(SimUe ue, int pduSessionId, java.util.function.Consumer<byte[]> listener) {
        if (listener == null) {
            downlinkListeners.remove(ue.supi() + "/" + pduSessionId);
        } else {
            downlinkListeners.put(ue.supi() + "/" + pduSessionId, listener);
        }
    }

    /** The downlink T-PDUs of a UE's PDU session that arrived while no listener took them (buffered data, paging). */
    public List<byte[]> downlinkDelivered(SimUe ue, int pduSessionId) {
        return List.copyOf(delivered.getOrDefault(ue.supi() + "/" + pduSessionId, List.of()));
    }

    /** The N3 side given by {@link #attachUserPlane}, or null. */
    public GnbUserPlane userPlane() {
        return userPlane;
    }

    /** The downlink tunnel this gNB gave the core for a UE's PDU session, or null. */
    public GtpTunnel downlinkTunnel(SimUe ue, int pduSessionId) {
        return downlinkTunnels.getOrDefault(ue.supi(), Map.of()).get(pduSessionId);
    }

    /** The UPF's uplink tunnel the core gave this gNB for a UE's PDU session, or null. */
    public GtpTunnel uplinkTunnel(SimUe ue, int pduSessionId) {
        return uplinkTunnels.getOrDefault(ue.supi(), Map.of()).get(pduSessionId);
    }

    /**
     * AN release (TS 38.413 8.3.2): asks the core to release the UE's connection (radioNetwork user-inactivity); the
     * UE goes CM-IDLE when the command has been answered (its {@link SimUe#connectionReleased()}).
     */
    public CompletableFuture<String> releaseToIdle(SimUe ue) {
        CompletableFuture<String> released = ue.connectionReleased();
        List<PduSessionItem> listed = ue.sessions().keySet().stream().sorted().map(PduSessionItem::id).toList();
        send(new UeContextRelease.Request(ue.amfUeNgapId, ue.ranUeNgapId, listed.isEmpty() ? null : listed, CauseRadioNetwork.USER_INACTIVITY,
                List.of()), streamOf(ue.ranUeNgapId));
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
        CompletableFuture<SecurityHandover> done = new CompletableFuture<>();
        outgoing.put(ue.ranUeNgapId, new Handover(ue, target, done, arrival, new CompletableFuture<>()));
        List<PduSessionItem> sessions = ue.sessions().keySet().stream().sorted()
                .map(psi -> PduSessionItem.withTransfer(psi, SmTransferCodec.encode(new HandoverRequiredTransfer(false)))).toList();
        send(new HandoverPreparation.Required(ue.amfUeNgapId, ue.ranUeNgapId, HandoverType.INTRA_5GS, CauseRadioNetwork.HANDOVER_DESIRABLE_FOR_RADIO_REASON,
                new TargetId.RanNode(new GlobalRanNodeId.Gnb(plmn, target.gnbId, 22), new Tai(plmn, target.tac)), false,
                sessions.isEmpty() ? null : sessions, Octets.wrap(new byte[] {0x40, 0x01, 0x02, 0x03}), List.of()), streamOf(ue.ranUeNgapId));
        return done;
    }

    /** Completes when the HANDOVER COMMAND of the UE's handover from this gNB arrived (null: no handover running). */
    public CompletableFuture<Void> handoverCommanded(SimUe ue) {
        Handover h = outgoing.get(ue.ranUeNgapId);
        return h == null ? null : h.commanded();
    }

    /** Downlink packets this gNB forwarded to a forwarding tunnel as a handover's source. */
    public int forwardedDownlink() {
        return forwarded.get();
    }

    private final java.util.concurrent.atomic.AtomicInteger forwarded = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Indirect data forwarding as the source (TS 23.502 4.9.1.3.2 step 9, TS 38.413 9.3.4.10): the downlink of each
     * session whose Handover Command Transfer names a forwarding tunnel now goes there instead of to the UE.
     */
    private void startForwarding(SimUe ue, List<PduSessionItem> handed) {
        GnbUserPlane up = userPlane;
        if (up == null || handed == null) {
            return;
        }
        for (PduSessionItem item : handed) {
            if (!(SmTransferCodec.decode(HandoverCommandTransfer.class, item.transfer()) instanceof TransferResult.Ok<HandoverCommandTransfer> ok)
                    || ok.value().dlForwardingUpTnlInformation() == null) {
                continue;
            }
            GtpTunnel dl = downlinkTunnel(ue, item.pduSessionId());
            GtpTunnel to = ok.value().dlForwardingUpTnlInformation();
            SimUe.Session session = ue.sessions().get(item.pduSessionId());
            if (dl == null || session == null) {
                continue;
            }
            InetSocketAddress peer = new InetSocketAddress(to.address().toInetAddress(), io.liquid5gc.gtpu.GtpuCodec.PORT);
            up.register(Integer.toUnsignedLong(dl.teid()), packet -> {
                try {
                    up.sendForwarded(peer, Integer.toUnsignedLong(to.teid()), session.qfi(), packet);
                    forwarded.incrementAndGet();
                } catch (java.io.IOException e) {
                    // a lost forwarded packet, as on a real path
                }
            });
        }
    }

    /**
     * Xn handover completion at this gNB as the target (TS 23.502 4.9.1.2.2): PATH SWITCH REQUEST for the UE (which
     * moved here from {@code source} over Xn) with new downlink tunnels; completes with the NH and NCC of the answer.
     */
    public CompletableFuture<SecurityHandover> pathSwitch(SimUe ue, SimGnb source) {
        CompletableFuture<SecurityHandover> done = new CompletableFuture<>();
        source.ues.remove(ue.ranUeNgapId);
        long ran = newRanUeNgapId();
        long amf = ue.amfUeNgapId;
        ue.ranUeNgapId = ran;
        ue.gnb = this;
        ues.put(ran, ue);
        pathSwitches.put(ran, done);
        List<PduSessionItem> items = new ArrayList<>();
        for (SimUe.Session s : ue.sessions().values()) {
            GtpTunnel dl = allocateDownlink(ue, s.pduSessionId());
            items.add(PduSessionItem.withTransfer(s.pduSessionId(), SmTransferCodec.encode(new PathSwitchRequestTransfer(dl, false, null, null,
                    List.of(s.qfi())))));
        }
        send(new PathSwitch.Request(ran, amf, location(), new UeSecurityCapabilities(0xE000, 0xE000, 0, 0), items, null, List.of()), streamOf(ran));
        return done;
    }

    private final Map<Long, CompletableFuture<SecurityHandover>> pathSwitches = new ConcurrentHashMap<>();

    private GtpTunnel allocateDownlink(SimUe ue, int pduSessionId) {
        GtpTunnel t = allocateTunnel(ue, pduSessionId);
        downlinkTunnels.computeIfAbsent(ue.supi(), k -> new ConcurrentHashMap<>()).put(pduSessionId, t);
        return t;
    }

    /** A DL forwarding tunnel as a handover's target (TS 38.413 9.3.4.11): what arrives there is the UE's downlink. */
    private GtpTunnel allocateForwarding(SimUe ue, int pduSessionId) {
        return allocateTunnel(ue, pduSessionId);
    }

    private GtpTunnel allocateTunnel(SimUe ue, int pduSessionId) {
        GnbUserPlane up = userPlane;
        TransportLayerAddress address;
        try {
            address = up == null ? TransportLayerAddress.ipv4(10, 100, (int) (gnbId & 0xFF), 1) : TransportLayerAddress.of(up.localAddress().getAddress());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("gNB " + gnbId + ": N3 address: " + e.getMessage(), e);
        }
        GtpTunnel t = new GtpTunnel(address, nextTeid.getAndIncrement());
        if (up != null) {
            String key = ue.supi() + "/" + pduSessionId;
            up.register(Integer.toUnsignedLong(t.teid()), packet -> {
                java.util.function.Consumer<byte[]> l = downlinkListeners.get(key);
                if (l != null) {
                    l.accept(packet);
                } else {
                    List<byte[]> kept = delivered.computeIfAbsent(key, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
                    if (kept.size() < 1000) {
                        kept.add(packet);
                    }
                }
            });
        }
        return t;
    }

    /** Takes the UL tunnels of the setup requests and answers each with a new downlink tunnel at this gNB (TS 38.413 9.3.4.2). */
    private List<PduSessionItem> setUpSessions(SimUe ue, List<PduSessionItem> requested) {
        List<PduSessionItem> setUp = new ArrayList<>();
        for (PduSessionItem item : requested == null ? List.<PduSessionItem>of() : requested) {
            if (!(SmTransferCodec.decode(PduSessionResourceSetupRequestTransfer.class, item.transfer()) instanceof TransferResult.Ok<PduSessionResourceSetupRequestTransfer> ok)) {
                throw new IllegalStateException("gNB " + gnbId + ": undecodable PDU Session Resource Setup Request Transfer for session " + item.pduSessionId());
            }
            uplinkTunnels.computeIfAbsent(ue.supi(), k -> new ConcurrentHashMap<>()).put(item.pduSessionId(), ok.value().ulNguUpTnlInformation());
            GtpTunnel dl = allocateDownlink(ue, item.pduSessionId());
            List<AssociatedQosFlow> flows = ok.value().qosFlows().stream().map(f -> AssociatedQosFlow.of(f.qosFlowIdentifier())).toList();
            setUp.add(PduSessionItem.withTransfer(item.pduSessionId(), SmTransferCodec.encode(
                    new PduSessionResourceSetupResponseTransfer(new QosFlowPerTnlInformation(dl, flows), null, null, null))));
        }
        return setUp;
    }

    void sendUplinkNas(SimUe ue, byte[] nas) {
        send(new NasTransport.UplinkNasTransport(ue.amfUeNgapId, ue.ranUeNgapId, Octets.wrap(nas), location(), List.of()), streamOf(ue.ranUeNgapId));
    }

    /** A UE stream (TS 38.412 7: UE-associated signalling off the non-UE stream 0), or 0 for non-UE messages. */
    private int streamOf(long ranUeNgapId) {
        return 1 + (int) Math.floorMod(ranUeNgapId, 1L << 20);
    }

    /**
     * Sends on the association that carries it: a UE-associated message on the UE's (binding it first: to the
     * association being answered, else to an available one), a non-UE message on the one being answered or the first
     * available. {@code stream} 0 is the non-UE stream; otherwise the UE's stream on that association.
     */
    private void send(NgapMessage m, int stream) {
        long ran = m instanceof io.liquid5gc.ngap.message.UeAssociated u ? u.ranUeNgapId() : NgapMessage.ABSENT;
        Tnla t;
        if (ran != NgapMessage.ABSENT && ran >= 0) {
            t = bindingOf(ran);
        } else {
            Tnla from = inbound.get();
            t = from != null ? from : pick(ran);
        }
        int streams = t.association.outboundStreams();
        int s = stream == 0 || streams <= 1 ? 0 : 1 + (int) Math.floorMod(stream - 1L, (long) (streams - 1));
        sendOn(t, m, s);
    }

    private void sendOn(Tnla t, NgapMessage m, int stream) {
        if (!t.association.trySend(SctpMessage.ngap(stream, NgapCodec.encode(m)))) {
            throw new IllegalStateException("gNB " + gnbId + ": SCTP send buffer full or association gone (" + t + ")");
        }
    }

    /** The UE's association, moving it when that one is no longer usable; a UE without one is bound now. */
    private Tnla bindingOf(long ranUeNgapId) {
        Tnla bound = bindings.get(ranUeNgapId);
        if (bound != null && bound.usable()) {
            return bound;
        }
        Tnla from = inbound.get();
        Tnla chosen = from != null && from.usable() ? from : pick(ranUeNgapId);
        if (bound != null && bound != chosen) {
            moved.incrementAndGet();
        }
        bindings.put(ranUeNgapId, chosen);
        return chosen;
    }

    /** An available association for a new UE: round robin over the usable ones (equal weights); the first when none is usable. */
    private Tnla pick(long ranUeNgapId) {
        List<Tnla> usable = tnlas.stream().filter(Tnla::usable).toList();
        if (usable.isEmpty()) {
            if (tnlas.isEmpty()) {
                throw new IllegalStateException("gNB " + gnbId + ": not connected");
            }
            return tnlas.getFirst();
        }
        return usable.get((int) Math.floorMod(nextPick.getAndIncrement(), (long) usable.size()));
    }

    /**
     * The association can no longer carry UE signalling: lost, or its AMF said its GUAMIs are unavailable. Its UEs move
     * now (TS 23.501 5.21.2.2 and 5.21.2.3: another AMF of the set takes them up from the shared context store), to the
     * backup AMF's association when it is one of ours, else to any available one.
     */
    private void unavailable(Tnla t, String why, String backupAmfName) {
        if (!t.available || closing) {
            return;
        }
        t.available = false;
        t.unavailableBecause = why;
        t.unavailableAt = System.nanoTime();
        Tnla backup = backupAmfName == null ? null
                : tnlas.stream().filter(o -> o.usable() && backupAmfName.equals(o.amfName)).findFirst().orElse(null);
        int n = 0;
        for (Map.Entry<Long, Tnla> e : bindings.entrySet()) {
            if (e.getValue() == t) {
                Tnla to = backup != null ? backup : pick(e.getKey());
                if (to != t) {
                    e.setValue(to);
                    moved.incrementAndGet();
                    n++;
                }
            }
        }
        System.getLogger(SimGnb.class.getName()).log(System.Logger.Level.INFO, "gNB {0}: {1} unavailable ({2}); {3} UE(s) moved",
                Long.toHexString(gnbId), t, why, n);
    }

    @Override
    public void onEvent(Association a, io.liquid5gc.sctp.AssociationEvent event) {
        Tnla t = tnlaOf(a);
        if (t == null) {
            return;
        }
        switch (event) {
            case io.liquid5gc.sctp.AssociationEvent.CommunicationLost lost -> unavailable(t, "association lost: " + lost.reason(), null);
            case io.liquid5gc.sctp.AssociationEvent.ShutdownComplete done -> unavailable(t, "association shut down", null);
            case io.liquid5gc.sctp.AssociationEvent.PeerShutdown down -> unavailable(t, "peer shutting down", null);
            default -> { }
        }
    }

    private Tnla tnlaOf(Association a) {
        for (Tnla t : tnlas) {
            if (t.association == a || (t.association != null && t.association.id() == a.id())) {
                return t;
            }
        }
        return null;
    }

    @Override
    public void onMessage(Association a, SctpMessage message) {
        if (!(NgapCodec.decode(message.payload()) instanceof DecodeResult.Decoded d)) {
            return;
        }
        Tnla from = tnlaOf(a);
        if (from == null) {
            return;
        }
        if (d.message() instanceof io.liquid5gc.ngap.message.UeAssociated u && u.ranUeNgapId() != NgapMessage.ABSENT && u.ranUeNgapId() >= 0
                && from.usable() && bindings.get(u.ranUeNgapId()) != from && ues.containsKey(u.ranUeNgapId())) {
            // the core sent this UE's message on another association: the UE-TNLA binding follows (TS 38.412 7)
            bindings.put(u.ranUeNgapId(), from);
        }
        inbound.set(from);
        try {
            handle(from, d.message());
        } finally {
            inbound.remove();
        }
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
                    List<PduSessionItem> setUp = setUpSessions(ue, ics.pduSessions());
                    send(new InitialContextSetup.Response(ics.amfUeNgapId(), ics.ranUeNgapId(), setUp.isEmpty() ? null : setUp, null, null, List.of()),
                            streamOf(ics.ranUeNgapId()));
                    if (ics.nasPdu() != null) {
                        ue.onDownlinkNas(ics.nasPdu().toByteArray());
                    }
                }
            }
            case PduSessionResourceSetup.Request r -> {
                SimUe ue = ues.get(r.ranUeNgapId());
                if (ue != null) {
                    List<PduSessionItem> setUp = setUpSessions(ue, r.pduSessions());
                    send(new PduSessionResourceSetup.Response(r.amfUeNgapId(), r.ranUeNgapId(), setUp, null, null, null, List.of()), streamOf(r.ranUeNgapId()));
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
            case io.liquid5gc.ngap.message.PduSessionResourceModify.Request r -> {
                SimUe ue = ues.get(r.ranUeNgapId());
                if (ue != null) {
                    List<PduSessionItem> modified = new ArrayList<>();
                    for (PduSessionItem item : r.pduSessions()) {
                        var decoded = SmTransferCodec.decode(io.liquid5gc.ngap.transfer.PduSessionResourceModifyRequestTransfer.class, item.transfer());
                        List<Integer> qfis = decoded instanceof TransferResult.Ok<io.liquid5gc.ngap.transfer.PduSessionResourceModifyRequestTransfer> ok
                                && ok.value().qosFlowsToAddOrModify() != null
                                ? ok.value().qosFlowsToAddOrModify().stream().map(f -> f.qosFlowIdentifier()).toList() : List.of();
                        modified.add(PduSessionItem.withTransfer(item.pduSessionId(), SmTransferCodec.encode(
                                new io.liquid5gc.ngap.transfer.PduSessionResourceModifyResponseTransfer(null, null, qfis.isEmpty() ? null : qfis, null, null))));
                    }
                    send(new io.liquid5gc.ngap.message.PduSessionResourceModify.Response(r.amfUeNgapId(), r.ranUeNgapId(), modified, null, null, null,
                            List.of()), streamOf(r.ranUeNgapId()));
                    for (PduSessionItem item : r.pduSessions()) {
                        if (item.nasPdu() != null) {
                            ue.onDownlinkNas(item.nasPdu().toByteArray());
                        }
                    }
                }
            }
            case io.liquid5gc.ngap.message.UeContextModification.Request m -> {
                SimUe ue = ues.get(m.ranUeNgapId());
                if (ue != null && m.securityKey() != null) {
                    ue.onInitialContextSetup(m.securityKey().toByteArray());
                }
                send(new io.liquid5gc.ngap.message.UeContextModification.Response(m.amfUeNgapId(), m.ranUeNgapId(), null, null, null, List.of()),
                        streamOf(m.ranUeNgapId()));
            }
            case PduSessionResourceRelease.Command c -> {
                SimUe ue = ues.get(c.ranUeNgapId());
                if (ue != null) {
                    List<PduSessionItem> released = c.pduSessions().stream().map(i -> PduSessionItem.withTransfer(i.pduSessionId(),
                            SmTransferCodec.encode(new PduSessionResourceReleaseResponseTransfer()))).toList();
                    c.pduSessions().forEach(i -> downlinkTunnels.getOrDefault(ue.supi(), new ConcurrentHashMap<>()).remove(i.pduSessionId()));
                    send(new PduSessionResourceRelease.Response(c.amfUeNgapId(), c.ranUeNgapId(), released, null, null, List.of()), streamOf(c.ranUeNgapId()));
                    if (c.nasPdu() != null) {
                        ue.onDownlinkNas(c.nasPdu().toByteArray());
                    }
                }
            }
            case UeContextRelease.Command c -> {
                if (c.ueNgapIds() instanceof io.liquid5gc.ngap.ie.UeNgapIds.Pair p) {
                    SimUe ue = ues.remove(p.ranUeNgapId());
                    send(new UeContextRelease.Complete(p.amfUeNgapId(), p.ranUeNgapId(), null, null, null, List.of()), streamOf(p.ranUeNgapId()));
                    bindings.remove(p.ranUeNgapId());
                    Handover h = outgoing.remove(p.ranUeNgapId());
                    if (h != null) {
                        // the source's context after a completed handover: the UE lives on at the target
                        h.done().complete(h.target().lastSecurityHandover);
                    } else if (ue != null) {
                        ue.onRelease(String.valueOf(c.cause()));
                    }
                }
            }
            case HandoverPreparation.Command cmd -> {
                Handover h = outgoing.get(cmd.ranUeNgapId());
                if (h != null) {
                    startForwarding(h.ue(), cmd.pduSessionsHandover());
                    h.commanded().complete(null);
                    // the UE moves to the target, which tells the core it arrived (TS 23.502 4.9.1.3.3 steps 2-3)
                    if (h.arrival() == null) {
                        h.target().arrive(h.ue());
                    } else {
                        h.arrival().whenComplete((x, e) -> h.target().arrive(h.ue()));
                    }
                }
            }
            case HandoverPreparation.Failure f -> {
                Handover h = outgoing.remove(f.ranUeNgapId());
                if (h != null) {
                    h.done().completeExceptionally(new IllegalStateException("handover preparation failure: " + f.cause()));
                }
            }
            case HandoverResourceAllocation.Request hr -> acceptHandover(hr);
            case PathSwitch.Acknowledge ack -> {
                CompletableFuture<SecurityHandover> done = pathSwitches.remove(ack.ranUeNgapId());
                if (done != null) {
                    done.complete(new SecurityHandover(ack.securityContext().nextHopChainingCount(), ack.securityContext().nextHopNh().toByteArray()));
                }
            }
            case PathSwitch.Failure f -> {
                CompletableFuture<SecurityHandover> done = pathSwitches.remove(f.ranUeNgapId());
                if (done != null) {
                    done.completeExceptionally(new IllegalStateException("path switch request failure"));
                }
            }
            case Paging p -> pagings.add(p.uePagingIdentity());
            case io.liquid5gc.ngap.message.ErrorIndication e -> errors.add(e);
            case io.liquid5gc.ngap.message.Overload.Start o -> amfIndications.add(o);
            case io.liquid5gc.ngap.message.Overload.Stop o -> amfIndications.add(o);
            case io.liquid5gc.ngap.message.AmfStatusIndication statusIndication -> {
                amfIndications.add(statusIndication);
                // TS 38.413 8.7.3.2: the GUAMIs of this AMF are unavailable; its UEs go to the backup AMF (or another of the set)
                String backup = statusIndication.unavailableGuamis().stream().map(io.liquid5gc.ngap.ie.UnavailableGuamiItem::backupAmfName)
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                unavailable(from, "AMF STATUS INDICATION", backup);
            }
            default -> { }
        }
    }

    private final List<io.liquid5gc.ngap.message.ErrorIndication> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile SecurityHandover lastSecurityHandover;

    private final List<io.liquid5gc.ngap.message.NgapMessage> amfIndications = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The OVERLOAD START / STOP and AMF STATUS INDICATION messages the core sent this gNB (TS 38.413 8.7.6/8.7.7/8.7.3), in order. */
    public List<io.liquid5gc.ngap.message.NgapMessage> amfIndications() {
        return List.copyOf(amfIndications);
    }

    /** The Error Indications the core sent this gNB. */
    public List<io.liquid5gc.ngap.message.ErrorIndication> errorIndications() {
        return List.copyOf(errors);
    }

    /** As the target of an N2 handover (TS 38.413 8.4.2): admit the sessions with new downlink tunnels. */
    private void acceptHandover(HandoverResourceAllocation.Request hr) {
        SimUe ue = null;
        for (SimGnb g : PEERS) {
            for (Handover h : g.outgoing.values()) {
                if (h.target() == this) {
                    ue = h.ue();
                }
            }
        }
        if (ue == null) {
            send(new HandoverResourceAllocation.Failure(hr.amfUeNgapId(), CauseRadioNetwork.UNSPECIFIED, null, List.of()), 0);
            return;
        }
        long ran = newRanUeNgapId();
        incoming.put(hr.amfUeNgapId(), ue);
        pendingArrival.put(hr.amfUeNgapId(), ran);
        lastSecurityHandover = new SecurityHandover(hr.securityContext().nextHopChainingCount(), hr.securityContext().nextHopNh().toByteArray());
        List<PduSessionItem> admitted = new ArrayList<>();
        for (PduSessionItem item : hr.pduSessions()) {
            if (SmTransferCodec.decode(PduSessionResourceSetupRequestTransfer.class, item.transfer()) instanceof TransferResult.Ok<PduSessionResourceSetupRequestTransfer> ok) {
                uplinkTunnels.computeIfAbsent(ue.supi(), k -> new ConcurrentHashMap<>()).put(item.pduSessionId(), ok.value().ulNguUpTnlInformation());
                GtpTunnel dl = allocateDownlink(ue, item.pduSessionId());
                // with an N3 side, indirect data forwarding is accepted: a forwarding tunnel whose data goes to the UE too
                GtpTunnel fwd = userPlane == null ? null : allocateForwarding(ue, item.pduSessionId());
                admitted.add(PduSessionItem.withTransfer(item.pduSessionId(), SmTransferCodec.encode(new HandoverRequestAcknowledgeTransfer(dl, fwd, null,
                        ok.value().qosFlows().stream().map(f -> new QosFlowWithDataForwarding(f.qosFlowIdentifier(), fwd != null)).toList(), null, null))));
            }
        }
        send(new HandoverResourceAllocation.Acknowledge(hr.amfUeNgapId(), ran, admitted, null, Octets.wrap(new byte[] {0x20, 0x01}), null, List.of()),
                streamOf(ran));
    }

    private final Map<Long, Long> pendingArrival = new ConcurrentHashMap<>();

    /** The UE arrived after the HANDOVER COMMAND: it is this gNB's now; HANDOVER NOTIFY (TS 38.413 8.4.3). */
    private void arrive(SimUe ue) {
        Long amf = incoming.entrySet().stream().filter(e -> e.getValue() == ue).map(Map.Entry::getKey).findFirst().orElse(null);
        if (amf == null) {
            return;
        }
        incoming.remove(amf);
        long ran = pendingArrival.remove(amf);
        ue.gnb = this;
        ue.ranUeNgapId = ran;
        ue.amfUeNgapId = amf;
        ues.put(ran, ue);
        send(new HandoverNotify(amf, ran, location(), List.of()), streamOf(ran));
    }

    /** The gNBs of this JVM, so a handover target can find the UE its source is handing over. */
    private static final List<SimGnb> PEERS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile boolean closing;

    @Override
    public void close() {
        closing = true;
        PEERS.remove(this);
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
