package io.liquid5gc.smf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.smf.N4Session;
import io.liquid5gc.sbi.smf.N4SessionSetupRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.liquid5gc.pfcp.Ie;
import io.liquid5gc.pfcp.PfcpMessage;
import io.liquid5gc.pfcp.SessionMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * N4 sessions (TS 29.244) for the UPF chosen for each PDU session ({@link SmContext#upfNodeId()}), built from the SM
 * context and stored at {@code smf/n4/<smContextRef>}; sessions per UPF are counted at {@code smf/n4-count/<nodeId>}
 * ({@code liquid5gc.smf.n4.sessions{upf}}).
 * With {@code liquid5gc.smf.n4.enabled} they are sent over that UPF's {@link UpfAssociation}: establishment, modification and
 * deletion wait for the UPF's answer (at most T1 * (N1 + 1)); a rejection or no answer fails the SM procedure with a
 * problem (504 UPF_NOT_RESPONDING, 500 SYSTEM_FAILURE naming the PFCP cause), and the session the UPF accepted is
 * stored with its UP SEID. When the UPF restarts, {@link #restoreAll} establishes the stored sessions again. Without
 * N4 every establishment or modification that would have been sent is counted in
 * {@code liquid5gc.smf.n4.not.sent{kind}} and logged at INFO once per session.
 *
 * <p>Rules (TS 29.244 5.2, TS 23.501 5.8.2): PDR 1 uplink (source ACCESS, the UPF's F-TEID, UE address as source,
 * outer GTP-U header removed) → FAR 1 forward to CORE; PDR 2 downlink (source CORE, UE address as destination) → FAR 2,
 * which buffers until the gNB's tunnel is known and then forwards to ACCESS creating the GTP-U header towards the gNB.
 * QER 1 is the session AMBR (TS 23.501 5.7.2.6), QER 1+QFI each flow's MBR.
 */
final class N4Sessions {

    private static final Logger log = LoggerFactory.getLogger(N4Sessions.class);
    static final String GTPU_UDP_IPV4 = "GTP-U/UDP/IPv4";
    /** PDR 3 / FAR 3: indirect data forwarding during an N2 handover (from the source gNB to the target's forwarding tunnel). */
    static final int FORWARDING_RULE_ID = 3;

    private final KeyValueStore store;
    private final ObjectMapper json;
    private final SmfProperties properties;
    private final Counter notSentEstablishments;
    private final Counter notSentModifications;
    private final Counter notSentDeletions;
    private final UpfAssociations upfs;
    private final MeterRegistry meters;
    /** Attempts of a modification whose stored session another modification changed meanwhile. */
    static final int MODIFY_ATTEMPTS = 5;

    N4Sessions(KeyValueStore store, ObjectMapper json, SmfProperties properties, MeterRegistry meters) {
        this(store, json, properties, meters, null);
    }

    /** With {@code upfs} null, nothing is sent (N4 off). */
    N4Sessions(KeyValueStore store, ObjectMapper json, SmfProperties properties, MeterRegistry meters, UpfAssociations upfs) {
        this.store = store;
        this.json = json;
        this.properties = properties;
        this.upfs = upfs;
        this.meters = meters;
        this.notSentEstablishments = notSent(meters, "establishment");
        this.notSentModifications = notSent(meters, "modification");
        this.notSentDeletions = notSent(meters, "deletion");
        for (SmfProperties.Upf u : properties.upfs()) {
            io.micrometer.core.instrument.Gauge.builder("liquid5gc.smf.n4.sessions", this, n -> n.sessionsOn(u.nodeId()))
                    .tag("upf", u.nodeId()).description("N4 sessions the SMF holds on the UPF").register(meters);
        }
    }

    /** The N4 sessions stored for this UPF (NaN when the store does not answer). */
    double sessionsOn(String nodeId) {
        try {
            return store.get(countKeyOf(nodeId)).map(b -> Long.parseLong(new String(b, java.nio.charset.StandardCharsets.US_ASCII).trim()))
                    .orElse(0L);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Whether N4 is on (sessions are sent to the UPFs). */
    boolean sending() {
        return upfs != null;
    }

    /** UPF selection for a new session (TS 23.501 6.3.3.2): with N4 on, only UPFs whose association is up. */
    UpfSelection.Choice select(String dnn, io.liquid5gc.sbi.common.Snssai slice) {
        return select(dnn, slice, null);
    }

    /** As {@link #select(String, io.liquid5gc.sbi.common.Snssai)}, passing over the UPF {@code excluded} (it just failed). */
    UpfSelection.Choice select(String dnn, io.liquid5gc.sbi.common.Snssai slice, String excluded) {
        java.util.function.Predicate<String> up = upfs == null ? id -> true : upfs::associated;
        return UpfSelection.select(properties.upfs(), dnn, slice, up.and(id -> !id.equals(excluded)));
    }

    /** The association a stored session's messages go over. */
    private UpfAssociation associationOf(N4Session session) {
        return upfs.of(session.upfNodeId()).orElseThrow(() -> new ProblemException(500, "Internal Server Error", "SYSTEM_FAILURE",
                "N4 session of UPF " + session.upfNodeId() + ", which is no longer configured (liquid5gc.smf.upfs)"));
    }

    /** The configured UPF of a context (contexts stored before several UPFs: the first). */
    SmfProperties.Upf upfOf(SmContext ctx) {
        return ctx.upfNodeId() == null ? properties.upfs().getFirst() : properties.upfOf(ctx.upfNodeId());
    }

    private static Counter notSent(MeterRegistry meters, String kind) {
        return Counter.builder("liquid5gc.smf.n4.not.sent").tag("kind", kind)
                .description("N4 (PFCP) messages built but not sent to a UPF: N4 is off (liquid5gc.smf.n4.enabled=false)").register(meters);
    }

    /** {@code smf-n4-session-setup}: (re)builds the N4 session of a stored SM context. */
    N4Session handleSetup(N4SessionSetupRequest request, SmContextStore contexts) {
        if (request.smContextRef() == null || request.smContextRef().isBlank()) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "smContextRef is required");
        }
        SmContext ctx = contexts.find(request.smContextRef())
                .orElseThrow(() -> ProblemException.notFound("CONTEXT_NOT_FOUND", "no SM context " + request.smContextRef()));
        return establish(ctx);
    }

    /** PFCP Session Establishment (TS 29.244 7.5.2): sent when N4 is on, stored. */
    N4Session establish(SmContext ctx) {
        N4Session session = build(ctx, 1);
        if (upfs != null) {
            session = sendEstablishment(session, ctx);
            store.put(seidKeyOf(ctx.cpSeid()), ctx.smContextRef().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        boolean first = store.compareAndSet(keyOf(ctx.smContextRef()), null, json.writeValueAsBytes(session), null);
        if (!first) {
            store.put(keyOf(ctx.smContextRef()), json.writeValueAsBytes(session));
        } else {
            store.increment(countKeyOf(session.upfNodeId()), 1);
        }
        if (upfs != null) {
            return session;
        }
        notSentEstablishments.increment();
        if (first) {
            log.info("N4 session of {} (SEID {}) for UPF {} built and stored, not sent: N4 is off (liquid5gc.smf.n4.enabled=false)",
                    ctx.smContextRef(), ctx.cpSeid(), session.upfNodeId());
        }
        return session;
    }

    /**
     * PFCP Session Modification (TS 29.244 7.5.4): the rules rebuilt from the updated context, version + 1, stored by
     * compare-and-set on the session the modification was built from; when another modification changed it meanwhile,
     * the modification is built and sent again from that one (the UPF and the store end with the same rules).
     */
    N4Session modify(SmContext ctx) {
        if (upfs != null) {
            for (int attempt = 0; attempt < MODIFY_ATTEMPTS; attempt++) {
                byte[] stored = store.get(keyOf(ctx.smContextRef())).orElseThrow(() ->
                        ProblemException.notFound("CONTEXT_NOT_FOUND", "no N4 session of " + ctx.smContextRef()));
                N4Session current = json.readValue(stored, N4Session.class);
                N4Session next = build(ctx, current.version() + 1);
                if (current.sent()) {
                    N4Session sent = next.sentWith(current.upSeid());
                    boolean endMarker = tunnelMoved(current, sent);
                    answer(associationOf(current).request(seq -> N4Messages.modification(current, sent, seq, endMarker)), "modification",
                            SessionMessage.SessionModificationResponse.class);
                    next = sent;
                }
                if (store.compareAndSet(keyOf(ctx.smContextRef()), stored, json.writeValueAsBytes(next), null)) {
                    return next;
                }
                log.debug("N4 session of {} changed during its modification (attempt {}): built again", ctx.smContextRef(), attempt + 1);
            }
            throw new ProblemException(409, "Conflict", "CONCURRENT_MODIFICATION",
                    "the N4 session of " + ctx.smContextRef() + " kept changing during " + MODIFY_ATTEMPTS + " modifications");
        }
        Optional<byte[]> written = store.update(keyOf(ctx.smContextRef()), current -> {
            int version = current.map(b -> json.readValue(b, N4Session.class).version()).orElse(0) + 1;
            return Optional.of(json.writeValueAsBytes(build(ctx, version)));
        }, null);
        notSentModifications.increment();
        log.debug("N4 modification of {} not sent (N4 is off)", ctx.smContextRef());
        return json.readValue(written.orElseThrow(), N4Session.class);
    }

    /** PFCP Session Deletion (TS 29.244 7.5.6): the stored session removed. */
    /**
     * PFCP Session Deletion (TS 29.244 7.5.6): the stored session removed and, with N4, deleted at the UPF; returns the
     * volumes of the UPF's final usage reports (uplink, downlink octets), or empty.
     */
    Optional<long[]> delete(String smContextRef) {
        Optional<N4Session> stored = find(smContextRef);
        if (store.delete(keyOf(smContextRef))) {
            stored.ifPresent(s -> store.increment(countKeyOf(s.upfNodeId()), -1));
            if (upfs != null && stored.isPresent() && stored.get().sent()) {
                store.delete(seidKeyOf(stored.get().cpSeid()));
                try {
                    var r = answer(associationOf(stored.get()).request(seq -> N4Messages.deletion(stored.get(), seq)), "deletion",
                            SessionMessage.SessionDeletionResponse.class);
                    return r.usageReports().isEmpty() ? Optional.empty() : Optional.of(octetsOf(r.usageReports()));
                } catch (ProblemException e) {
                    // the PDU session is released whatever the UPF says; a UPF that lost it has nothing to delete
                    log.warn("N4 deletion of {} (UP SEID {}): {}", smContextRef, stored.get().upSeid(), e.getMessage());
                }
            } else if (upfs == null) {
                notSentDeletions.increment();
            }
        }
        return Optional.empty();
    }

    /** Whether the downlink went from one gNB tunnel straight to another (the old one then gets End Markers). */
    private static boolean tunnelMoved(N4Session before, N4Session after) {
        N4Session.OuterHeaderCreation was = downlinkTunnel(before);
        N4Session.OuterHeaderCreation now = downlinkTunnel(after);
        return was != null && now != null && !was.equals(now);
    }

    private static N4Session.OuterHeaderCreation downlinkTunnel(N4Session s) {
        return s.createFar().stream().filter(f -> f.farId() == 2 && f.forwardingParameters() != null)
                .map(f -> f.forwardingParameters().outerHeaderCreation()).findFirst().orElse(null);
    }

    /**
     * Establishes every stored session of this UPF again (it restarted and lost them, TS 29.244 6.2.2); returns how
     * many.
     */
    int restoreAll(SmContextStore contexts, String upfNodeId) {
        int restored = 0;
        for (var e : store.scan("smf/n4/", 100_000).entrySet()) {
            String ref = e.getKey().substring("smf/n4/".length());
            N4Session before = json.readValue(e.getValue(), N4Session.class);
            if (!upfNodeId.equals(before.upfNodeId())) {
                continue;
            }
            Optional<SmContext> ctx = contexts.find(ref);
            if (ctx.isEmpty()) {
                continue;
            }
            try {
                N4Session again = sendEstablishment(build(ctx.get(), before.version() + 1), ctx.get());
                if (store.compareAndSet(keyOf(ref), e.getValue(), json.writeValueAsBytes(again), null)) {
                    restored++;
                } else {
                    log.info("N4 session of {} changed while it was restored (released or modified meanwhile)", ref);
                }
            } catch (ProblemException ex) {
                log.warn("N4 session of {} not restored: {}", ref, ex.getMessage());
            }
        }
        log.info("{} N4 sessions established again on UPF {}", restored, upfNodeId);
        return restored;
    }

    /**
     * The UPF's Session Report Request (TS 29.244 7.5.8): with a Downlink Data Report (the DL FAR buffers: the UE's
     * user plane is down), the AMF is told so that it pages the UE (TS 23.502 4.2.3.3 step 3a); answered at once with
     * the UPF's SEID, or Session context not found for a SEID this SMF does not know.
     */
    PfcpMessage handleSessionReport(SessionMessage.SessionReportRequest report, SmContextStore contexts,
                                    io.liquid5gc.sbi.amf.DownlinkDataNotifier amf, UsageListener usage) {
        int seq = report.header().sequenceNumber();
        Optional<SmContext> ctx = contextOfCpSeid(report.header().seid()).flatMap(contexts::find);
        Optional<N4Session> session = ctx.flatMap(c -> find(c.smContextRef()));
        if (ctx.isEmpty() || session.isEmpty() || session.get().upSeid() == null) {
            count("report", "SESSION_CONTEXT_NOT_FOUND");
            return new SessionMessage.SessionReportResponse(io.liquid5gc.pfcp.PfcpHeader.session(0, seq),
                    new Ie.Cause(Ie.Cause.Value.SESSION_CONTEXT_NOT_FOUND), null, List.of());
        }
        SmContext c = ctx.get();
        if (report.reportType().has(io.liquid5gc.pfcp.UsageIe.ReportType.DLDR)) {
            if (amf == null) {
                log.warn("downlink data for {} PDU session {}, but no AMF N2 side to page the UE is reachable from this SMF (the "
                        + "proxy in this process, or liquid5gc.smf.amf.n1n2-url)", c.supi(), c.pduSessionId());
            } else {
                // not on the PFCP reader thread: the AMF's procedure may call back into the SMF
                Thread.ofVirtual().start(() -> {
                    boolean known = amf.notifyDownlinkData(c.supi(), c.pduSessionId());
                    log.info("downlink data for {} PDU session {}: AMF told ({})", c.supi(), c.pduSessionId(), known ? "paging" : "no such UE");
                });
            }
        }
        if (report.reportType().has(io.liquid5gc.pfcp.UsageIe.ReportType.USAR) && usage != null && !report.usageReports().isEmpty()) {
            long[] octets = octetsOf(report.usageReports());
            Thread.ofVirtual().start(() -> usage.used(c, octets[0], octets[1]));
        }
        count("report", "REQUEST_ACCEPTED");
        return new SessionMessage.SessionReportResponse(io.liquid5gc.pfcp.PfcpHeader.session(session.get().upSeid(), seq),
                new Ie.Cause(Ie.Cause.Value.REQUEST_ACCEPTED), null, List.of());
    }

    /** What the SMF does with the volumes a usage report (threshold reached) measured: the CHF's update. */
    @FunctionalInterface
    interface UsageListener {
        void used(SmContext ctx, long uplinkOctets, long downlinkOctets);
    }

    /** Uplink and downlink octets of the usage reports' volume measurements. */
    private static long[] octetsOf(List<io.liquid5gc.pfcp.GroupedIe.UsageReport> reports) {
        long ul = 0;
        long dl = 0;
        for (var u : reports) {
            if (u.volumeMeasurement() != null) {
                ul += u.volumeMeasurement().uplinkOctets() == null ? 0 : u.volumeMeasurement().uplinkOctets();
                dl += u.volumeMeasurement().downlinkOctets() == null ? 0 : u.volumeMeasurement().downlinkOctets();
            }
        }
        return new long[] {ul, dl};
    }

    /** The context whose CP SEID the UPF names in a Session Report Request. */
    Optional<String> contextOfCpSeid(long cpSeid) {
        return store.get(seidKeyOf(cpSeid)).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8));
    }

    private N4Session sendEstablishment(N4Session session, SmContext ctx) {
        // a charged session gets a URR: its volumes go to the CHF at release (TS 32.255 5.2.2.4)
        Long threshold = ctx.chargingDataRef() == null ? null : properties.charging().requestedVolume();
        var r = answer(associationOf(session).request(seq -> N4Messages.establishment(session, ctx.pduSessionType(), seq, threshold)), "establishment",
                SessionMessage.SessionEstablishmentResponse.class);
        if (r.upFSeid() == null) {
            throw new ProblemException(500, "Internal Server Error", "SYSTEM_FAILURE", "the UPF accepted the N4 session without a UP F-SEID");
        }
        return session.sentWith(r.upFSeid().seid());
    }

    /** Waits for the UPF's answer (bounded by T1 * (N1 + 1) in the PFCP endpoint) and checks its cause. */
    private <T extends PfcpMessage> T answer(CompletableFuture<PfcpMessage> pending, String kind, Class<T> type) {
        PfcpMessage m;
        try {
            m = pending.get(properties.n4().t1().toMillis() * (properties.n4().n1() + 2), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(504, "Gateway Timeout", "UPF_NOT_RESPONDING", "interrupted waiting for the UPF");
        } catch (ExecutionException | TimeoutException e) {
            count(kind, "no-answer");
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw new ProblemException(504, "Gateway Timeout", "UPF_NOT_RESPONDING", "N4 session " + kind + ": " + why.getMessage());
        }
        Ie.Cause cause = m.ies().stream().filter(Ie.Cause.class::isInstance).map(Ie.Cause.class::cast).findFirst().orElse(null);
        count(kind, cause == null ? "none" : cause.value().name());
        if (!type.isInstance(m) || cause == null || !cause.value().accepted()) {
            throw new ProblemException(500, "Internal Server Error", "SYSTEM_FAILURE", "the UPF rejected the N4 session " + kind
                    + ": " + (cause == null ? m.type() : cause.value() + offending(m)));
        }
        return type.cast(m);
    }

    private static String offending(PfcpMessage m) {
        return m.ies().stream().filter(Ie.OffendingIe.class::isInstance).map(i -> " (offending IE " + ((Ie.OffendingIe) i).offendingType() + ")")
                .findFirst().orElse("");
    }

    private void count(String kind, String cause) {
        Counter.builder("liquid5gc.smf.n4.messages").tag("kind", kind).tag("cause", cause)
                .description("N4 session requests answered by the UPF, by kind and PFCP cause").register(meters).increment();
    }

    Optional<N4Session> find(String smContextRef) {
        return store.get(keyOf(smContextRef)).map(b -> json.readValue(b, N4Session.class));
    }

    N4Session build(SmContext ctx, int version) {
        SmfProperties.Upf upf = upfOf(ctx);
        String ulTeid = String.format("%08x", ctx.ulTeid());
        List<Integer> qerIds = new ArrayList<>();
        qerIds.add(1);
        SmContext.QosFlow def = ctx.defaultFlow();
        qerIds.add(1 + def.qfi());
        List<N4Session.Pdr> pdrs = List.of(
                new N4Session.Pdr(1, 255, new N4Session.Pdi("ACCESS", new N4Session.FTeid(ulTeid, upf.n3Address()), ctx.dnn(),
                        new N4Session.UeIpAddress(ctx.ueIpv4(), "SOURCE"), def.qfi()), GTPU_UDP_IPV4, 1, qerIds),
                new N4Session.Pdr(2, 255, new N4Session.Pdi("CORE", null, ctx.dnn(),
                        new N4Session.UeIpAddress(ctx.ueIpv4(), "DESTINATION"), null), null, 2, qerIds));
        N4Session.Far downlink;
        if (ctx.dlTunnel() != null && "ACTIVATED".equals(ctx.upCnxState())) {
            downlink = new N4Session.Far(2, List.of("FORW"), new N4Session.ForwardingParameters("ACCESS", null,
                    new N4Session.OuterHeaderCreation(GTPU_UDP_IPV4, ctx.dlTunnel().gtpTeid(), ctx.dlTunnel().transportLayerAddress())));
        } else {
            // No tunnel to the gNB (yet, or the AN connection is released): buffer and tell the CP (TS 29.244 8.2.26 BUFF, NOCP).
            downlink = new N4Session.Far(2, List.of("BUFF", "NOCP"), null);
        }
        List<N4Session.Far> fars = new ArrayList<>(List.of(
                new N4Session.Far(1, List.of("FORW"), new N4Session.ForwardingParameters("CORE", ctx.dnn(), null)), downlink));
        if (ctx.handover() != null) {
            // TS 23.502 4.9.1.3.2 step 9a: the indirect forwarding tunnel, from the source gNB to the target's forwarding tunnel
            SmContext.Handover h = ctx.handover();
            pdrs = new ArrayList<>(pdrs);
            pdrs.add(new N4Session.Pdr(FORWARDING_RULE_ID, 255, new N4Session.Pdi("ACCESS",
                    new N4Session.FTeid(String.format("%08x", h.forwardingTeid()), upf.n3Address()), ctx.dnn(), null, null),
                    GTPU_UDP_IPV4, FORWARDING_RULE_ID, List.of()));
            fars.add(new N4Session.Far(FORWARDING_RULE_ID, List.of("FORW"), new N4Session.ForwardingParameters("ACCESS", null,
                    new N4Session.OuterHeaderCreation(GTPU_UDP_IPV4, h.targetForwarding().gtpTeid(), h.targetForwarding().transportLayerAddress()))));
        }
        List<N4Session.Qer> qers = new ArrayList<>();
        Ambr ambr = ctx.sessionAmbr();
        qers.add(new N4Session.Qer(1, "OPEN", "OPEN", ambr.uplinkBps() / 1000, ambr.downlinkBps() / 1000, null));
        for (SmContext.QosFlow f : ctx.qosFlows()) {
            Long ul = f.maxbrUl() == null ? null : Ambr.bitsPerSecond(f.maxbrUl()) / 1000;
            Long dl = f.maxbrDl() == null ? null : Ambr.bitsPerSecond(f.maxbrDl()) / 1000;
            qers.add(new N4Session.Qer(1 + f.qfi(), "OPEN", "OPEN", ul, dl, f.qfi()));
        }
        return new N4Session(ctx.cpSeid(), properties.n4Address(), upf.nodeId(), upf.n4Address(), version, pdrs, fars, qers, false, null);
    }

    private static String keyOf(String ref) {
        return "smf/n4/" + ref;
    }

    private static String countKeyOf(String upfNodeId) {
        return "smf/n4-count/" + upfNodeId;
    }

    private static String seidKeyOf(long cpSeid) {
        return "smf/n4-seid/" + cpSeid;
    }
}
