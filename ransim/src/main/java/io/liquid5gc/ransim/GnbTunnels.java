package io.liquid5gc.ransim;

import io.liquid5gc.gtpu.GtpuCodec;
import io.liquid5gc.ngap.codec.SmTransferCodec;
import io.liquid5gc.ngap.ie.AssociatedQosFlow;
import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.QosFlowPerTnlInformation;
import io.liquid5gc.ngap.ie.TransportLayerAddress;
import io.liquid5gc.ngap.transfer.HandoverCommandTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceModifyRequestTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceModifyResponseTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupRequestTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupResponseTransfer;
import io.liquid5gc.ngap.transfer.TransferResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A simulated gNB's user-plane tunnels (N3): the downlink tunnels it gives the core and the uplink tunnels the core
 * gives it, per UE (by SUPI) and PDU session; the delivery of downlink T-PDUs to listeners when it has an N3 side; and
 * indirect data forwarding as a handover's source (TS 23.502 4.9.1.3.2).
 */
final class GnbTunnels {

    private final long gnbId;
    private final AtomicInteger nextTeid = new AtomicInteger(1);
    /** Downlink tunnels this gNB gave the core, per UE (by SUPI) and PDU session: what the UPF would send to. */
    private final Map<String, Map<Integer, GtpTunnel>> downlinkTunnels = new ConcurrentHashMap<>();
    /** The UL tunnels (the UPF's) the core gave this gNB, per UE and PDU session. */
    private final Map<String, Map<Integer, GtpTunnel>> uplinkTunnels = new ConcurrentHashMap<>();
    /** This gNB's N3 side, when it carries user data (else its downlink tunnels name 10.100.N.1 and nothing listens). */
    private volatile GnbUserPlane userPlane;
    /** Who takes the downlink T-PDUs of a UE's PDU session ("supi/psi"); without one they are kept in {@link #delivered}. */
    private final Map<String, Consumer<byte[]>> downlinkListeners = new ConcurrentHashMap<>();
    private final Map<String, List<byte[]>> delivered = new ConcurrentHashMap<>();
    private final AtomicInteger forwarded = new AtomicInteger();

    GnbTunnels(long gnbId) {
        this.gnbId = gnbId;
    }

    void attachUserPlane(GnbUserPlane up) {
        this.userPlane = up;
    }

    GnbUserPlane userPlane() {
        return userPlane;
    }

    void onDownlink(SimUe ue, int pduSessionId, Consumer<byte[]> listener) {
        if (listener == null) {
            downlinkListeners.remove(ue.supi() + "/" + pduSessionId);
        } else {
            downlinkListeners.put(ue.supi() + "/" + pduSessionId, listener);
        }
    }

    List<byte[]> downlinkDelivered(SimUe ue, int pduSessionId) {
        return List.copyOf(delivered.getOrDefault(ue.supi() + "/" + pduSessionId, List.of()));
    }

    GtpTunnel downlinkTunnel(SimUe ue, int pduSessionId) {
        return downlinkTunnels.getOrDefault(ue.supi(), Map.of()).get(pduSessionId);
    }

    GtpTunnel uplinkTunnel(SimUe ue, int pduSessionId) {
        return uplinkTunnels.getOrDefault(ue.supi(), Map.of()).get(pduSessionId);
    }

    int forwardedDownlink() {
        return forwarded.get();
    }

    void putUplink(SimUe ue, int pduSessionId, GtpTunnel ul) {
        uplinkTunnels.computeIfAbsent(ue.supi(), k -> new ConcurrentHashMap<>()).put(pduSessionId, ul);
    }

    /** The session was released (TS 38.413 8.2.2): its downlink tunnel is gone. */
    void releaseDownlink(SimUe ue, int pduSessionId) {
        downlinkTunnels.getOrDefault(ue.supi(), new ConcurrentHashMap<>()).remove(pduSessionId);
    }

    GtpTunnel allocateDownlink(SimUe ue, int pduSessionId) {
        GtpTunnel t = allocateTunnel(ue, pduSessionId);
        downlinkTunnels.computeIfAbsent(ue.supi(), k -> new ConcurrentHashMap<>()).put(pduSessionId, t);
        return t;
    }

    /** A DL forwarding tunnel as a handover's target (TS 38.413 9.3.4.11): what arrives there is the UE's downlink. */
    GtpTunnel allocateForwarding(SimUe ue, int pduSessionId) {
        return allocateTunnel(ue, pduSessionId);
    }

