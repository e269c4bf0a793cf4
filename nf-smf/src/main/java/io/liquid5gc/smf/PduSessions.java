package io.liquid5gc.smf;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.chf.ChargingDataResponse;
import io.liquid5gc.sbi.common.ProblemDetails;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.pcf.PcfApi;
import io.liquid5gc.sbi.pcf.QosData;
import io.liquid5gc.sbi.pcf.SessionRule;
import io.liquid5gc.sbi.pcf.SmPolicyContextData;
import io.liquid5gc.sbi.pcf.SmPolicyControl;
import io.liquid5gc.sbi.smf.Cause5gsm;
import io.liquid5gc.sbi.smf.PduAddress;
import io.liquid5gc.sbi.smf.PduSessionCreateRequest;
import io.liquid5gc.sbi.smf.PduSessionCreateResponse;
import io.liquid5gc.sbi.smf.PduSessionEstablishmentAccept;
import io.liquid5gc.sbi.smf.PduSessionEstablishmentReject;
import io.liquid5gc.sbi.smf.PduSessionReleaseCommand;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.PduSessionReleaseResponse;
import io.liquid5gc.sbi.smf.PduSessionResourceReleaseCommandTransfer;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupRequestTransfer;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.PduSessionUpdateResponse;
import io.liquid5gc.sbi.smf.QosFlowDescription;
import io.liquid5gc.sbi.smf.QosFlowSetupRequestItem;
import io.liquid5gc.sbi.smf.QosRule;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PDU session establishment, modification and release (TS 23.502 4.3.2.2.1, 4.3.3, 4.3.4; TS 29.502 Nsmf_PDUSession).
 * <p>Establishment: request checks → SM subscription (UDM) → with R17, NSACF admission of the PDU session (TS 23.502
 * 4.2.11.4) → UE address from the DNN's pool → UL TEID → SM policy (PCF) → with R17, charging (CHF) and the PCF binding
 * (BSF) → SM context stored → N4 session built. A failing step undoes the ones before it and the UE gets a PDU Session
 * Establishment Reject with the 5GSM cause (TS 24.501 6.4.1.4). Release undoes all of it. The R17 peers (NSACF, CHF,
 * BSF) are called through {@link SessionPeers}.
 */
final class PduSessions {

    private static final Logger log = LoggerFactory.getLogger(PduSessions.class);
    private static final Pattern SUPI = Pattern.compile("imsi-\\d{5,15}|nai-.+");
    private static final Set<String> SESSION_TYPES = Set.of("IPV4", "IPV6", "IPV4V6", "UNSTRUCTURED", "ETHERNET");
    private static final Set<String> SSC_MODES = Set.of("SSC_MODE_1", "SSC_MODE_2", "SSC_MODE_3");
    static final String TEID_POOL = "smf/pool/teid";

    private final SmContextStore contexts;
    private final PoolAllocator allocator;
    private final KeyValueStore store;
    private final N4Sessions n4;
    private final SubscriptionCheck subscriptions;
    private final FunctionClient client;
    private final SmfProperties properties;
    private final Map<String, Ipv4Pool> pools;
    private final Clock clock;
    private final IndirectForwarding forwarding;
    private final java.util.function.Supplier<io.liquid5gc.sbi.amf.DownlinkDataNotifier> amf;
    private final SessionPeers peers;

    PduSessions(SmContextStore contexts, KeyValueStore store, N4Sessions n4, SubscriptionCheck subscriptions, FunctionClient client,
                SmfProperties properties, Clock clock) {
        this(contexts, store, n4, subscriptions, client, properties, clock, null);
    }

    PduSessions(SmContextStore contexts, KeyValueStore store, N4Sessions n4, SubscriptionCheck subscriptions, FunctionClient client,
                SmfProperties properties, Clock clock, IndirectForwarding forwarding) {
        this(contexts, store, n4, subscriptions, client, properties, clock, forwarding, () -> null);
    }

