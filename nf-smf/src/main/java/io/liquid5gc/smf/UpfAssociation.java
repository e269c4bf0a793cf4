package io.liquid5gc.smf;

import io.liquid5gc.pfcp.Ie.Cause;
import io.liquid5gc.pfcp.NodeIe.CpFunctionFeatures;
import io.liquid5gc.pfcp.NodeIe.RecoveryTimeStamp;
import io.liquid5gc.pfcp.NodeMessage;
import io.liquid5gc.pfcp.PfcpHeader;
import io.liquid5gc.pfcp.PfcpMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMF's PFCP association with one UPF (TS 29.244 6.2.6) over the SMF's one N4 endpoint ({@link UpfAssociations}):
 * set up at start and again whenever it is lost (no heartbeat answer after N1 retransmissions) or the UPF restarted (a
 * new Recovery Time Stamp, TS 29.244 6.2.2), then the restart action runs so that the sessions the UPF lost are
 * established again. Heartbeats both ways. Session messages are sent with {@link #request} only while associated.
 */
final class UpfAssociation {

    private static final Logger log = LoggerFactory.getLogger(UpfAssociation.class);

    enum State { ASSOCIATING, ASSOCIATED, CLOSED }

    private final UpfAssociations endpoint;
    private final SmfProperties.Upf config;
    private final SmfProperties.N4 n4;
    private final InetSocketAddress upf;
    private final ScheduledExecutorService scheduler;
    private volatile State state = State.ASSOCIATING;
    private volatile RecoveryTimeStamp upfStamp;
    /** How many times the association was set up: a request's lost answer speaks only for the association it was sent in. */
    private volatile long generation;

    UpfAssociation(UpfAssociations endpoint, SmfProperties.Upf config, SmfProperties.N4 n4, InetSocketAddress upf,
                   ScheduledExecutorService scheduler) {
        this.endpoint = endpoint;
        this.config = config;
        this.n4 = n4;
        this.upf = upf;
        this.scheduler = scheduler;
    }

    void start() {
        scheduler.execute(this::sendAssociationSetupRequest);
    }

    State state() {
        return state;
    }

    String nodeId() {
        return config.nodeId();
    }

    SmfProperties.Upf config() {
        return config;
    }

    InetSocketAddress upfAddress() {
        return upf;
    }

    /** Sends a session request to the UPF; fails at once when not associated (TS 29.244 6.2.6.1: no session before it). */
    CompletableFuture<PfcpMessage> request(IntFunction<PfcpMessage> build) {
        if (state != State.ASSOCIATED) {
            return CompletableFuture.failedFuture(new IOException("no PFCP association with UPF " + config.nodeId()
                    + " at " + upf + " (" + state + ")"));
        }
        long sentIn = generation;
        CompletableFuture<PfcpMessage> answer = endpoint.send(upf, build);
        answer.whenComplete((r, e) -> {
            // a request sent to the UPF before it restarted times out after the new association is up: not a loss of that one
            if (e instanceof io.liquid5gc.pfcp.PfcpPeer.NoResponseException && generation == sentIn) {
                // as a heartbeat without answer (TS 29.244 6.2.6.1): new sessions go to another UPF of their DNN at once
                lost("no answer to a session request (" + e.getMessage() + ")");
            }
        });
        return answer;
    }

    /** TS 29.244 7.4.4.1: until accepted, again after T1 * (N1 + 1). */
    private void sendAssociationSetupRequest() {
        if (state == State.CLOSED) {
            return;
        }
        endpoint.send(upf, seq -> new NodeMessage.AssociationSetupRequest(PfcpHeader.node(seq), endpoint.smfNodeId(), endpoint.stamp(), null,
                new CpFunctionFeatures(new byte[] {0}), List.of())).whenComplete((r, e) -> {
            if (state == State.CLOSED) {
                return;
            }
            if (r instanceof NodeMessage.AssociationSetupResponse resp && resp.cause().value().accepted()) {
                RecoveryTimeStamp before = upfStamp;
                upfStamp = resp.recoveryTimeStamp();
                generation++;
                state = State.ASSOCIATED;
                log.info("PFCP association with UPF {} at {} set up (its Recovery Time Stamp {})", config.nodeId(), upf,
                        upfStamp.toInstant());
                scheduler.schedule(this::sendHeartbeatRequest, n4.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (before != null && !before.equals(upfStamp)) {
                    // not on the PFCP reader nor the shared timer: restoring waits for the UPF's answers
                    Thread.ofVirtual().name("smf-n4-restore-" + config.nodeId()).start(this::restarted);
                }
            } else {
                log.warn("PFCP association with UPF {} at {} not set up ({}); trying again", config.nodeId(), upf,
                        e != null ? e.getMessage() : r);
                scheduler.schedule(this::sendAssociationSetupRequest, n4.t1().toMillis() * (n4.n1() + 1), TimeUnit.MILLISECONDS);
            }
        });
    }

    /** TS 29.244 7.4.2.1: heartbeats while associated; no answer means the association is lost. */
    private void sendHeartbeatRequest() {
        if (state != State.ASSOCIATED) {
            return;
        }
        endpoint.send(upf, seq -> new NodeMessage.HeartbeatRequest(PfcpHeader.node(seq), endpoint.stamp(), List.of())).whenComplete((r, e) -> {
            if (r instanceof NodeMessage.HeartbeatResponse hb) {
                if (!hb.recoveryTimeStamp().equals(upfStamp)) {
                    lost("its Recovery Time Stamp changed: it restarted and lost its sessions");
                    return;
                }
                scheduler.schedule(this::sendHeartbeatRequest, n4.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
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
        log.warn("PFCP association with UPF {} at {} lost: {}; setting it up again (new sessions go to another UPF of their DNN "
                + "meanwhile)", config.nodeId(), upf, why);
        scheduler.execute(this::sendAssociationSetupRequest);
    }

    private void restarted() {
        log.warn("UPF {} restarted: establishing its sessions again", config.nodeId());
        try {
            endpoint.upfRestarted(config.nodeId());
        } catch (RuntimeException ex) {
            log.warn("restoring the sessions of UPF {} failed", config.nodeId(), ex);
        }
    }

    /** This UPF's requests: heartbeats, UP-initiated association update; session reports are the endpoint's. */
    PfcpMessage handleRequest(PfcpMessage m) {
        return switch (m) {
            case NodeMessage.HeartbeatRequest hb -> {
                if (upfStamp != null && !hb.recoveryTimeStamp().equals(upfStamp)) {
                    scheduler.execute(() -> lost("its Recovery Time Stamp changed: it restarted and lost its sessions"));
                }
                yield new NodeMessage.HeartbeatResponse(hb.header(), endpoint.stamp(), List.of());
            }
            case NodeMessage.AssociationUpdateRequest u -> new NodeMessage.AssociationUpdateResponse(u.header(), endpoint.smfNodeId(),
                    new Cause(Cause.Value.REQUEST_ACCEPTED), null, null, List.of());
            default -> null;
        };
    }

    void close() {
        state = State.CLOSED;
    }
}
