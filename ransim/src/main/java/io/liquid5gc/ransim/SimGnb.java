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
import io.liquid5gc.ngap.message.InitialContextSetup;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A simulated gNB: SCTP over UDP (RFC 6951) to the core's N2 endpoint, NG Setup (TS 38.413 8.7.1), then the
 * NGAP side of its UEs: Initial UE Message, uplink/downlink NAS transport, Initial Context Setup, UE context
 * release. Everything runs on the SCTP endpoint's I/O thread.
 */
public final class SimGnb implements AssociationHandler, AutoCloseable {

    private final PlmnIdentity plmn;
    private final int tac;
    private final long gnbId;
    private final List<SNssai> slices;
    private final Map<Long, SimUe> ues = new ConcurrentHashMap<>();
    private final CompletableFuture<NgapMessage> setupAnswer = new CompletableFuture<>();
    private io.liquid5gc.sctp.SctpEndpoint endpoint;
    private Association association;

    public SimGnb(String mcc, String mnc, int tac, long gnbId, List<SNssai> slices) {
        this.plmn = PlmnIdentity.of(mcc, mnc);
        this.tac = tac;
        this.gnbId = gnbId;
        this.slices = List.copyOf(slices);
    }

    /** Opens the association to the core's SCTP-over-UDP address and runs NG Setup; returns the answer. */
    public NgapMessage connect(InetSocketAddress core) throws Exception {
        endpoint = UdpSctpEndpoint.builder().bind(new InetSocketAddress(core.getAddress(), 0)).sctpPort(38412).handler(this).start();
        association = endpoint.connect(core, 38412).get(10, TimeUnit.SECONDS);
        return setUp();
    }

    /** Opens a kernel SCTP association to the core (host:38412), where the OS has SCTP, and runs NG Setup. */
    public NgapMessage connectKernel(InetSocketAddress core) throws Exception {
        if (!io.liquid5gc.sctp.kernel.KernelSctpEndpoint.isSupported()) {
            throw new IllegalStateException("no kernel SCTP on this host: " + io.liquid5gc.sctp.kernel.KernelSctpEndpoint.unsupportedReason()
                    + "; use SCTP over UDP (--transport udp)");
        }
        endpoint = io.liquid5gc.sctp.kernel.KernelSctpEndpoint.start(null, io.liquid5gc.sctp.SctpConfig.defaults(), this);
        association = endpoint.connect(core, core.getPort()).get(10, TimeUnit.SECONDS);
        return setUp();
    }

    private NgapMessage setUp() throws Exception {
        send(new NgSetup.Request(new GlobalRanNodeId.Gnb(plmn, gnbId, 22), "liquid5gc-sim-gnb-" + gnbId,
                List.of(new SupportedTaItem(tac, List.of(new BroadcastPlmnItem(plmn, slices)))), PagingDrx.values()[2], List.of()), 0);
        return setupAnswer.get(10, TimeUnit.SECONDS);
    }

    private UserLocationInformation location() {
        return new UserLocationInformation.Nr(new NrCgi(plmn, (gnbId << 14) | 1), new Tai(plmn, tac));
    }

    void sendInitialUe(SimUe ue, byte[] nas) {
        ues.put(ue.ranUeNgapId, ue);
        send(new NasTransport.InitialUeMessage(ue.ranUeNgapId, Octets.wrap(nas), location(), RrcEstablishmentCause.MO_SIGNALLING,
                null, NgapMessage.ABSENT, false, null, List.of()), streamOf(ue.ranUeNgapId));
    }

    void sendUplinkNas(SimUe ue, byte[] nas) {
        send(new NasTransport.UplinkNasTransport(ue.amfUeNgapId, ue.ranUeNgapId, Octets.wrap(nas), location(), List.of()), streamOf(ue.ranUeNgapId));
    }

    private int streamOf(long ranUeNgapId) {
        int streams = association.outboundStreams();
        return streams > 1 ? 1 + (int) Math.floorMod(ranUeNgapId, (long) (streams - 1)) : 0;
    }

    private void send(NgapMessage m, int stream) {
        if (!association.trySend(SctpMessage.ngap(stream, NgapCodec.encode(m)))) {
            throw new IllegalStateException("gNB " + gnbId + ": SCTP send buffer full");
        }
    }

    @Override
    public void onMessage(Association a, SctpMessage message) {
        if (!(NgapCodec.decode(message.payload()) instanceof DecodeResult.Decoded d)) {
            return;
        }
        switch (d.message()) {
            case NgSetup.Response r -> setupAnswer.complete(r);
            case NgSetup.Failure f -> setupAnswer.complete(f);
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
                    send(new InitialContextSetup.Response(ics.amfUeNgapId(), ics.ranUeNgapId(), null, null, null, List.of()), streamOf(ics.ranUeNgapId()));
                    if (ics.nasPdu() != null) {
                        ue.onDownlinkNas(ics.nasPdu().toByteArray());
                    }
                }
            }
            case UeContextRelease.Command c -> {
                if (c.ueNgapIds() instanceof io.liquid5gc.ngap.ie.UeNgapIds.Pair p) {
                    SimUe ue = ues.remove(p.ranUeNgapId());
                    send(new UeContextRelease.Complete(p.amfUeNgapId(), p.ranUeNgapId(), null, null, null, List.of()), streamOf(p.ranUeNgapId()));
                    if (ue != null) {
                        ue.onRelease();
                    }
                }
            }
            default -> { }
        }
    }

    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