    /**
     * With {@code forwarding} null, a forwarding of its own (its timer thread is a daemon); {@code amf} tells the AMF of
     * sessions the SMF releases itself (none: they are released at the SMF only, and logged).
     */
    PduSessions(SmContextStore contexts, KeyValueStore store, N4Sessions n4, SubscriptionCheck subscriptions, FunctionClient client,
                SmfProperties properties, Clock clock, IndirectForwarding forwarding,
                java.util.function.Supplier<io.liquid5gc.sbi.amf.DownlinkDataNotifier> amf) {
        this.amf = amf;
        this.contexts = contexts;
        this.store = store;
        this.allocator = new PoolAllocator(store);
        this.n4 = n4;
        this.subscriptions = subscriptions;
        this.client = client;
        this.properties = properties;
        this.clock = clock;
        this.peers = new SessionPeers(client, properties, clock);
        this.forwarding = forwarding != null ? forwarding : new IndirectForwarding(contexts, n4, allocator, properties, clock);
        this.pools = properties.pools().entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Ipv4Pool.parse(e.getKey(), e.getValue())));
    }

    static String refOf(String supi, int pduSessionId) {
        return supi + "-" + pduSessionId;
    }

    /** The UL TEID pool of a UPF (each UPF has its own TEID space, TS 29.281). */
    static String teidPoolOf(String upfNodeId) {
        return TEID_POOL + "/" + upfNodeId;
    }

    static String ipPoolOf(String dnn) {
        return "smf/pool/ip/" + dnn;
    }

    /** A reject: the N1 PDU Session Establishment Reject and the TS 29.502 SmContextCreateError problem. */
    static final class Reject extends RuntimeException {
        final Cause5gsm cause;
        final int status;
        final String problemCause;
        final Integer backOff;

        Reject(Cause5gsm cause, int status, String problemCause, String detail, Integer backOff) {
            super(detail, null, false, false);
            this.cause = cause;
            this.status = status;
            this.problemCause = problemCause;
            this.backOff = backOff;
        }
    }

    // ---------------------------------------------------------------------------------------------- establishment

    /** Nsmf_PDUSession_CreateSMContext (TS 29.502 5.2.2.2, TS 23.502 4.3.2.2.1). */
    PduSessionCreateResponse handleCreate(PduSessionCreateRequest r) {
        validate(r);
        String ref = refOf(r.supi(), r.pduSessionId());
        // TS 23.502 4.3.2.2.1 step 3: a request for a PDU session id already in use replaces that session.
        contexts.find(ref).ifPresent(old -> release(old, "REL_DUE_TO_DUPLICATE_SESSION_ID"));
        Deque<Runnable> undo = new ArrayDeque<>();
        try {
            return establish(r, ref, undo);
        } catch (Reject e) {
            rollback(undo, ref);
            log.debug("PDU session {} rejected with 5GSM cause #{}: {}", ref, e.cause.value(), e.getMessage());
            PduSessionEstablishmentReject n1 = new PduSessionEstablishmentReject(r.pduSessionId(), e.cause.value(), e.cause.name(), e.backOff);
            return PduSessionCreateResponse.rejected(r.pduSessionId(), n1,
                    ProblemDetails.of(e.status, e.status == 403 ? "Forbidden" : e.status == 404 ? "Not Found"
                            : e.status == 504 ? "Gateway Timeout" : "Service Unavailable",
                            e.problemCause, e.getMessage()));
        } catch (RuntimeException e) {
            rollback(undo, ref);
            throw e;
        }
    }

    private PduSessionCreateResponse establish(PduSessionCreateRequest r, String ref, Deque<Runnable> undo) {
        Ipv4Pool pool = pools.get(r.dnn());
        if (pool == null) {
            throw new Reject(Cause5gsm.MISSING_OR_UNKNOWN_DNN, 403, "DNN_DENIED", "DNN " + r.dnn() + " is not served by this SMF", null);
        }
        String requestedType = r.pduSessionType();
        if (requestedType != null && !SESSION_TYPES.contains(requestedType)) {
            throw new Reject(Cause5gsm.UNKNOWN_PDU_SESSION_TYPE, 403, "PDUTYPE_DENIED", "unknown PDU session type " + requestedType, null);
        }
        SubscriptionCheck.SmSubscription sub;
        try {
            sub = subscriptions.check(r.supi(), r.sNssai(), r.dnn());
        } catch (SubscriptionCheck.Rejected e) {
            int status = e.cause() == Cause5gsm.SERVICE_OPTION_TEMPORARILY_OUT_OF_ORDER ? 503 : 403;
            throw new Reject(e.cause(), status, e.problemCause(), e.getMessage(), null);
        }
        String type = selectSessionType(requestedType, sub);
        Integer typeCause = "IPV4V6".equals(requestedType) ? Cause5gsm.PDU_SESSION_TYPE_IPV4_ONLY_ALLOWED.value() : null;
        String ssc = selectSscMode(r.sscMode(), sub);

        boolean nsac = false;
        if (client.isEnabled(NfType.NSACF)) {
            peers.admitPduSession(r);
            nsac = true;
            undo.push(() -> peers.countPduSessionDown(r.supi(), r.pduSessionId(), r.sNssai(), r.anType()));
        }

        OptionalLong ipOffset = allocator.allocate(ipPoolOf(r.dnn()), pool.size(), ref);
        if (ipOffset.isEmpty()) {
            throw new Reject(Cause5gsm.INSUFFICIENT_RESOURCES, 503, "INSUFFICIENT_RESOURCES",
                    "UE address pool of DNN " + r.dnn() + " (" + pool.cidr() + ") exhausted", null);
        }
        undo.push(() -> allocator.free(ipPoolOf(r.dnn()), ipOffset.getAsLong(), ref));
        String ueIp = pool.addressAt(ipOffset.getAsLong());

        SmfProperties.Upf upf = selectUpf(r);
        OptionalLong teidOffset = allocator.allocate(teidPoolOf(upf.nodeId()), upf.teidMax() - upf.teidMin() + 1, ref);
        if (teidOffset.isEmpty()) {
            throw new Reject(Cause5gsm.INSUFFICIENT_RESOURCES, 503, "INSUFFICIENT_RESOURCES", "TEID range of UPF " + upf.nodeId() + " exhausted", null);
        }
        undo.push(() -> allocator.free(teidPoolOf(upf.nodeId()), teidOffset.getAsLong(), ref));
        long ulTeid = upf.teidMin() + teidOffset.getAsLong();

        // TS 23.502 4.3.2.2.1 step 7: SM policy association (Npcf_SMPolicyControl_Create).
        SmPolicyControl policy;
        try {
            policy = client.call(PcfApi.POLICY_CREATE, new SmPolicyContextData(r.supi(), r.pduSessionId(), type, r.dnn(), r.sNssai(),
                    null, r.anType() == null ? "3GPP_ACCESS" : r.anType(), null, r.servingNetwork(), ueIp, sub.sessionAmbr(), sub.defaultQos()));
        } catch (ProblemException e) {
            throw new Reject(Cause5gsm.SERVICE_OPTION_TEMPORARILY_OUT_OF_ORDER, 503, "PCF_UNAVAILABLE", "PCF: " + e.getMessage(), null);
        }
        SessionRule sessionRule = policy.policy().sessRules().values().stream().findFirst()
                .orElseThrow(() -> new Reject(Cause5gsm.REQUEST_REJECTED_UNSPECIFIED, 403, "POLICY_DENIED", "PCF gave no session rule", null));
        List<SmContext.QosFlow> flows = qosFlowsOf(policy, sessionRule);

        long cpSeid = store.increment("smf/seid/#next", 1);
        String chargingRef = null;
        if (client.isEnabled(NfType.CHF)) {
            chargingRef = peers.openCharging(r, type, ueIp, cpSeid);
            if (chargingRef != null) {
                String cref = chargingRef;
                undo.push(() -> peers.closeCharging(cref, r.supi()));
            }
        }
        String bindingId = null;
        if (client.isEnabled(NfType.BSF)) {
            bindingId = peers.registerBinding(r, ueIp);
            if (bindingId != null) {
                String bid = bindingId;
                undo.push(() -> peers.deregisterBinding(bid));
            }
        }
        SmContext ctx = new SmContext(ref, r.supi(), r.pduSessionId(), r.dnn(), r.sNssai(), type, ssc, r.servingNetwork(), r.servingNfId(),
                r.anType() == null ? "3GPP_ACCESS" : r.anType(), ueIp, ipOffset.getAsLong(), ulTeid, cpSeid, policy.smPolicyId(),
                sessionRule.authSessAmbr(), flows, null, "ACTIVATING", nsac, chargingRef, bindingId, clock.instant(), upf.nodeId(), null);
        if (!contexts.create(ctx)) {
            // Another establishment of the same PDU session id got in first (TS 23.502 4.3.2.2.1 step 3): it stands.
            throw new ProblemException(409, "Conflict", "PDU_SESSION_ID_IN_USE",
                    "PDU session " + r.pduSessionId() + " of " + r.supi() + " is being established by another request");
        }
        undo.push(() -> contexts.remove(ctx));
        SmContext placed = establishN4(ctx, r, undo);

        // TS 24.501 8.3.2 and TS 38.413 9.3.4.1
        List<QosRule> rules = new ArrayList<>();
        List<QosFlowDescription> descriptions = new ArrayList<>();
        int ruleId = 1;
        for (SmContext.QosFlow f : flows) {
            rules.add(new QosRule(ruleId++, f.defaultFlow(), f.defaultFlow() ? 255 : 128,
                    List.of(new QosRule.PacketFilter(1, "BIDIRECTIONAL", "MATCH_ALL")), f.qfi()));
            descriptions.add(new QosFlowDescription(f.qfi(), f.fiveQi(), null, null, null, null));
        }
        PduSessionEstablishmentAccept accept = new PduSessionEstablishmentAccept(r.pduSessionId(), type, ssc, rules,
                sessionRule.authSessAmbr(), new PduAddress(type, ueIp), r.sNssai(), r.dnn(), typeCause, descriptions);
        return PduSessionCreateResponse.accepted(ref, accept, n2SetupOf(placed));
    }

    /**
     * The N4 session on the chosen UPF; when that UPF does not answer (its association is then down), once more on the
     * next UPF the selection gives, with a UL TEID of that UPF (TS 23.501 6.3.3: UPF reselection). Returns the context
     * as placed.
     */
    private SmContext establishN4(SmContext ctx, PduSessionCreateRequest r, Deque<Runnable> undo) {
        try {
            n4.establish(ctx);
            return ctx;
        } catch (ProblemException e) {
            if (!n4.sending() || !"UPF_NOT_RESPONDING".equals(e.problem().cause())
                    || !(n4.select(r.dnn(), r.sNssai(), ctx.upfNodeId()) instanceof UpfSelection.Choice.Selected next)) {
                throw e;
            }
            SmfProperties.Upf upf = next.upf();
            OptionalLong teidOffset = allocator.allocate(teidPoolOf(upf.nodeId()), upf.teidMax() - upf.teidMin() + 1, ctx.smContextRef());
            if (teidOffset.isEmpty()) {
                throw e;
            }
            undo.push(() -> allocator.free(teidPoolOf(upf.nodeId()), teidOffset.getAsLong(), ctx.smContextRef()));
            SmContext moved = contexts.update(ctx.smContextRef(), c -> c.onUpf(upf.nodeId(), upf.teidMin() + teidOffset.getAsLong()))
                    .orElseThrow(() -> e);
            undo.push(() -> contexts.remove(moved));
            SmfProperties.Upf before = n4.upfOf(ctx);
            allocator.free(teidPoolOf(before.nodeId()), ctx.ulTeid() - before.teidMin(), ctx.smContextRef());
            log.warn("PDU session {}: UPF {} did not answer ({}); establishing on UPF {}", ctx.smContextRef(), ctx.upfNodeId(),
                    e.getMessage(), upf.nodeId());
            n4.establish(moved);
            return moved;
        }
    }

    /**
     * UPF selection (TS 23.502 4.3.2.2.1 step 8, TS 23.501 6.3.3): among the UPFs serving the DNN and S-NSSAI, the first
     * whose association is up. None serving them: #27 (the SMF serves the DNN, no UPF does for this slice); all of
     * them unassociated: #26 with 504 UPF_NOT_RESPONDING.
     */
    private SmfProperties.Upf selectUpf(PduSessionCreateRequest r) {
        return switch (n4.select(r.dnn(), r.sNssai())) {
            case UpfSelection.Choice.Selected s -> s.upf();
            case UpfSelection.Choice.NoneServes x -> throw new Reject(Cause5gsm.MISSING_OR_UNKNOWN_DNN, 403, "DNN_DENIED",
                    "no UPF serves DNN " + r.dnn() + " on slice " + r.sNssai() + " (liquid5gc.smf.upfs[i].dnns, .slices)", null);
            case UpfSelection.Choice.NoneAssociated x -> throw new Reject(Cause5gsm.INSUFFICIENT_RESOURCES, 504, "UPF_NOT_RESPONDING",
                    "no PFCP association is up with any UPF of DNN " + r.dnn() + " on slice " + r.sNssai() + ": " + x.candidates(), null);
        };
    }

    /** PDU Session Resource Setup Request Transfer (TS 38.413 9.3.4.1) of a session. */
    private PduSessionResourceSetupRequestTransfer n2SetupOf(SmContext ctx) {
        List<QosFlowSetupRequestItem> setup = ctx.qosFlows().stream()
                .map(f -> new QosFlowSetupRequestItem(f.qfi(), f.fiveQi(), f.arp())).toList();
        return new PduSessionResourceSetupRequestTransfer(ctx.sessionAmbr(),
                UpTransportLayerInformation.of(n4.upfOf(ctx).n3Address(), ctx.ulTeid()), ctx.pduSessionType(), setup);
    }

    private static List<SmContext.QosFlow> qosFlowsOf(SmPolicyControl policy, SessionRule rule) {
        // TS 29.512 5.6.2.8: the QoS data marked defQosFlowIndication is the default QoS flow (QFI 1); others follow.
        List<QosData> qos = policy.policy().qosDecs().values().stream()
                .sorted(Comparator.comparing((QosData q) -> !Boolean.TRUE.equals(q.defQosFlowIndication())).thenComparing(QosData::qosId))
                .toList();
        List<SmContext.QosFlow> flows = new ArrayList<>();
        int qfi = 1;
        for (QosData q : qos) {
            boolean def = flows.isEmpty();
            flows.add(new SmContext.QosFlow(qfi++, q.fiveQi() == null ? rule.authDefQos().fiveQi() : q.fiveQi(),
                    q.arp() == null ? rule.authDefQos().arp() : q.arp(), q.maxbrUl(), q.maxbrDl(), def));
        }
        if (flows.isEmpty()) {
            flows.add(new SmContext.QosFlow(1, rule.authDefQos().fiveQi(), rule.authDefQos().arp(), null, null, true));
        }
        return flows;
    }

    private static String selectSessionType(String requested, SubscriptionCheck.SmSubscription sub) {
        List<String> allowed = sub.allowedSessionTypes().isEmpty() && sub.defaultSessionType() != null
                ? List.of(sub.defaultSessionType()) : sub.allowedSessionTypes();
        String type = requested == null ? (sub.defaultSessionType() == null ? "IPV4" : sub.defaultSessionType()) : requested;
        if ("IPV4V6".equals(type)) {
            type = "IPV4"; // TS 24.501 6.4.1.4.1: this SMF has IPv4 pools only, granted with #50
        }
        if ("IPV6".equals(type)) {
            throw new Reject(Cause5gsm.PDU_SESSION_TYPE_IPV4_ONLY_ALLOWED, 403, "PDUTYPE_DENIED", "only IPv4 PDU sessions are served", null);
        }
        if (!"IPV4".equals(type)) {
            throw new Reject(Cause5gsm.UNKNOWN_PDU_SESSION_TYPE, 403, "PDUTYPE_DENIED", "PDU session type " + type + " is not served", null);
        }
        if (!allowed.isEmpty() && !allowed.contains("IPV4") && !allowed.contains("IPV4V6")) {
            throw new Reject(Cause5gsm.UNKNOWN_PDU_SESSION_TYPE, 403, "PDUTYPE_DENIED", "IPv4 is not allowed by the subscription " + allowed, null);
        }
        return type;
    }

    private static String selectSscMode(String requested, SubscriptionCheck.SmSubscription sub) {
        if (requested != null && !SSC_MODES.contains(requested)) {
            throw new Reject(Cause5gsm.NOT_SUPPORTED_SSC_MODE, 403, "SSC_DENIED", "unknown SSC mode " + requested, null);
        }
        String mode = requested != null ? requested : sub.defaultSscMode() != null ? sub.defaultSscMode() : "SSC_MODE_1";
        List<String> allowed = sub.allowedSscModes();
        boolean isDefault = mode.equals(sub.defaultSscMode());
        if (!allowed.isEmpty() && !allowed.contains(mode) && !isDefault) {
            throw new Reject(Cause5gsm.NOT_SUPPORTED_SSC_MODE, 403, "SSC_DENIED", "SSC mode " + mode + " not allowed " + allowed, null);
        }
        return mode;
    }

    // ---------------------------------------------------------------------------------------------- usage, SMF-requested release

    /**
     * Converged charging update (TS 32.255 5.2.2.3) with the volumes the UPF measured since its last report (its URR
     * reached the threshold), asking for the next grant; failures are logged (the release reports the rest).
     */
    void reportUsage(SmContext ctx, long uplinkOctets, long downlinkOctets) {
        if (ctx.chargingDataRef() == null || !client.isEnabled(NfType.CHF)) {
            return;
        }
        ChargingDataResponse answer = peers.updateCharging(ctx, uplinkOctets, downlinkOctets);
        if (answer == null) {
            return;
        }
        if (!answer.allGranted()) {
            // TS 32.255 5.2.2.3, TS 32.291 6.1.6.3.7: QUOTA_LIMIT_REACHED (the final units used up) or service denied
            releaseByNetwork(ctx, "QUOTA_EXHAUSTED", "the CHF granted no more units: " + answer.multipleUnitInformation());
        }
    }

    /**
     * SMF-requested PDU session release (TS 23.502 4.3.4.2): released here (N4 deleted, its final usage charged, the
     * rest given back), then the AMF told (5GSM #36 regular deactivation to the UE), counted in
     * {@code liquid5gc.smf.network.releases{cause}}.
     */
    void releaseByNetwork(SmContext stale, String cause, String why) {
        SmContext ctx = contexts.find(stale.smContextRef()).orElse(null);
        if (ctx == null || !release(ctx, cause)) {
            return; // released meanwhile
        }
        log.info("PDU session {} of {} released by the SMF ({}): {}", ctx.pduSessionId(), ctx.supi(), cause, why);
        networkReleases(cause);
        io.liquid5gc.sbi.amf.DownlinkDataNotifier notifier = amf.get();
        boolean told = notifier != null && notifier.notifyPduSessionReleased(ctx.supi(), ctx.pduSessionId(), Cause5gsm.REGULAR_DEACTIVATION.value());
        if (!told) {
            log.warn("PDU session {} of {} released by the SMF, but the AMF could not be told (the UE learns it at its next "
                    + "service request)", ctx.pduSessionId(), ctx.supi());
        }
    }

    private void networkReleases(String cause) {
        if (meters != null) {
            meters.counter("liquid5gc.smf.network.releases", "cause", cause).increment();
        }
    }

    private volatile io.micrometer.core.instrument.MeterRegistry meters;

    /** Where {@code liquid5gc.smf.network.releases{cause}} is counted. */
    void meters(io.micrometer.core.instrument.MeterRegistry registry) {
        this.meters = registry;
    }

    private void rollback(Deque<Runnable> undo, String ref) {
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (RuntimeException e) {
                log.warn("undoing part of PDU session {} failed: {}", ref, e.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- modification

    /** Nsmf_PDUSession_UpdateSMContext (TS 29.502 5.2.2.3; TS 23.502 4.3.2.2.1 steps 14-16, 4.2.6 AN release). */
    PduSessionUpdateResponse handleUpdate(PduSessionUpdateRequest r) {
        if (r.smContextRef() == null || r.smContextRef().isBlank()) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "smContextRef is required");
        }
        SmContext updated;
        if (r.hoState() == PduSessionUpdateRequest.HoState.COMPLETED) {
            return forwarding.handleCompleted(r.smContextRef());
        } else if (r.hoState() == PduSessionUpdateRequest.HoState.CANCELLED) {
            return forwarding.handleCancelled(r.smContextRef());
        } else if (PduSessionUpdateRequest.MODIFICATION_REQUEST.equals(r.n1SmMsgType())) {
            // UE-requested modification (TS 23.502 4.3.3.2): the session's authorized QoS, as the policy gave it, again
            SmContext ctx = contexts.find(r.smContextRef())
                    .orElseThrow(() -> ProblemException.notFound("CONTEXT_NOT_FOUND", "no SM context " + r.smContextRef()));
            List<QosRule> rules = new ArrayList<>();
            List<QosFlowDescription> descriptions = new ArrayList<>();
            int ruleId = 1;
            for (SmContext.QosFlow f : ctx.qosFlows()) {
                rules.add(new QosRule(ruleId++, f.defaultFlow(), f.defaultFlow() ? 255 : 128,
                        List.of(new QosRule.PacketFilter(1, "BIDIRECTIONAL", "MATCH_ALL")), f.qfi()));
                descriptions.add(new QosFlowDescription(f.qfi(), f.fiveQi(), null, null, null, null));
            }
            return new PduSessionUpdateResponse(ctx.smContextRef(), ctx.upCnxState(), n4.find(ctx.smContextRef()).orElse(null), "PDU_RES_MOD_REQ",
                    n2SetupOf(ctx), new io.liquid5gc.sbi.smf.PduSessionModificationCommand(ctx.pduSessionId(), ctx.sessionAmbr(), rules, descriptions));
        } else if (r.n2SmInfoType() != null && PduSessionUpdateRequest.DL_TUNNEL_TYPES.contains(r.n2SmInfoType())) {
            if (r.n2SmInfo() == null || r.n2SmInfo().dlNguUpTnlInformation() == null
                    || r.n2SmInfo().dlNguUpTnlInformation().gtpTeid() == null
                    || r.n2SmInfo().dlNguUpTnlInformation().transportLayerAddress() == null) {
                throw ProblemException.badRequest("MANDATORY_IE_MISSING",
                        "n2SmInfo.dlNguUpTnlInformation (gNB address and TEID) is required with " + r.n2SmInfoType());
            }
            try {
                Ipv4Pool.toInt(r.n2SmInfo().dlNguUpTnlInformation().transportLayerAddress());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "dlNguUpTnlInformation: " + e.getMessage());
            }
            List<Integer> accepted = r.n2SmInfo().qosFlowsAcceptedList();
            UpTransportLayerInformation fwd = r.n2SmInfo().dlForwardingUpTnlInformation();
            if ("HANDOVER_REQ_ACK".equals(r.n2SmInfoType()) && fwd != null) {
                if (fwd.gtpTeid() == null || fwd.transportLayerAddress() == null) {
                    throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "dlForwardingUpTnlInformation needs the address and the TEID");
                }
                try {
                    Ipv4Pool.toInt(fwd.transportLayerAddress());
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "dlForwardingUpTnlInformation: " + e.getMessage());
                }
                return forwarding.handlePrepared(r, r.n2SmInfo().dlNguUpTnlInformation(), fwd, accepted);
            }
            updated = contexts.update(r.smContextRef(), c -> {
                List<SmContext.QosFlow> flows = accepted.isEmpty() ? c.qosFlows()
                        : c.qosFlows().stream().filter(f -> accepted.contains(f.qfi())).toList();
                return c.withDownlink(r.n2SmInfo().dlNguUpTnlInformation(), "ACTIVATED").withQosFlows(flows.isEmpty() ? c.qosFlows() : flows);
            }).orElseThrow(() -> ProblemException.notFound("CONTEXT_NOT_FOUND", "no SM context " + r.smContextRef()));
        } else if ("ACTIVATING".equals(r.upCnxState())) {
            // Service request (TS 23.502 4.2.3.2 step 4): the gNB gets the UL tunnel and QoS flows again; downlink stays
            // buffered until its PDU_RES_SETUP_RSP.
            SmContext activating = contexts.update(r.smContextRef(), c -> c.withDownlink(c.dlTunnel(), "ACTIVATING"))
                    .orElseThrow(() -> ProblemException.notFound("CONTEXT_NOT_FOUND", "no SM context " + r.smContextRef()));
            return new PduSessionUpdateResponse(activating.smContextRef(), "ACTIVATING", n4.find(activating.smContextRef()).orElse(null),
                    "PDU_RES_SETUP_REQ", n2SetupOf(activating));
        } else if ("DEACTIVATED".equals(r.upCnxState())) {
            updated = contexts.update(r.smContextRef(), c -> c.withDownlink(null, "DEACTIVATED"))
                    .orElseThrow(() -> ProblemException.notFound("CONTEXT_NOT_FOUND", "no SM context " + r.smContextRef()));
        } else {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT",
                    "supported: n2SmInfoType " + PduSessionUpdateRequest.DL_TUNNEL_TYPES + " with n2SmInfo, or upCnxState ACTIVATING or DEACTIVATED");
        }
        return new PduSessionUpdateResponse(updated.smContextRef(), updated.upCnxState(), n4.modify(updated));
    }

    // ---------------------------------------------------------------------------------------------- release

    /** Nsmf_PDUSession_ReleaseSMContext (TS 29.502 5.2.2.4, TS 23.502 4.3.4.2). */
    PduSessionReleaseResponse handleRelease(PduSessionReleaseRequest r) {
        if (r.smContextRef() == null || r.smContextRef().isBlank()) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "smContextRef is required");
        }
        SmContext ctx = contexts.find(r.smContextRef())
                .orElseThrow(() -> ProblemException.notFound("CONTEXT_NOT_FOUND", "no SM context " + r.smContextRef()));
        if (!release(ctx, r.cause())) {
            throw ProblemException.notFound("CONTEXT_NOT_FOUND", "SM context " + r.smContextRef() + " was released meanwhile");
        }
        return new PduSessionReleaseResponse(ctx.smContextRef(), ctx.pduSessionId(),
                new PduSessionReleaseCommand(ctx.pduSessionId(), Cause5gsm.REGULAR_DEACTIVATION.value(), Cause5gsm.REGULAR_DEACTIVATION.name()),
                new PduSessionResourceReleaseCommandTransfer("nas: normal-release"));
    }

    /** Removes the context (once, whoever wins) and gives back everything it held. */
    private boolean release(SmContext ctx, String cause) {
        if (!contexts.remove(ctx)) {
            return false;
        }
        Optional<long[]> used = n4.delete(ctx.smContextRef());
        allocator.free(ipPoolOf(ctx.dnn()), ctx.ipOffset(), ctx.smContextRef());
        SmfProperties.Upf upf = n4.upfOf(ctx);
        allocator.free(teidPoolOf(upf.nodeId()), ctx.ulTeid() - upf.teidMin(), ctx.smContextRef());
        forwarding.release(ctx.smContextRef(), ctx, ctx.handover());
        if (ctx.nsacCounted() && client.isEnabled(NfType.NSACF)) {
            peers.countPduSessionDown(ctx.supi(), ctx.pduSessionId(), ctx.sNssai(), ctx.anType());
        }
        if (ctx.chargingDataRef() != null && client.isEnabled(NfType.CHF)) {
            peers.closeCharging(ctx.chargingDataRef(), ctx.supi(), used.orElse(null));
        }
        if (ctx.bindingId() != null && client.isEnabled(NfType.BSF)) {
            peers.deregisterBinding(ctx.bindingId());
        }
        log.debug("PDU session {} released ({})", ctx.smContextRef(), cause);
        return true;
    }

    private static void validate(PduSessionCreateRequest r) {
        if (r.supi() == null || r.pduSessionId() == null || r.dnn() == null || r.sNssai() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "supi, pduSessionId, dnn and sNssai are required (TS 29.502 6.1.6.2.2)");
        }
        if (!SUPI.matcher(r.supi()).matches()) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "supi must be imsi-<digits> or nai-...: " + r.supi());
        }
        if (r.pduSessionId() < 1 || r.pduSessionId() > 15) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "pduSessionId must be 1..15: " + r.pduSessionId());
        }
        if (r.dnn().isBlank() || r.dnn().length() > 100) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "dnn must be 1..100 characters");
        }
    }
}
