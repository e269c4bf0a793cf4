package io.liquid5gc.smf;

import io.liquid5gc.pfcp.Ie.Cause;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMF's N4 endpoint: one PFCP socket on the SMF's N4 address ({@code liquid5gc.smf.n4-address}, UDP 8805) shared
 * by one {@link UpfAssociation} per configured UPF ({@code liquid5gc.smf.upfs[i]}); the UPFs' requests are handed to
 * the association of the address they come from (TS 29.244 6.2.6), their Session Report Requests to the session
 * report handler (by SEID, whichever UPF sends them). The handlers run on virtual threads, never on the socket's
 * reader (a report's handling reads the store and calls other NFs). Metrics: {@code liquid5gc.smf.n4.association{upf}}.
 */
final class UpfAssociations implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UpfAssociations.class);

    private final NodeId smfNodeId;
    private final RecoveryTimeStamp stamp;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final PfcpPeer peer;
    private final Map<String, UpfAssociation> byNodeId = new LinkedHashMap<>();
    private final Map<InetSocketAddress, UpfAssociation> byAddress = new LinkedHashMap<>();
    private volatile Consumer<String> onUpfRestart = nodeId -> { };
    private volatile Function<SessionMessage.SessionReportRequest, PfcpMessage> onSessionReport =
            r -> new SessionMessage.SessionReportResponse(PfcpHeader.session(0, r.header().sequenceNumber()),
                    new Cause(Cause.Value.SESSION_CONTEXT_NOT_FOUND), null, List.of());

    UpfAssociations(SmfProperties properties, Clock clock, MeterRegistry meters) throws IOException {
        SmfProperties.N4 n4 = properties.n4();
        InetAddress own = InetAddress.getByName(properties.n4Address());
        this.smfNodeId = NodeId.of(own);
        this.stamp = RecoveryTimeStamp.of(clock.instant());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smf-n4-associations");
            t.setDaemon(true);
            return t;
        });
        for (SmfProperties.Upf upf : properties.upfs()) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(upf.n4Address()), n4.port());
            UpfAssociation a = new UpfAssociation(this, upf, n4, address, scheduler);
            if (byAddress.putIfAbsent(address, a) != null) {
                scheduler.shutdownNow();
                throw new IllegalArgumentException("liquid5gc.smf.upfs: two UPFs with the N4 address " + address);
            }
            byNodeId.put(upf.nodeId(), a);
            Gauge.builder("liquid5gc.smf.n4.association", a, x -> x.state() == UpfAssociation.State.ASSOCIATED ? 1 : 0)
                    .tag("upf", upf.nodeId()).description("1 while the PFCP association with the UPF is up").register(meters);
        }
        try {
            this.peer = PfcpPeer.open(new InetSocketAddress(own, n4.port()), n4.t1(), n4.n1(), this::handleRequest, handlers);
        } catch (java.net.SocketException e) {
            scheduler.shutdownNow();
            throw new IllegalStateException("N4: cannot bind PFCP on liquid5gc.smf.n4-address " + properties.n4Address() + " UDP "
                    + n4.port() + " (" + e.getMessage() + "): set it to an address of this host the UPFs can reach", e);
        }
    }

    /** Runs with the UPF's node id when that UPF is found to have restarted (after the association is set up again). */
    void onUpfRestart(Consumer<String> action) {
        this.onUpfRestart = action;
    }

    /** Answers the UPFs' Session Report Requests (TS 29.244 7.5.8); by default: Session context not found. */
    void onSessionReport(Function<SessionMessage.SessionReportRequest, PfcpMessage> handler) {
        this.onSessionReport = handler;
    }

    void start() {
        byNodeId.values().forEach(UpfAssociation::start);
    }

    /** The association with this UPF. */
    Optional<UpfAssociation> of(String nodeId) {
        return Optional.ofNullable(byNodeId.get(nodeId));
    }

    List<UpfAssociation> all() {
        return List.copyOf(byNodeId.values());
    }

    /** Whether the association with this UPF is up. */
    boolean associated(String nodeId) {
        UpfAssociation a = byNodeId.get(nodeId);
        return a != null && a.state() == UpfAssociation.State.ASSOCIATED;
    }

    NodeId smfNodeId() {
        return smfNodeId;
    }

    RecoveryTimeStamp stamp() {
        return stamp;
    }

    InetSocketAddress localAddress() {
        return peer.localAddress();
    }

    CompletableFuture<PfcpMessage> send(InetSocketAddress to, IntFunction<PfcpMessage> build) {
        return peer.request(to, build);
    }

    void upfRestarted(String nodeId) {
        onUpfRestart.accept(nodeId);
    }

    /** The UPFs' requests: per association by source address; reports by SEID; heartbeats of unknown peers answered. */
    private PfcpMessage handleRequest(InetSocketAddress from, PfcpMessage m) {
        if (m instanceof SessionMessage.SessionReportRequest report) {
            return onSessionReport.apply(report);
        }
        UpfAssociation a = byAddress.get(from);
        if (a != null) {
            return a.handleRequest(m);
        }
        if (m instanceof NodeMessage.HeartbeatRequest hb) {
            return new NodeMessage.HeartbeatResponse(hb.header(), stamp, List.of()); // TS 29.244 6.2.2: any peer's
        }
        if (m instanceof NodeMessage.AssociationSetupRequest setup) {
            log.warn("PFCP Association Setup Request from {} (not a configured UPF, liquid5gc.smf.upfs): rejected", from);
            return new NodeMessage.AssociationSetupResponse(setup.header(), smfNodeId, new Cause(Cause.Value.REQUEST_REJECTED), stamp,
                    null, null, List.of());
        }
        log.debug("PFCP {} from {} (not a configured UPF) ignored", m.type(), from);
        return null;
    }

    @Override
    public void close() {
        byNodeId.values().forEach(UpfAssociation::close);
        scheduler.shutdownNow();
        peer.close();
        handlers.shutdownNow();
    }
}
