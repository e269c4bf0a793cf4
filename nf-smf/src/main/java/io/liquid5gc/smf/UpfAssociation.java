package io.liquid5gc.smf;

import io.liquid5gc.pfcp.Ie.Cause;
import io.liquid5gc.pfcp.NodeIe.CpFunctionFeatures;
import io.liquid5gc.pfcp.NodeIe.NodeId;
import io.liquid5gc.pfcp.NodeIe.RecoveryTimeStamp;
import io.liquid5gc.pfcp.NodeMessage;
import io.liquid5gc.pfcp.PfcpHeader;
import io.liquid5gc.pfcp.PfcpMessage;
import io.liquid5gc.pfcp.PfcpPeer;
import io.liquid5gc.pfcp.SessionMessage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMF's PFCP association with its UPF (TS 29.244 6.2.6): set up at start and again whenever it is lost (no
 * heartbeat answer after N1 retransmissions) or the UPF restarted (a new Recovery Time Stamp, TS 29.244 6.2.2), then
 * {@link #onUpfRestart} is run so that the sessions the UPF lost are established again. Heartbeats both ways; the UPF's
 * Session Report Requests are acknowledged (and logged). Session messages are sent with {@link #request} only while
 * associated.
 */
final class UpfAssociation implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UpfAssociation.class);

    enum State { ASSOCIATING, ASSOCIATED, CLOSED }

    private final SmfProperties properties;
    private final InetSocketAddress upf;
    private final NodeId smfNodeId;
    private final RecoveryTimeStamp stamp;
    private final ScheduledExecutorService scheduler;
    private final PfcpPeer peer;
    private volatile State state = State.ASSOCIATING;
    private volatile RecoveryTimeStamp upfStamp;
    private volatile Runnable onUpfRestart = () -> { };
    private volatile java.util.function.Function<SessionMessage.SessionReportRequest, PfcpMessage> onSessionReport =
            r -> new SessionMessage.SessionReportResponse(PfcpHeader.session(0, r.header().sequenceNumber()),
                    new Cause(Cause.Value.SESSION_CONTEXT_NOT_FOUND), null, List.of());

    UpfAssociation(SmfProperties properties, Clock clock, MeterRegistry meters) throws IOException {
        this.properties = properties;
        SmfProperties.N4 n4 = properties.n4();
        this.upf = new InetSocketAddress(InetAddress.getByName(properties.upf().n4Address()), n4.port());
        InetAddress own = InetAddress.getByName(properties.n4Address());
        this.smfNodeId = NodeId.of(own);
        this.stamp = RecoveryTimeStamp.of(clock.instant());
        try {
            this.peer = PfcpPeer.open(new InetSocketAddress(own, n4.port()), n4.t1(), n4.n1(), this::handleRequest);
        } catch (java.net.SocketException e) {
            throw new IllegalStateException("N4: cannot bind PFCP on liquid5gc.smf.n4-address " + properties.n4Address() + " UDP "
                    + n4.port() + " (" + e.getMessage() + "): set it to an address of this host the UPF can reach", e);
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smf-n4-association");
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("liquid5gc.smf.n4.association", this, a -> a.state == State.ASSOCIATED ? 1 : 0)
                .tag("upf", properties.upf().nodeId()).description("1 while the PFCP association with the UPF is up").register(meters);
    }

    /** Runs when the UPF is found to have restarted (after the association is set up again). */
    void onUpfRestart(Runnable action) {
        this.onUpfRestart = action;
    }

    /** Answers the UPF's Session Report Requests (TS 29.244 7.5.8); by default: Session context not found. */
    void onSessionReport(java.util.function.Function<SessionMessage.SessionReportRequest, PfcpMessage> handler) {
        this.onSessionReport = handler;
    }

    void start() {
        scheduler.execute(this::sendAssociationSetupRequest);
    }

    State state() {
        return state;
    }

    InetSocketAddress upfAddress() {
        return upf;
    }

    /** Sends a session request to the UPF; fails at once when not associated (TS 29.244 6.2.6.1: no session before it). */
    CompletableFuture<PfcpMessage> request(IntFunction<PfcpMessage> build) {
        if (state != State.ASSOCIATED) {
            return CompletableFuture.failedFuture(new IOException("no PFCP association with UPF " + properties.upf().nodeId()
                    + " at " + upf + " (" + state + ")"));
        }
        return peer.request(upf, build);
    }

    /** TS 29.244 7.4.4.1: until accepted, again after T1 * (N1 + 1). */
    private void sendAssociationSetupRequest() {
        if (state == State.CLOSED) {
            return;
        }
        peer.request(upf, seq -> new NodeMessage.AssociationSetupRequest(PfcpHeader.node(seq), smfNodeId, stamp, null,
                new CpFunctionFeatures(new byte[] {0}), List.of())).whenComplete((r, e) -> {
            if (r instanceof NodeMessage.AssociationSetupResponse resp && resp.cause().value().accepted()) {
                RecoveryTimeStamp before = upfStamp;
                upfStamp = resp.recoveryTimeStamp();
                state = State.ASSOCIATED;
                log.info("PFCP association with UPF {} at {} set up (its Recovery Time Stamp {})", properties.upf().nodeId(), upf,
                        upfStamp.toInstant());
                scheduler.schedule(this::sendHeartbeatRequest, properties.n4().heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (before != null && !before.equals(upfStamp)) {
                    scheduler.execute(this::restarted); // not on the PFCP reader: restoring waits for its answers
                }
            } else {
                log.warn("PFCP association with UPF {} at {} not set up ({}); trying again", properties.upf().nodeId(), upf,
                        e != null ? e.getMessage() : r);
                scheduler.schedule(this::sendAssociationSetupRequest, retryMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private long retryMillis() {
        return properties.n4().t1().toMillis() * (properties.n4().n1() + 1);
    }

    /** TS 29.244 7.4.2.1: heartbeats while associated; no answer means the association is lost. */
    private void sendHeartbeatRequest() {
        if (state != State.ASSOCIATED) {
            return;
        }
        peer.request(upf, seq -> new NodeMessage.HeartbeatRequest(PfcpHeader.node(seq), stamp, List.of())).whenComplete((r, e) -> {
            if (r instanceof NodeMessage.HeartbeatResponse hb) {
                if (!hb.recoveryTimeStamp().equals(upfStamp)) {
                    lost("its Recovery Time Stamp changed: it restarted and lost its sessions");
                    return;
                }
                scheduler.schedule(this::sendHeartbeatRequest, properties.n4().heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
            } else {
                lost("no heartbeat answer (" + (e != null ? e.getMessage() : r) + ")");
            }
        });
    }

    private void lost(String why) {
        if (state != State.ASSOCIATED) {
            return;
        }
        state = State.ASSOCIATING;
        log.warn("PFCP association with UPF {} at {} lost: {}; setting it up again", properties.upf().nodeId(), upf, why);
        scheduler.execute(this::sendAssociationSetupRequest);
    }

    private void restarted() {
        log.warn("UPF {} restarted: establishing its sessions again", properties.upf().nodeId());
        try {
            onUpfRestart.run();
        } catch (RuntimeException ex) {
            log.warn("restoring the sessions of UPF {} failed", properties.upf().nodeId(), ex);
        }
    }

    /** The UPF's requests: heartbeats, UP-initiated association, reports. */
    private PfcpMessage handleRequest(InetSocketAddress from, PfcpMessage m) {
        return switch (m) {
            case NodeMessage.HeartbeatRequest hb -> {
                if (upfStamp != null && !hb.recoveryTimeStamp().equals(upfStamp) && from.equals(upf)) {
                    scheduler.execute(() -> lost("its Recovery Time Stamp changed: it restarted and lost its sessions"));
                }
                yield new NodeMessage.HeartbeatResponse(hb.header(), stamp, List.of());
            }
            case NodeMessage.AssociationUpdateRequest u -> new NodeMessage.AssociationUpdateResponse(u.header(), smfNodeId,
                    new Cause(Cause.Value.REQUEST_ACCEPTED), null, null, List.of());
            case SessionMessage.SessionReportRequest report -> onSessionReport.apply(report);
            default -> null;
        };
    }

    @Override
    public void close() {
        state = State.CLOSED;
        scheduler.shutdownNow();
        peer.close();
    }
}
