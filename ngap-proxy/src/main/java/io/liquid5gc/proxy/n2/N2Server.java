package io.liquid5gc.proxy.n2;

import io.liquid5gc.ngap.DecodeResult;
import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.ie.CauseMisc;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.OverloadResponse;
import io.liquid5gc.ngap.ie.UnavailableGuamiItem;
import io.liquid5gc.ngap.message.AmfStatusIndication;
import io.liquid5gc.ngap.message.ErrorIndication;
import io.liquid5gc.ngap.message.NgReset;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.Overload;
import io.liquid5gc.ngap.message.RanConfigurationUpdate;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.proxy.overload.CongestionAdmission;
import io.liquid5gc.proxy.overload.OverloadControl;
import io.liquid5gc.proxy.overload.OverloadProperties;
import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.AssociationHandler;
import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.udp.InitRateLimit;
import io.liquid5gc.sctp.udp.UdpSctpEndpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The N2 endpoint: SCTP over UDP (RFC 6951) on {@code liquid5gc.proxy.sctp.udp-port}, one {@link RanNode} per
 * association, NGAP decoded and dispatched by procedure. Runs on the SCTP endpoint's I/O thread: the non-UE
 * procedures here are in-memory and fast; UE-associated signalling is handed to the UE side, which must not
 * block this thread. Decode errors are answered with ERROR INDICATION (TS 38.413 10.2).
 */
