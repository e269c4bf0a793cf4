package io.liquid5gc.smf;

import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.smf.HandoverCommandTransfer;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.PduSessionUpdateResponse;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indirect data forwarding in an N2 handover (TS 23.502 4.9.1.3.2 step 9, 4.9.1.3.3 steps 8 and 15-16), with the UPF
 * unchanged: when the target gNB's Handover Request Acknowledge Transfer offers a DL forwarding tunnel, the SMF
 * allocates a forwarding TEID on the session's UPF (from its TEID pool) and adds PDR 3 / FAR 3 (from ACCESS on that
 * TEID to the target's forwarding tunnel); the downlink stays on the source gNB, which forwards what it still gets
 * to the UPF's forwarding tunnel (the Handover Command Transfer the answer carries). At completion ({@code hoState}
 * COMPLETED) the downlink FAR moves to the target (End Markers on the source's tunnel) and the forwarding rules stay
 * {@code liquid5gc.smf.n4.forwarding-timer} longer, then go with their TEID; a cancel removes them at once. The
 * removal is scheduled in this process (an SMF function on a FaaS platform that ends before it leaves the rules until
 * the session's release, which frees the TEID).
 */
final class IndirectForwarding implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndirectForwarding.class);

    private final SmContextStore contexts;
    private final N4Sessions n4;
    private final PoolAllocator allocator;
    private final SmfProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smf-forwarding-timer");
        t.setDaemon(true);
        return t;
    });

    IndirectForwarding(SmContextStore contexts, N4Sessions n4, PoolAllocator allocator, SmfProperties properties, Clock clock) {
        this.contexts = contexts;
        this.n4 = n4;
        this.allocator = allocator;
        this.properties = properties;
        this.clock = clock;
    }

    private static String ownerOf(String ref) {
        return ref + "#forwarding";
    }

    /** HANDOVER_REQ_ACK with the target's DL forwarding tunnel: the forwarding rules, the downlink still to the source. */
    PduSessionUpdateResponse handlePrepared(PduSessionUpdateRequest r, UpTransportLayerInformation target, UpTransportLayerInformation targetForwarding,
                                            List<Integer> accepted) {
        SmContext ctx = contexts.find(r.smContextRef())
                .orElseThrow(() -> ProblemException.notFound("CONTEXT_NOT_FOUND", "no SM context " + r.smContextRef()));
        SmfProperties.Upf upf = n4.upfOf(ctx);
        long teid;
        if (ctx.handover() != null) {
            teid = ctx.handover().forwardingTeid(); // a new preparation replaces the one the source gave up
        } else {
            OptionalLong offset = allocator.allocate(PduSessions.teidPoolOf(upf.nodeId()), upf.teidMax() - upf.teidMin() + 1, ownerOf(ctx.smContextRef()));
            if (offset.isEmpty()) {
                throw new ProblemException(503, "Service Unavailable", "INSUFFICIENT_RESOURCES",
                        "TEID range of UPF " + upf.nodeId() + " exhausted: no indirect forwarding tunnel");
            }
            teid = upf.teidMin() + offset.getAsLong();
        }
        SmContext.Handover h = new SmContext.Handover(target, targetForwarding, teid, null);
        SmContext updated = contexts.update(ctx.smContextRef(), c -> {
            List<SmContext.QosFlow> flows = accepted.isEmpty() ? c.qosFlows() : c.qosFlows().stream().filter(f -> accepted.contains(f.qfi())).toList();
            // the downlink stays on the source's tunnel (the Handover Required's ACTIVATING left it there, unchanged at the UPF)
            SmContext kept = c.dlTunnel() != null ? c.withDownlink(c.dlTunnel(), "ACTIVATED") : c;
            return kept.withHandover(h).withQosFlows(flows.isEmpty() ? c.qosFlows() : flows);
        }).orElseThrow(() -> ProblemException.notFound("CONTEXT_NOT_FOUND", "no SM context " + r.smContextRef()));
        try {
            var session = n4.modify(updated);
            log.info("PDU session {}: N2 handover with indirect forwarding: UPF {} forwards TEID {} to the target's {}", updated.smContextRef(),
                    upf.nodeId(), Long.toHexString(teid), targetForwarding);
            return new PduSessionUpdateResponse(updated.smContextRef(), updated.upCnxState(), session, null, null, null,
                    new HandoverCommandTransfer(UpTransportLayerInformation.of(upf.n3Address(), teid),
                            updated.qosFlows().stream().map(SmContext.QosFlow::qfi).toList()));
        } catch (RuntimeException e) {
            contexts.update(updated.smContextRef(), c -> c.withHandover(null));
            allocator.free(PduSessions.teidPoolOf(upf.nodeId()), teid - upf.teidMin(), ownerOf(updated.smContextRef()));
            throw e;
        }
    }

    /** {@code hoState} COMPLETED: the downlink to the target (End Markers to the source); forwarding until the timer. */
    PduSessionUpdateResponse handleCompleted(String ref) {
        SmContext ctx = contexts.find(ref).orElseThrow(() -> ProblemException.notFound("CONTEXT_NOT_FOUND", "no SM context " + ref));
        if (ctx.handover() == null || ctx.handover().forwardingUntil() != null) {
            // no indirect forwarding: the downlink moved at the Request Acknowledge already
            return new PduSessionUpdateResponse(ref, ctx.upCnxState(), n4.find(ref).orElse(null));
        }
        Instant until = clock.instant().plus(properties.n4().forwardingTimer());
        SmContext updated = contexts.update(ref, c -> c.handover() == null ? c
                : c.withDownlink(c.handover().target(), "ACTIVATED").withHandover(c.handover().completedUntil(until)))
                .orElseThrow(() -> ProblemException.notFound("CONTEXT_NOT_FOUND", "no SM context " + ref));
        var session = n4.modify(updated);
        timers.schedule(() -> Thread.ofVirtual().start(() -> expire(ref)), properties.n4().forwardingTimer().toMillis(), TimeUnit.MILLISECONDS);
        return new PduSessionUpdateResponse(ref, updated.upCnxState(), session);
    }

    /** {@code hoState} CANCELLED (TS 23.502 4.9.1.4): the forwarding removed, the downlink where it is. */
    PduSessionUpdateResponse handleCancelled(String ref) {
        SmContext ctx = contexts.find(ref).orElseThrow(() -> ProblemException.notFound("CONTEXT_NOT_FOUND", "no SM context " + ref));
        if (ctx.handover() == null) {
            return new PduSessionUpdateResponse(ref, ctx.upCnxState(), n4.find(ref).orElse(null));
        }
        return new PduSessionUpdateResponse(ref, ctx.upCnxState(), removeForwarding(ctx).orElse(null));
    }

    /** The forwarding rules of a completed handover go once their timer ran out (also called by later updates). */
    void expire(String ref) {
        try {
            SmContext c = contexts.find(ref).orElse(null);
            if (c == null || c.handover() == null || c.handover().forwardingUntil() == null) {
                return; // released, cancelled or prepared again meanwhile
            }
            java.time.Duration left = java.time.Duration.between(clock.instant(), c.handover().forwardingUntil());
            if (left.isPositive()) {
                timers.schedule(() -> Thread.ofVirtual().start(() -> expire(ref)), left.toMillis() + 1, TimeUnit.MILLISECONDS);
                return;
            }
            removeForwarding(c);
        } catch (RuntimeException e) {
            log.warn("indirect forwarding of {} not removed: {}", ref, e.getMessage());
        }
    }

    private java.util.Optional<io.liquid5gc.sbi.smf.N4Session> removeForwarding(SmContext ctx) {
        SmContext.Handover h = ctx.handover();
        var updated = contexts.update(ctx.smContextRef(), c -> c.withHandover(null));
        if (updated.isEmpty()) {
            return java.util.Optional.empty();
        }
        var session = n4.modify(updated.get());
        release(ctx.smContextRef(), ctx, h);
        log.info("PDU session {}: indirect forwarding (TEID {}) removed", ctx.smContextRef(), Long.toHexString(h.forwardingTeid()));
        return java.util.Optional.of(session);
    }

    /** Gives the forwarding TEID back (the session's release, or the forwarding's end). */
    void release(String ref, SmContext ctx, SmContext.Handover h) {
        if (h != null) {
            SmfProperties.Upf upf = n4.upfOf(ctx);
            allocator.free(PduSessions.teidPoolOf(upf.nodeId()), h.forwardingTeid() - upf.teidMin(), ownerOf(ref));
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
