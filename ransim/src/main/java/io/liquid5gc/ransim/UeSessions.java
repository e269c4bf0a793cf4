package io.liquid5gc.ransim;

import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.Dnn;
import io.liquid5gc.nas.ie.IntegrityProtectionMaxDataRate;
import io.liquid5gc.nas.ie.PduSessionType;
import io.liquid5gc.nas.ie.RequestType;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.ie.SscMode;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.nas.sm.SmCause;
import io.liquid5gc.nas.sm.SmMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A simulated UE's 5GSM side (TS 24.501 6.4): its PDU sessions and the procedures on them in flight (establishment
 * 6.4.1, modification 6.4.2, release 6.4.3), each answering a future. Its messages go in UL NAS TRANSPORTs through
 * {@code uplink}, which the UE protects; the UE hands it the 5GSM messages of the DL NAS TRANSPORTs.
 */
final class UeSessions {

    private final Consumer<GmmMessage.UlNasTransport> uplink;
    private final Map<Integer, CompletableFuture<SimUe.Session>> establishing = new ConcurrentHashMap<>();
    private final Map<Integer, Long> started = new ConcurrentHashMap<>();
    private final Map<Integer, CompletableFuture<Integer>> releasing = new ConcurrentHashMap<>();
    private final Map<Integer, CompletableFuture<Long>> modifying = new ConcurrentHashMap<>();
    private final Map<Integer, SimUe.Session> sessions = new ConcurrentHashMap<>();

    UeSessions(Consumer<GmmMessage.UlNasTransport> uplink) {
        this.uplink = uplink;
    }

    /** PDU session establishment (6.4.1): the request (IPv4, SSC mode 1); completes with the accept's content or the cause. */
    CompletableFuture<SimUe.Session> establish(int pduSessionId, String dnn, SNssai slice) {
        CompletableFuture<SimUe.Session> f = new CompletableFuture<>();
        establishing.put(pduSessionId, f);
        started.put(pduSessionId, System.nanoTime());
        SmMessage.PduSessionEstablishmentRequest request = new SmMessage.PduSessionEstablishmentRequest(pduSessionId, pduSessionId,
                IntegrityProtectionMaxDataRate.full(), PduSessionType.IPV4, SscMode.SSC_MODE_1, null, null, null, List.of());
        uplink.accept(GmmMessage.UlNasTransport.n1Sm(NasCodec.encode(request), pduSessionId, RequestType.INITIAL_REQUEST, slice,
                dnn == null ? null : new Dnn(dnn)));
        return f;
    }

    /** UE-requested release (6.4.3.2); completes with the 5GSM cause of the network's Release Command. */
    CompletableFuture<Integer> release(int pduSessionId) {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        releasing.put(pduSessionId, f);
        send(pduSessionId, new SmMessage.PduSessionReleaseRequest(pduSessionId, pduSessionId + 100, SmCause.REGULAR_DEACTIVATION, null, List.of()));
        return f;
    }

    /** UE-requested modification (6.4.2); completes with the session AMBR (downlink, bit/s) of the Modification Command. */
    CompletableFuture<Long> modify(int pduSessionId) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        modifying.put(pduSessionId, f);
        send(pduSessionId, new SmMessage.PduSessionModificationRequest(pduSessionId, pduSessionId + 50,
                null, null, null, null, null, null, null, List.of()));
        return f;
    }

    private void send(int psi, SmMessage m) {
        uplink.accept(GmmMessage.UlNasTransport.n1Sm(NasCodec.encode(m), psi, null, null, null));
    }

    /** The PDU sessions the UE has, by PDU session ID (the map itself: the UE's 5GMM side reads and clears it). */
    Map<Integer, SimUe.Session> active() {
        return sessions;
    }

    /** An establishment in flight ends with {@code why} (the AMF did not forward the request: TS 24.501 5.4.5.3.3). */
    void failed(int psi, String why) {
        started.remove(psi);
        complete(psi, new SimUe.Session(psi, null, 0, 0, Duration.ZERO, why));
    }

    /** Every establishment in flight ends with {@code e} (the UE could not handle a downlink message). */
    void failAll(RuntimeException e) {
        establishing.values().forEach(f -> f.completeExceptionally(e));
    }

    /** A 5GSM message from the network for PDU session {@code psi}. */
    void onSmMessage(int psi, SmMessage m) {
        switch (m) {
            case SmMessage.PduSessionEstablishmentAccept a -> {
                Long since = started.remove(psi);
                SimUe.Session s = new SimUe.Session(psi, address(a), a.authorizedQosRules().isEmpty() ? 0 : a.authorizedQosRules().getFirst().qfi(),
                        a.sessionAmbr() == null ? 0 : a.sessionAmbr().downlinkBps(),
                        Duration.ofNanos(System.nanoTime() - (since == null ? System.nanoTime() : since)), null);
                sessions.put(psi, s);
                complete(psi, s);
            }
            case SmMessage.PduSessionEstablishmentReject r -> failed(psi, "5gsm-cause-" + r.cause().code);
            case SmMessage.PduSessionReleaseCommand c -> {
                sessions.remove(psi);
                send(psi, new SmMessage.PduSessionReleaseComplete(psi, c.pti(), null, null, List.of()));
                CompletableFuture<Integer> f = releasing.remove(psi);
                if (f != null) {
                    f.complete(c.cause().code);
                }
            }
            case SmMessage.PduSessionModificationCommand c -> {
                send(psi, new SmMessage.PduSessionModificationComplete(psi, c.pti(), null, List.of()));
                CompletableFuture<Long> f = modifying.remove(psi);
                if (f != null) {
                    f.complete(c.sessionAmbr() == null ? 0 : c.sessionAmbr().downlinkBps());
                }
            }
            case SmMessage.PduSessionModificationReject r -> {
                CompletableFuture<Long> f = modifying.remove(psi);
                if (f != null) {
                    f.completeExceptionally(new IllegalStateException("PDU Session Modification Reject #" + r.cause().code));
                }
            }
            case SmMessage.PduSessionReleaseReject r -> {
                CompletableFuture<Integer> f = releasing.remove(psi);
                if (f != null) {
                    f.completeExceptionally(new IllegalStateException("PDU Session Release Reject #" + r.cause().code));
                }
            }
            default -> { }
        }
    }

    private static String address(SmMessage.PduSessionEstablishmentAccept a) {
        if (a.pduAddress() == null || a.pduAddress().ipv4() == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(a.pduAddress().ipv4()).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private void complete(int psi, SimUe.Session s) {
        CompletableFuture<SimUe.Session> f = establishing.remove(psi);
        if (f != null) {
            f.complete(s);
        }
    }
}