    private GtpTunnel allocateTunnel(SimUe ue, int pduSessionId) {
        GnbUserPlane up = userPlane;
        TransportLayerAddress address;
        try {
            address = up == null ? TransportLayerAddress.ipv4(10, 100, (int) (gnbId & 0xFF), 1) : TransportLayerAddress.of(up.localAddress().getAddress());
        } catch (IOException e) {
            throw new IllegalStateException("gNB " + gnbId + ": N3 address: " + e.getMessage(), e);
        }
        GtpTunnel t = new GtpTunnel(address, nextTeid.getAndIncrement());
        if (up != null) {
            String key = ue.supi() + "/" + pduSessionId;
            up.register(Integer.toUnsignedLong(t.teid()), packet -> {
                Consumer<byte[]> l = downlinkListeners.get(key);
                if (l != null) {
                    l.accept(packet);
                } else {
                    List<byte[]> kept = delivered.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
                    if (kept.size() < 1000) {
                        kept.add(packet);
                    }
                }
            });
        }
        return t;
    }

    /** Takes the UL tunnels of the setup requests and answers each with a new downlink tunnel at this gNB (TS 38.413 9.3.4.2). */
    List<PduSessionItem> setUpSessions(SimUe ue, List<PduSessionItem> requested) {
        List<PduSessionItem> setUp = new ArrayList<>();
        for (PduSessionItem item : requested == null ? List.<PduSessionItem>of() : requested) {
            if (!(SmTransferCodec.decode(PduSessionResourceSetupRequestTransfer.class, item.transfer()) instanceof TransferResult.Ok<PduSessionResourceSetupRequestTransfer> ok)) {
                throw new IllegalStateException("gNB " + gnbId + ": undecodable PDU Session Resource Setup Request Transfer for session " + item.pduSessionId());
            }
            putUplink(ue, item.pduSessionId(), ok.value().ulNguUpTnlInformation());
            GtpTunnel dl = allocateDownlink(ue, item.pduSessionId());
            List<AssociatedQosFlow> flows = ok.value().qosFlows().stream().map(f -> AssociatedQosFlow.of(f.qosFlowIdentifier())).toList();
            setUp.add(PduSessionItem.withTransfer(item.pduSessionId(), SmTransferCodec.encode(
                    new PduSessionResourceSetupResponseTransfer(new QosFlowPerTnlInformation(dl, flows), null, null, null))));
        }
        return setUp;
    }

    /** Answers each modified session with the QoS flows it admitted: all those requested (TS 38.413 9.3.4.4). */
    static List<PduSessionItem> modifySessions(List<PduSessionItem> requested) {
        List<PduSessionItem> modified = new ArrayList<>();
        for (PduSessionItem item : requested) {
            var decoded = SmTransferCodec.decode(PduSessionResourceModifyRequestTransfer.class, item.transfer());
            List<Integer> qfis = decoded instanceof TransferResult.Ok<PduSessionResourceModifyRequestTransfer> ok
                    && ok.value().qosFlowsToAddOrModify() != null
                    ? ok.value().qosFlowsToAddOrModify().stream().map(f -> f.qosFlowIdentifier()).toList() : List.of();
            modified.add(PduSessionItem.withTransfer(item.pduSessionId(), SmTransferCodec.encode(
                    new PduSessionResourceModifyResponseTransfer(null, null, qfis.isEmpty() ? null : qfis, null, null))));
        }
        return modified;
    }

    /**
     * Indirect data forwarding as the source (TS 23.502 4.9.1.3.2 step 9, TS 38.413 9.3.4.10): the downlink of each
     * session whose Handover Command Transfer names a forwarding tunnel now goes there instead of to the UE.
     */
    void startForwarding(SimUe ue, List<PduSessionItem> handed) {
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
            InetSocketAddress peer = new InetSocketAddress(to.address().toInetAddress(), GtpuCodec.PORT);
            up.register(Integer.toUnsignedLong(dl.teid()), packet -> {
                try {
                    up.sendForwarded(peer, Integer.toUnsignedLong(to.teid()), session.qfi(), packet);
                    forwarded.incrementAndGet();
                } catch (IOException e) {
                    // a lost forwarded packet, as on a real path
                }
            });
        }
    }
}
