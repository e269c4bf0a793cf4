package io.liquid5gc.proxy.n2;

import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.SupportedTaItem;
import io.liquid5gc.sctp.Association;
import java.util.List;

/**
 * One RAN node (gNB) as seen over its SCTP association: set up once NG Setup succeeded (TS 38.413 8.7.1),
 * with what it announced. Touched only from the endpoint's I/O thread.
 */
final class RanNode implements RanLink {

    private final Association association;
    private final N2Server server;
    private GlobalRanNodeId globalRanNodeId;
    private String name;
    private List<SupportedTaItem> supportedTas = List.of();
    private boolean setUp;
    /** What operators see (written on the I/O thread, read by the operator endpoint). */
    private volatile RanNodeInfo info;
    /** Initial UE Messages taken per second (null: no limit). */
    private final MessageRate initialUeRate;
    private final java.util.concurrent.atomic.AtomicLong notAdmitted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong lastWarn = new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);

    RanNode(Association association, N2Server server) {
        this.association = association;
        this.server = server;
        this.initialUeRate = server.newInitialUeRate();
    }

    /** Whether an Initial UE Message arriving now is within the association's rate. */
    boolean admitInitialUeMessage(long now) {
        return initialUeRate == null || initialUeRate.tryAcquire(now);
    }

    /** Counts an Initial UE Message not admitted; returns the count so far. */
    long countNotAdmitted() {
        return notAdmitted.incrementAndGet();
    }

    /** True at most once per {@code interval} (log lines about abuse at a bounded rate). */
    boolean warnDue(long now, long interval) {
        return N2Server.due(lastWarn, now, interval);
    }

    @Override
    public void sendUeAssociated(io.liquid5gc.ngap.message.NgapMessage message, long ranUeNgapId) {
        // TS 38.412 7: UE-associated signalling on the streams other than the non-UE one, one stream per UE
        int streams = association.outboundStreams();
        int stream = streams > 1 ? 1 + (int) Math.floorMod(ranUeNgapId, (long) (streams - 1)) : 0;
        HeldSends.sendOrHold(() -> server.send(this, message, stream));
    }

    @Override
    public void sendNonUe(io.liquid5gc.ngap.message.NgapMessage message) {
        HeldSends.sendOrHold(() -> server.send(this, message));
    }

    @Override
    public String describe() {
        return globalRanNodeId instanceof GlobalRanNodeId.Gnb g
                ? "gnb-" + Long.toHexString(g.gnbId()) : "ran-" + association.id();
    }

    Association association() {
        return association;
    }

    boolean isSetUp() {
        return setUp;
    }

    void setUp(GlobalRanNodeId id, String name, List<SupportedTaItem> supportedTas) {
        this.globalRanNodeId = id;
        this.name = name;
        this.supportedTas = List.copyOf(supportedTas);
        this.setUp = true;
        this.info = RanNodeInfo.of(describe(), id, name, this.supportedTas, remote(), java.time.Instant.now());
    }

    void update(String newName, List<SupportedTaItem> newTas) {
        if (newName != null) {
            this.name = newName;
        }
        if (newTas != null) {
            this.supportedTas = List.copyOf(newTas);
        }
        RanNodeInfo before = info;
        this.info = RanNodeInfo.of(describe(), globalRanNodeId, name, supportedTas, remote(),
                before == null ? java.time.Instant.now() : before.setUpAt());
    }

    private String remote() {
        java.net.InetSocketAddress a = association.remoteAddress();
        return a == null ? "-" : (a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress()) + ":" + a.getPort();
    }

    /** The operator's view, null before NG Setup. */
    RanNodeInfo info() {
        return info;
    }

    /** After an SCTP restart the peer must set up again. */
    void reset() {
        setUp = false;
        info = null;
    }

    GlobalRanNodeId globalRanNodeId() {
        return globalRanNodeId;
    }

    String name() {
        return name;
    }

    List<SupportedTaItem> supportedTas() {
        return supportedTas;
    }

    @Override
    public String toString() {
        return "RAN node " + (name != null ? name : "?") + " " + (globalRanNodeId != null ? globalRanNodeId : "")
                + " (association " + association.id() + " from " + association.remoteAddress() + ")";
    }
}
