package io.liquid5gc.ransim;

import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.UeAssociated;
import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.SctpMessage;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated gNB's TNL associations to the core's AMF endpoints (TS 38.412 7) and the UE-TNLA binding: which
 * association carries a UE's signalling, the choice of one for a new UE, and the move of the bound UEs when an
 * association is lost or its AMF becomes unavailable.
 */
final class GnbAssociations {

    /**
     * One TNL association to an AMF endpoint of the core (a proxy): NG Setup on it (each proxy keeps its own RAN node
     * table), available until it is lost or the core says its GUAMIs are unavailable (AMF STATUS INDICATION, TS 38.413
     * 8.7.3); then the UEs bound to it move to another one.
     */
    static final class Tnla {
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

    private final long gnbId;
    /** The TNL associations to the core's AMF endpoints, in the order configured. */
    private final List<Tnla> tnlas = new CopyOnWriteArrayList<>();
    /** The UE-TNLA binding: which association carries a UE's signalling, by RAN UE NGAP ID. */
    private final Map<Long, Tnla> bindings = new ConcurrentHashMap<>();
    /** The association a message is being handled from (replies to a UE not bound yet go back on it). */
    private final ThreadLocal<Tnla> inbound = new ThreadLocal<>();
    private final AtomicLong moved = new AtomicLong();
    private final AtomicLong nextPick = new AtomicLong();
    private volatile boolean closing;

    GnbAssociations(long gnbId) {
        this.gnbId = gnbId;
    }

    /** A new association to {@code peer}, the next in order. */
    Tnla add(InetSocketAddress peer) {
        Tnla t = new Tnla(peer);
        tnlas.add(t);
        return t;
    }

    List<Boolean> available() {
        return tnlas.stream().map(Tnla::usable).toList();
    }

    long unavailableSinceNanos(int index) {
        return tnlas.get(index).unavailableAt;
    }

    long uesMoved() {
        return moved.get();
    }

    /** The index of the association bound to the UE, -1 for none. */
    int indexOf(long ranUeNgapId) {
        Tnla t = bindings.get(ranUeNgapId);
        return t == null ? -1 : tnlas.indexOf(t);
    }

    /** The association of an SCTP association of this gNB's endpoint, or null. */
    Tnla tnlaOf(Association a) {
        for (Tnla t : tnlas) {
            if (t.association == a || (t.association != null && t.association.id() == a.id())) {
                return t;
            }
        }
        return null;
    }

    /**
     * A message of a UE this gNB holds arrived on {@code from}: when the core sent it on another usable association
     * than the UE's, the UE-TNLA binding follows (TS 38.412 7).
     */
    void follow(Tnla from, long ranUeNgapId) {
        if (from.usable() && bindings.get(ranUeNgapId) != from) {
            bindings.put(ranUeNgapId, from);
        }
    }

    void unbind(long ranUeNgapId) {
        bindings.remove(ranUeNgapId);
    }

    /** Runs {@code handling} with {@code from} as the association being answered. */
    void handleFrom(Tnla from, Runnable handling) {
        inbound.set(from);
        try {
            handling.run();
        } finally {
            inbound.remove();
        }
    }

    /** A UE stream (TS 38.412 7: UE-associated signalling off the non-UE stream 0), or 0 for non-UE messages. */
    static int streamOf(long ranUeNgapId) {
        return 1 + (int) Math.floorMod(ranUeNgapId, 1L << 20);
    }

    /**
     * Sends on the association that carries it: a UE-associated message on the UE's (binding it first: to the
     * association being answered, else to an available one), a non-UE message on the one being answered or the first
     * available. {@code stream} 0 is the non-UE stream; otherwise the UE's stream on that association.
     */
    void send(NgapMessage m, int stream) {
        long ran = m instanceof UeAssociated u ? u.ranUeNgapId() : NgapMessage.ABSENT;
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

    void sendOn(Tnla t, NgapMessage m, int stream) {
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
    void unavailable(Tnla t, String why, String backupAmfName) {
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

    /** The gNB is closing: losing its associations moves no UE. */
    void closing() {
        closing = true;
    }
}