public final class N2Server implements AssociationHandler, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(N2Server.class);
    /** TS 38.412 7: non-UE-associated signalling uses one reserved stream pair; we use stream 0. */
    static final int NON_UE_STREAM = 0;
    private static final long WARN_INTERVAL_NANOS = 10_000_000_000L;

    private final ProxyProperties properties;
    private final MeterRegistry meters;
    private final NgSetupProcedure ngSetup;
    private final N2AllowList allowList;
    private final ProxyProperties.Limits limits;
    private final LongSupplier nanoClock;
    private final Counter droppedPpid;
    private final Counter refusedSources;
    private final Counter rateLimitedInitialUe;
    /** For WARN lines at most every {@link #WARN_INTERVAL_NANOS} per kind (abuse must not flood the log). */
    private final AtomicLong lastPpidWarn = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastAdmissionWarn = new AtomicLong(Long.MIN_VALUE);
    private final NonUeProcedures nonUe;
    private final Map<Long, RanNode> nodes = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile NonUeProcedures.UeContextReleaser releaser = NonUeProcedures.UeContextReleaser.NONE;
    private volatile io.liquid5gc.proxy.ue.UeSignalling ueSignalling;
    private volatile OverloadControl overload;
    private volatile OverloadProperties overloadProperties;
    private volatile N2ShutdownProperties shutdown = N2ShutdownProperties.defaults();
    private UdpSctpEndpoint endpoint;
    private io.liquid5gc.sctp.kernel.KernelSctpEndpoint kernelEndpoint;

    public N2Server(ProxyProperties properties, MeterRegistry meters) {
        this(properties, meters, System::nanoTime);
    }

    /** With the clock of the Initial UE Message rate limit (tests). */
    N2Server(ProxyProperties properties, MeterRegistry meters, LongSupplier nanoClock) {
        this.properties = properties;
        this.meters = meters;
        this.limits = properties.limits();
        this.allowList = N2AllowList.of(limits);
        this.nanoClock = nanoClock;
        this.ngSetup = new NgSetupProcedure(ServedConfiguration.of(properties), allowList);
        this.droppedPpid = dropped("ppid", "DATA with a PPID other than 60 (TS 38.412 7), dropped undecoded");
        this.refusedSources = dropped("source", "associations aborted at COMMUNICATION UP: source not in allowed-sources");
        this.rateLimitedInitialUe = dropped("initial-ue-message-rate",
                "Initial UE Messages over the per-association rate: not admitted, ERROR INDICATION sent");
        FunctionCounter.builder("liquid5gc.proxy.n2.dropped", this, s -> s.endpoint == null ? 0 : s.endpoint.initsRateLimited())
                .tag("reason", "init-rate").description("INITs over the per-source rate, dropped before any INIT ACK")
                .register(meters);
        FunctionCounter.builder("liquid5gc.proxy.n2.dropped", this,
                        s -> s.endpoint == null ? 0 : s.endpoint.packetsFromRefusedSources())
                .tag("reason", "init-source").description("INIT and COOKIE ECHO from sources not in allowed-sources, dropped")
                .register(meters);
        this.nonUe = new NonUeProcedures(ngSetup);
        Gauge.builder("liquid5gc.proxy.ran.nodes", nodes, m -> m.values().stream().filter(RanNode::isSetUp).count())
                .description("RAN nodes with a successful NG Setup").register(meters);
    }

    private Counter dropped(String reason, String description) {
        return Counter.builder("liquid5gc.proxy.n2.dropped").tag("reason", reason).description(description).register(meters);
    }

    /** Connects the UE-associated side: NAS transport, context setup and release. */
    public void attach(io.liquid5gc.proxy.ue.UeSignalling ue) {
        this.ueSignalling = ue;
        ue.ranDirectory(this::ranNamed, () -> nodes.values().stream().filter(RanNode::isSetUp).<RanLink>map(n -> n).toList());
        this.releaser = new NonUeProcedures.UeContextReleaser() {
            @Override
            public int releaseAll(RanNode node) {
                return ue.releaseAll(node);
            }

            @Override
            public void release(RanNode node, long amfUeNgapId, long ranUeNgapId) {
                ue.release(amfUeNgapId);
            }
        };
    }

    /**
     * AMF overload control (TS 38.413 8.7.6/8.7.7, TS 23.501 5.19.5): every set-up gNB gets OVERLOAD START when the
     * overload begins (and a gNB setting up during it, after its NG SETUP RESPONSE), OVERLOAD STOP when it ends; while it
     * lasts, registrations are refused with 5GMM #22 and T3346 (see {@link CongestionAdmission}).
     */
    public void attachOverload(OverloadControl control, OverloadProperties properties) {
        this.overloadProperties = properties;
        this.overload = control;
        control.listener(new OverloadControl.Listener() {
            @Override
            public void overloadStarted(String reason) {
                List<RanNode> told = setUp();
                log.warn("AMF overloaded: {}; OVERLOAD START ({}, {} % traffic load reduction) to {} gNB(s); registrations"
                        + " refused with 5GMM #22 and T3346 {}", reason, properties.action(), properties.trafficLoadReduction(),
                        told.size(), properties.backOff());
                told.forEach(n -> send(n, buildOverloadStart()));
            }

            @Override
            public void overloadStopped() {
                List<RanNode> told = setUp();
                log.info("AMF overload over: OVERLOAD STOP to {} gNB(s)", told.size());
                told.forEach(n -> send(n, Overload.Stop.of()));
            }
        });
        Gauge.builder("liquid5gc.proxy.overload", control, c -> c.overloaded() ? 1 : 0)
                .description("1 while the AMF is overloaded (OVERLOAD START sent, registrations refused with #22)").register(meters);
        Gauge.builder("liquid5gc.proxy.amf.calls.in.flight", control, OverloadControl::inFlight)
                .description("AMF function calls the proxy has in flight").register(meters);
        Gauge.builder("liquid5gc.proxy.overload.admission.limit", control, OverloadControl::admissionLimit)
                .description("UE tasks in flight up to which a new registration is admitted (adaptive, admission-latency)").register(meters);
        Gauge.builder("liquid5gc.proxy.ue.work.in.flight", control, OverloadControl::workInFlight)
                .description("UE tasks (N2 messages of UEs, NAS timer expiries) submitted and not yet done").register(meters);
        Gauge.builder("liquid5gc.proxy.ue.work.latency", control, OverloadControl::workLatencyMillis).baseUnit("milliseconds")
                .description("mean UE task latency, submission to end, over the admission limit's last 100 ms window").register(meters);
    }

    /** OVERLOAD START (TS 38.413 9.2.6.17) with the configured action and traffic load reduction. */
    Overload.Start buildOverloadStart() {
        OverloadProperties p = overloadProperties;
        return Overload.Start.of(new OverloadResponse.Action(p.action()),
                p.trafficLoadReduction() == 0 ? NgapMessage.ABSENT : p.trafficLoadReduction());
    }

    private List<RanNode> setUp() {
        return nodes.values().stream().filter(RanNode::isSetUp).toList();
    }

    /** The UDP address gNBs reach (useful when the port was 0); null when SCTP over UDP is off. */
    public InetSocketAddress udpAddress() {
        return endpoint == null ? null : endpoint.localAddress();
    }

    /** The kernel SCTP address gNBs reach, or null when kernel SCTP is off or not supported by the OS. */
    public InetSocketAddress kernelAddress() {
        return kernelEndpoint == null ? null : kernelEndpoint.localAddress();
    }

    /** The set-up RAN nodes as operators see them (NG Setup data), by name. */
    public List<RanNodeInfo> ranNodes() {
        return nodes.values().stream().map(RanNode::info).filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(RanNodeInfo::id)).toList();
    }

    /** Number of RAN nodes that completed NG Setup. */
    public long setUpNodes() {
        return nodes.values().stream().filter(RanNode::isSetUp).count();
    }

    @Override
    public void onMessage(Association association, SctpMessage message) {
        if (message.ppid() != SctpMessage.PPID_NGAP && limits.ngapPpidOnly()) {
            // TS 38.412 7: NGAP is carried with PPID 60; anything else is not NGAP and is never decoded as such
            droppedPpid.increment();
            if (due(lastPpidWarn, nanoClock.getAsLong(), WARN_INTERVAL_NANOS)) {
                log.warn("association {} from {}: DATA with PPID {} dropped (NGAP is PPID 60, TS 38.412 7); {} dropped so far"
                        + " (metric liquid5gc.proxy.n2.dropped, reason ppid)", association.id(), association.remoteAddress(),
                        message.ppid(), (long) droppedPpid.count());
            }
            return;
        }
        RanNode node = nodes.computeIfAbsent(association.id(), id -> new RanNode(association, this));
        DecodeResult result = NgapCodec.decode(message.payload());
        switch (result) {
            case DecodeResult.DecodeError e -> {
                count("in", "undecodable");
                log.warn("{}: undecodable NGAP message ({}): {}", node, e.cause(), e.detail());
                send(node, NonUeProcedures.buildErrorIndication(e.cause(), e.diagnostics(), e.amfUeNgapId(), e.ranUeNgapId()));
            }
            case DecodeResult.Decoded d -> dispatch(node, d);
        }
    }

    private void dispatch(RanNode node, DecodeResult.Decoded decoded) {
        NgapMessage m = decoded.message();
        count("in", name(m));
        CriticalityDiagnostics diagnostics = decoded.notificationDiagnostics();
        CriticalityDiagnostics rejected = decoded.rejectedExtensionDiagnostics();
        if (rejected != null) {
            handleNotComprehendedReject(node, m, rejected);
            return;
        }
        if (!node.isSetUp() && !(m instanceof NgSetup.Request)) {
            // TS 38.413 8.7.1.1: NG Setup is the first procedure on a new TNL association
            log.warn("{}: {} before NG Setup", node, name(m));
            send(node, NonUeProcedures.notCompatibleWithState());
            return;
        }
        switch (m) {
            case NgSetup.Request r -> {
                send(node, ngSetup.handleNgSetupRequest(node, r, diagnostics));
                if (node.isSetUp() && overload != null && overload.overloaded()) {
                    send(node, buildOverloadStart());
                }
            }
            case RanConfigurationUpdate.Request r -> send(node, nonUe.handleRanConfigurationUpdate(node, r, diagnostics));
            case NgReset.Request r -> send(node, nonUe.handleNgReset(node, r, releaser));
            case ErrorIndication e -> nonUe.handleErrorIndication(node, e);
            case io.liquid5gc.ngap.message.NasTransport.InitialUeMessage im when ueSignalling != null -> {
                if (!node.admitInitialUeMessage(nanoClock.getAsLong())) {
                    notAdmitted(node, im);
                } else if (overload != null && !overload.admitsNewRegistration() && CongestionAdmission.rejectedInCongestion(im)) {
                    ueSignalling.handleInitialUeMessageInCongestion(node, im, overloadProperties.backOff());
                    if (!overload.overloaded() && due(lastAdmissionWarn, nanoClock.getAsLong(), WARN_INTERVAL_NANOS)) {
                        log.warn("registrations refused with 5GMM #22 and T3346 {}: {} UE tasks in flight at the admission limit {}"
                                + " (mean latency {} ms, admission-latency {})", overloadProperties.backOff(), overload.workInFlight(),
                                overload.admissionLimit(), Math.round(overload.workLatencyMillis()), overloadProperties.admissionLatency());
                    }
                } else {
                    ueSignalling.handleInitialUeMessage(node, im);
                }
            }
            case io.liquid5gc.ngap.message.NasTransport.UplinkNasTransport ul when ueSignalling != null ->
                    ueSignalling.handleUplinkNasTransport(ul, node, unknownUe(node, ul.amfUeNgapId(), ul.ranUeNgapId()));
            case io.liquid5gc.ngap.message.InitialContextSetup.Response r when ueSignalling != null ->
                    ueSignalling.handleInitialContextSetupResponse(r, node);
            case io.liquid5gc.ngap.message.InitialContextSetup.Failure f when ueSignalling != null ->
                    ueSignalling.handleInitialContextSetupFailure(f);
            case io.liquid5gc.ngap.message.PduSessionResourceSetup.Response r when ueSignalling != null ->
                    ueSignalling.handlePduSessionResourceSetupResponse(r, node, unknownUe(node, r.amfUeNgapId(), r.ranUeNgapId()));
            case io.liquid5gc.ngap.message.PduSessionResourceModify.Response r when ueSignalling != null ->
                    ueSignalling.handlePduSessionResourceModifyResponse(r, node, unknownUe(node, r.amfUeNgapId(), r.ranUeNgapId()));
            case io.liquid5gc.ngap.message.PduSessionResourceRelease.Response r when ueSignalling != null ->
                    ueSignalling.handlePduSessionResourceReleaseResponse(r, node, unknownUe(node, r.amfUeNgapId(), r.ranUeNgapId()));
            case io.liquid5gc.ngap.message.UeContextRelease.Complete c when ueSignalling != null ->
                    ueSignalling.handleUeContextReleaseComplete(c, node);
            case io.liquid5gc.ngap.message.HandoverPreparation.Required r when ueSignalling != null ->
                    ueSignalling.handleHandoverRequired(r, node, unknownUe(node, r.amfUeNgapId(), r.ranUeNgapId()));
            case io.liquid5gc.ngap.message.HandoverResourceAllocation.Acknowledge a when ueSignalling != null ->
                    ueSignalling.handleHandoverRequestAcknowledge(a, node, unknownUe(node, a.amfUeNgapId(), a.ranUeNgapId()));
            case io.liquid5gc.ngap.message.HandoverResourceAllocation.Failure f when ueSignalling != null ->
                    ueSignalling.handleHandoverFailure(f, node, unknownUe(node, f.amfUeNgapId(), NgapMessage.ABSENT));
            case io.liquid5gc.ngap.message.HandoverNotify n when ueSignalling != null ->
                    ueSignalling.handleHandoverNotify(n, node, unknownUe(node, n.amfUeNgapId(), n.ranUeNgapId()));
            case io.liquid5gc.ngap.message.HandoverCancel.Request c when ueSignalling != null ->
                    ueSignalling.handleHandoverCancel(c, node, unknownUe(node, c.amfUeNgapId(), c.ranUeNgapId()));
            case io.liquid5gc.ngap.message.PathSwitch.Request p when ueSignalling != null ->
                    ueSignalling.handlePathSwitchRequest(p, node, unknownUe(node, p.sourceAmfUeNgapId(), p.ranUeNgapId()));
            case io.liquid5gc.ngap.message.UeContextModification.Response r -> log.debug("{}: UE {} context modified", node, r.amfUeNgapId());
            case io.liquid5gc.ngap.message.UeContextModification.Failure f ->
                    log.warn("{}: UE {} context modification failed: {}", node, f.amfUeNgapId(), f.cause());
            case io.liquid5gc.ngap.message.UeContextRelease.Request r when ueSignalling != null ->
                    ueSignalling.handleUeContextReleaseRequest(r, node, unknownUe(node, r.amfUeNgapId(), r.ranUeNgapId()));
            default -> {
                // UE-associated procedures arrive with the NAS/AMF integration; say so instead of staying silent
                log.warn("{}: {} is not handled by this build of the proxy", node, name(m));
                send(node, NonUeProcedures.buildErrorIndication(CauseMisc.UNSPECIFIED, diagnostics, NgapMessage.ABSENT, NgapMessage.ABSENT));
            }
        }
    }

    /**
     * TS 38.413 10.3.4.2: a message carrying an IE extension this AMF does not comprehend with criticality reject is
     * not processed at all. The procedure is rejected in its failure message where it has one (NG SETUP FAILURE, RAN
     * CONFIGURATION UPDATE FAILURE), else by an ERROR INDICATION, both with cause protocol abstract-syntax-error-reject
     * and Criticality Diagnostics naming the extension (not understood). An ERROR INDICATION is never answered with
     * another (8.7.5).
     */
    private void handleNotComprehendedReject(RanNode node, NgapMessage m, CriticalityDiagnostics cd) {
        count("in", "rejected_extension");
        log.warn("{}: {} carries IE extension {} with criticality reject, not comprehended: procedure rejected (TS 38.413 10.3.4.2)",
                node, name(m), cd.ies().get(0).ieId());
        io.liquid5gc.ngap.ie.Cause cause = io.liquid5gc.ngap.ie.CauseProtocol.ABSTRACT_SYNTAX_ERROR_REJECT;
        switch (m) {
            case ErrorIndication e -> { }
            case NgSetup.Request r -> send(node, ngSetup.buildNgSetupFailure(cause, cd));
            case RanConfigurationUpdate.Request r -> send(node, new RanConfigurationUpdate.Failure(cause, null, cd, List.of()));
            default -> {
                long amf = m instanceof io.liquid5gc.ngap.message.UeAssociated u ? u.amfUeNgapId() : NgapMessage.ABSENT;
                long ran = m instanceof io.liquid5gc.ngap.message.UeAssociated u ? u.ranUeNgapId() : NgapMessage.ABSENT;
                send(node, new ErrorIndication(amf, ran, cause, cd, null, List.of()));
            }
        }
    }

    /**
     * An Initial UE Message over the association's rate (liquid5gc.proxy.limits.initial-ue-messages-per-second): the UE
     * is not admitted (no UE context, no AMF function, no AKA run). The gNB hears of it by an ERROR INDICATION with the
     * RAN UE NGAP ID and cause misc control-processing-overload (TS 38.413 8.7.4, 9.3.1.2), so it can release the UE's
     * RRC connection; the answer is smaller than the message, never an amplification.
     */
    private void notAdmitted(RanNode node, io.liquid5gc.ngap.message.NasTransport.InitialUeMessage im) {
        rateLimitedInitialUe.increment();
        long refused = node.countNotAdmitted();
        if (node.warnDue(nanoClock.getAsLong(), WARN_INTERVAL_NANOS)) {
            log.warn("{}: Initial UE Messages over {}/s (burst {}): UE not admitted, ERROR INDICATION control-processing-overload;"
                    + " {} so far on this association", node, limits.initialUeMessagesPerSecond(), limits.initialUeMessageBurst(), refused);
        }
        send(node, NonUeProcedures.buildErrorIndicationUeNotAdmitted(im.ranUeNgapId()));
    }

    /** True at most once per {@code interval} nanoseconds for one {@code last} (log lines about abuse at a bounded rate). */
    static boolean due(AtomicLong last, long now, long interval) {
        long before = last.get();
        return (before == Long.MIN_VALUE || now - before >= interval) && last.compareAndSet(before, now);
    }

    /** The Initial UE Message rate of a new association, null for none. */
    MessageRate newInitialUeRate() {
        return limits.initialUeMessagesPerSecond() > 0
                ? new MessageRate(limits.initialUeMessagesPerSecond(), limits.initialUeMessageBurst(), nanoClock.getAsLong()) : null;
    }

    /** TS 38.413 10.6: an Error Indication for UE NGAP ids known nowhere. */
    private Runnable unknownUe(RanNode node, long amfUeNgapId, long ranUeNgapId) {
        return () -> send(node, NonUeProcedures.buildErrorIndication(io.liquid5gc.ngap.ie.CauseRadioNetwork.UNKNOWN_LOCAL_UE_NGAP_ID, null,
                amfUeNgapId, ranUeNgapId));
    }

    /** The set-up RAN node of that name ({@link RanLink#describe()}), or null. */
    RanLink ranNamed(String name) {
        for (RanNode n : nodes.values()) {
            if (n.isSetUp() && n.describe().equals(name)) {
                return n;
            }
        }
        return null;
    }

    void send(RanNode node, NgapMessage message) {
        send(node, message, NON_UE_STREAM);
    }

    void send(RanNode node, NgapMessage message, int stream) {
        byte[] bytes = NgapCodec.encode(message);
        count("out", name(message));
        node.association().send(SctpMessage.ngap(stream, bytes)).whenComplete((ok, error) -> {
            if (error != null) {
                log.warn("{}: cannot send {}: {}", node, name(message), error.toString());
            }
        });
    }

    @Override
    public void onEvent(Association association, AssociationEvent event) {
        switch (event) {
            case AssociationEvent.Up up -> {
                InetSocketAddress from = association.remoteAddress();
                if (!allowList.allowsSource(from == null ? null : from.getAddress())) {
                    // kernel SCTP has no INIT hook: the allow-list is enforced here (SCTP over UDP refused the INIT already)
                    refusedSources.increment();
                    log.warn("SCTP association {} from {} aborted: not in liquid5gc.proxy.limits.allowed-sources", association.id(), from);
                    association.abort("source not allowed");
                    return;
                }
                nodes.put(association.id(), new RanNode(association, this));
                log.info("SCTP association {} up from {} ({} in / {} out streams)", association.id(), association.remoteAddress(),
                        up.inboundStreams(), up.outboundStreams());
            }
            case AssociationEvent.Restart r -> {
                RanNode node = nodes.get(association.id());
                if (node != null) {
                    releaser.releaseAll(node);
                    node.reset();
                }
                log.info("SCTP association {} restarted by the peer", association.id());
            }
            case AssociationEvent.CommunicationLost lost -> gone(association, "lost: " + lost.reason() + " " + lost.detail());
            case AssociationEvent.ShutdownComplete done -> gone(association, "shut down");
            default -> log.debug("association {}: {}", association.id(), event);
        }
    }

    private void gone(Association association, String why) {
        RanNode node = nodes.remove(association.id());
        if (node != null) {
            int released = releaser.releaseAll(node);
            log.info("{} {}; {} UE contexts released", node, why, released);
        }
    }

    private void count(String direction, String message) {
        String key = direction + '|' + message;
        counters.computeIfAbsent(key, k -> Counter.builder("liquid5gc.proxy.ngap.messages")
                .description("NGAP messages received and sent by the proxy")
                .tag("direction", direction).tag("message", message).register(meters)).increment();
    }

    private static String name(NgapMessage m) {
        String simple = m.getClass().getSimpleName();
        String outer = m.getClass().getEnclosingClass() == null ? "" : m.getClass().getEnclosingClass().getSimpleName();
        return (outer.isEmpty() ? simple : outer + "." + simple).toLowerCase(Locale.ROOT);
    }

    // ---- lifecycle ----

    @Override
    public void start() {
        ProxyProperties.Sctp sctp = properties.sctp();
        if (sctp.udp()) {
            try {
                endpoint = UdpSctpEndpoint.builder()
                        .bind(sctp.udpBind())
                        .sctpPort(sctp.sctpPort())
                        // issue 16 item 4: a short delayed-SACK timer, so a gNB that holds its next small message
                        // until its last one is acknowledged is not kept waiting 200 ms after each one we do not answer
                        .config(sctp.sctpConfig())
                        .listen(true)
                        // issue 14 item 4: before any INIT ACK, so the INIT answer stays stateless and bounded
                        .initRateLimit(limits.initsPerSecond() > 0
                                ? new InitRateLimit(limits.initsPerSecond(), limits.initBurst(), limits.initTrackedSources()) : null)
                        .acceptFrom(a -> allowList.allowsSource(a.getAddress()))
                        .handler(this)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the N2 SCTP-over-UDP socket " + sctp.udpBind()
                        + " (liquid5gc.proxy.sctp.udp-port / udp-bind-address): " + e.getMessage(), e);
            }
            log.info("N2: SCTP over UDP on {} (SCTP port {}), serving {}", endpoint.localAddress(), sctp.sctpPort(),
                    ServedConfiguration.of(properties).describe());
        }
        boolean kernelSupported = io.liquid5gc.sctp.kernel.KernelSctpEndpoint.isSupported();
        if (sctp.kernel() == ProxyProperties.Sctp.KernelSctp.ON && !kernelSupported) {
            throw new IllegalStateException("liquid5gc.proxy.sctp.kernel=on but this OS has no SCTP: "
                    + io.liquid5gc.sctp.kernel.KernelSctpEndpoint.unsupportedReason() + " (use SCTP over UDP, or kernel=auto)");
        }
        if (sctp.kernel() != ProxyProperties.Sctp.KernelSctp.OFF && kernelSupported) {
            InetSocketAddress listen = new InetSocketAddress(sctp.kernelBindAddress(), sctp.sctpPort());
            try {
                kernelEndpoint = io.liquid5gc.sctp.kernel.KernelSctpEndpoint.start(listen, io.liquid5gc.sctp.SctpConfig.defaults(), this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen for kernel SCTP on " + listen + " (liquid5gc.proxy.sctp.kernel-bind-address / sctp-port): "
                        + e.getMessage(), e);
            }
            log.info("N2: kernel SCTP on {}", kernelEndpoint.localAddress());
        } else if (sctp.kernel() == ProxyProperties.Sctp.KernelSctp.AUTO) {
            log.info("N2: no kernel SCTP ({}); gNBs use SCTP over UDP", io.liquid5gc.sctp.kernel.KernelSctpEndpoint.unsupportedReason());
        }
        if (endpoint == null && kernelEndpoint == null) {
            throw new IllegalStateException("N2 has no transport: liquid5gc.proxy.sctp.udp=false and no kernel SCTP");
        }
    }

    @Override
    public void stop() {
        sendAmfStatusIndication();
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
        if (kernelEndpoint != null) {
            kernelEndpoint.close();
            kernelEndpoint = null;
        }
    }

    /** {@code liquid5gc.proxy.shutdown.*}; the defaults until set. */
    public void shutdown(N2ShutdownProperties properties) {
        this.shutdown = properties;
    }

    /**
     * TS 38.413 8.7.3: before the associations close, every set-up gNB hears that this AMF's GUAMIs are unavailable
     * (AMF STATUS INDICATION), so that it selects another AMF for its UEs instead of finding out from a lost association;
     * then the grace period, for delivery (and retransmission).
     */
    void sendAmfStatusIndication() {
        N2ShutdownProperties p = shutdown;
        List<RanNode> told = setUp();
        if (!p.statusIndication() || told.isEmpty() || !isRunning()) {
            return;
        }
        String backup = p.backupAmfName().isBlank() ? null : p.backupAmfName();
        AmfStatusIndication indication = AmfStatusIndication.of(ngSetup.servedGuamis().stream()
                .map(g -> new UnavailableGuamiItem(g.guami(), p.applyTimer(), backup, List.of())).toList());
        log.info("N2 stopping: AMF STATUS INDICATION (GUAMIs unavailable{}) to {} gNB(s), associations closed in {}",
                backup == null ? "" : ", backup AMF " + backup, told.size(), p.grace());
        told.forEach(n -> send(n, indication));
        try {
            Thread.sleep(p.grace());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return endpoint != null || kernelEndpoint != null;
    }
}
