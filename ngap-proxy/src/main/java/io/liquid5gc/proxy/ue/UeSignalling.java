package io.liquid5gc.proxy.ue;

import io.liquid5gc.nas.NasMessage;
import io.liquid5gc.nas.NasPdu;
import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.nas.security.SecurityHeaderType;
import io.liquid5gc.nas.security.SecurityProtectedNasMessage;
import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CauseNas;
import io.liquid5gc.ngap.ie.Guami;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.UeNgapIds;
import io.liquid5gc.ngap.ie.UeSecurityCapabilities;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import io.liquid5gc.ngap.message.InitialContextSetup;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.ie.CauseRadioNetwork;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.HandoverType;
import io.liquid5gc.ngap.ie.SecurityContext;
import io.liquid5gc.ngap.ie.TargetId;
import io.liquid5gc.ngap.message.HandoverNotify;
import io.liquid5gc.ngap.message.HandoverPreparation;
import io.liquid5gc.ngap.message.HandoverResourceAllocation;
import io.liquid5gc.ngap.message.PathSwitch;
import io.liquid5gc.ngap.transfer.HandoverCommandTransfer;
import io.liquid5gc.ngap.transfer.HandoverRequestAcknowledgeTransfer;
import io.liquid5gc.ngap.transfer.PathSwitchRequestAcknowledgeTransfer;
import io.liquid5gc.ngap.transfer.PathSwitchRequestTransfer;
import io.liquid5gc.ngap.message.PduSessionResourceRelease;
import io.liquid5gc.ngap.message.PduSessionResourceSetup;
import io.liquid5gc.ngap.message.UeContextRelease;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.transfer.PduSessionResourceReleaseCommandTransfer;
import io.liquid5gc.ngap.codec.SmTransferCodec;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.nas.ie.MobileIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.function.Function;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.proxy.n2.RanLink;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.amf.AmfApi;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.NasSecurityContext;
import io.liquid5gc.sbi.amf.UeLocation;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.kdf.AccessType;
import io.liquid5gc.security.kdf.KeyHierarchy;
import io.liquid5gc.security.kdf.NasKeys;
import io.liquid5gc.security.nas.CipheringAlgorithm;
import io.liquid5gc.security.nas.Direction;
import io.liquid5gc.security.nas.IntegrityAlgorithm;
import io.liquid5gc.security.nas.NasProtection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * The UE-associated side of N2 and the N1 termination (TS 38.413 8.6 NAS transport, 8.3 UE context management;
 * TS 24.501 4.4 NAS security): NGAP ids, NAS decoding, integrity check and deciphering with replay protection,
 * the call of the AMF's function with the typed message, and the execution of what it answers (protected
 * DOWNLINK NAS TRANSPORT, INITIAL CONTEXT SETUP with KgNB, UE CONTEXT RELEASE). The messages of one UE are
 * processed in order on virtual threads; different UEs run concurrently; the transport thread only enqueues.
 */
public final class UeSignalling {

    private static final Logger log = LoggerFactory.getLogger(UeSignalling.class);
    /** TS 38.413 9.3.3.1: AMF UE NGAP ID is 0..2^40-1. */
    private static final long AMF_UE_NGAP_ID_SPACE = 1L << 40;
    private static final Duration STATE_TTL = Duration.ofDays(2);

    /**
     * Which AMF function takes which uplink 5GMM message (DESIGN.md 2: a procedure's function handles every step of
     * that procedure).
     */
    private static final Map<Class<? extends UplinkNas>, FunctionSpec<UeRequest, UeResult>> NAS_ROUTES = Map.ofEntries(
            Map.entry(UplinkNas.RegistrationRequest.class, AmfApi.INITIAL_REGISTRATION),
            Map.entry(UplinkNas.IdentityResponse.class, AmfApi.INITIAL_REGISTRATION),
            Map.entry(UplinkNas.AuthenticationResponse.class, AmfApi.INITIAL_REGISTRATION),
            Map.entry(UplinkNas.AuthenticationFailure.class, AmfApi.INITIAL_REGISTRATION),
            Map.entry(UplinkNas.SecurityModeComplete.class, AmfApi.INITIAL_REGISTRATION),
            Map.entry(UplinkNas.SecurityModeReject.class, AmfApi.INITIAL_REGISTRATION),
            Map.entry(UplinkNas.RegistrationComplete.class, AmfApi.INITIAL_REGISTRATION),
            Map.entry(UplinkNas.DeregistrationRequest.class, AmfApi.DEREGISTRATION),
            Map.entry(UplinkNas.DeregistrationAccept.class, AmfApi.DEREGISTRATION),
            Map.entry(UplinkNas.ServiceRequest.class, AmfApi.SERVICE_REQUEST),
            Map.entry(UplinkNas.UlNasTransport.class, AmfApi.PDU_SESSION_RELAY));

    /**
     * The function for an uplink 5GMM message: the answer to a common procedure (identification, authentication,
     * security mode control, TS 24.501 5.4) goes to the function that started it (registration, or the network's
     * re-authentication); everything else by {@link #NAS_ROUTES}.
     */
    private static FunctionSpec<UeRequest, UeResult> routeNas(UeN2 ue, UplinkNas m) {
        boolean answer = m instanceof UplinkNas.IdentityResponse || m instanceof UplinkNas.AuthenticationResponse
                || m instanceof UplinkNas.AuthenticationFailure || m instanceof UplinkNas.SecurityModeComplete
                || m instanceof UplinkNas.SecurityModeReject;
        if (answer && ue.commonProcedureOwner != null) {
            return ue.commonProcedureOwner;
        }
        return NAS_ROUTES.get(m.getClass());
    }

    private static boolean isCommonProcedureRequest(io.liquid5gc.sbi.amf.DownlinkNas m) {
        return m instanceof io.liquid5gc.sbi.amf.DownlinkNas.IdentityRequest || m instanceof io.liquid5gc.sbi.amf.DownlinkNas.AuthenticationRequest
                || m instanceof io.liquid5gc.sbi.amf.DownlinkNas.SecurityModeCommand;
    }

    /** Which AMF function takes which UE-associated N2 event. */
    private static FunctionSpec<UeRequest, UeResult> route(UeN2Event event) {
        return switch (event) {
            case UeN2Event.PduSessionResourcesSetUp s -> s.initialContextSetup() ? AmfApi.SERVICE_REQUEST : AmfApi.PDU_SESSION_RELAY;
            case UeN2Event.PduSessionResourcesReleased r -> AmfApi.PDU_SESSION_RELAY;
            case UeN2Event.PduSessionResourcesModified r -> AmfApi.PDU_SESSION_RELAY;
            case UeN2Event.UeContextReleaseRequest r -> AmfApi.SERVICE_REQUEST;
            case UeN2Event.UeContextReleased r -> AmfApi.SERVICE_REQUEST;
            case UeN2Event.HandoverRequired h -> AmfApi.HANDOVER;
            case UeN2Event.HandoverRequestAcknowledged h -> AmfApi.HANDOVER;
            case UeN2Event.HandoverFailed h -> AmfApi.HANDOVER;
            case UeN2Event.HandoverNotified h -> AmfApi.HANDOVER;
            case UeN2Event.PathSwitchRequest p -> AmfApi.HANDOVER;
            case UeN2Event.NetworkDeregistration d -> AmfApi.DEREGISTRATION;
            case UeN2Event.NetworkAuthentication a -> AmfApi.AUTH_INITIATE;
        };
    }

    private final FunctionClient functions;
    private final KeyValueStore store;
    private final ObjectMapper json;
    private final Guami guami;
    private final MeterRegistry meters;
    private final SerialExecutor serial = new SerialExecutor(Executors.newVirtualThreadPerTaskExecutor());
    private final Map<Long, UeN2> ues = new ConcurrentHashMap<>();
    /** Keys (negative, never an AMF UE NGAP ID) for the first task of each new UE. */
    private final java.util.concurrent.atomic.AtomicLong initialSequence = new java.util.concurrent.atomic.AtomicLong();
    private final Map<Long, Long> registrationStarted = new ConcurrentHashMap<>();
    private final Map<String, Long> sessionStarted = new ConcurrentHashMap<>();
    private final Timer registrationSuccess;
    private final Timer pduSessionSuccess;
    private final Map<String, Counter> results = new ConcurrentHashMap<>();
    private volatile Function<String, RanLink> ranByName = name -> null;
    private volatile java.util.function.Supplier<List<RanLink>> allRanNodes = List::of;
    private final ProxyProperties.NasTimers timers;
    private final NasTimerScheduler scheduler;

    public UeSignalling(FunctionClient functions, KeyValueStore store, ObjectMapper json, ProxyProperties properties, MeterRegistry meters) {
        this(functions, store, json, properties, meters, NasTimerScheduler.system());
    }

    public UeSignalling(FunctionClient functions, KeyValueStore store, ObjectMapper json, ProxyProperties properties, MeterRegistry meters,
                        NasTimerScheduler scheduler) {
        this.timers = properties.nasTimers();
        this.scheduler = scheduler;
        this.functions = functions;
        this.store = store;
        this.json = json;
        this.meters = meters;
        ProxyProperties.GuamiConfig g = properties.servedGuamis().getFirst();
        this.guami = new Guami(PlmnIdentity.of(g.mcc(), g.mnc()), g.regionId(), g.setId(), g.pointer());
        this.registrationSuccess = Timer.builder("liquid5gc.proxy.registration")
                .description("Registration latency, Registration Request to Registration Complete")
                .tag("outcome", "success").publishPercentileHistogram().register(meters);
        this.pduSessionSuccess = Timer.builder("liquid5gc.proxy.pdu.session")
                .description("PDU session establishment latency, UL NAS TRANSPORT with the request to the gNB's PDU Session Resource Setup Response")
                .tag("outcome", "success").publishPercentileHistogram().register(meters);
        Gauge.builder("liquid5gc.proxy.ues", ues, Map::size)
                .description("UE contexts (UE-associated N2 connections) at this proxy").register(meters);
        Gauge.builder("liquid5gc.proxy.ues.registered", ues, m -> m.values().stream().filter(u -> u.registered).count())
                .description("UEs with an N2 connection at this proxy that completed registration").register(meters);
    }

    /**
     * How to find a connected RAN node by its name ({@link RanLink#describe()}: handover targets, after a restart)
     * and all of them (paging).
     */
    public void ranDirectory(Function<String, RanLink> directory, java.util.function.Supplier<List<RanLink>> all) {
        this.ranByName = directory;
        this.allRanNodes = all;
    }

    // ---- the network's own procedures on a UE ----

    /** What a network procedure on a UE did. */
    public enum NetworkProcedureOutcome { DEREGISTRATION_REQUEST_SENT, PAGED, AUTHENTICATION_REQUEST_SENT, NOT_CONNECTED, REFUSED }

    /**
     * De-registers the UE with this SUPI from the network side (TS 24.501 5.5.2.3): a connected UE gets the
     * De-registration Request; a CM-IDLE one is paged first. Empty when the SUPI has no UE context.
     */
    public Optional<java.util.concurrent.CompletableFuture<NetworkProcedureOutcome>> deregister(String supi, boolean reRegistrationRequired, int cause) {
        return networkProcedure(supi, connected -> new UeN2Event.NetworkDeregistration(reRegistrationRequired, cause, connected),
                connected -> connected ? NetworkProcedureOutcome.DEREGISTRATION_REQUEST_SENT : NetworkProcedureOutcome.PAGED, true);
    }

    /** Re-authenticates the connected UE with this SUPI (TS 33.501 6.1.2); empty when the SUPI has no UE context. */
    public Optional<java.util.concurrent.CompletableFuture<NetworkProcedureOutcome>> authenticate(String supi) {
        return networkProcedure(supi, connected -> new UeN2Event.NetworkAuthentication(),
                connected -> NetworkProcedureOutcome.AUTHENTICATION_REQUEST_SENT, false);
    }

    private Optional<java.util.concurrent.CompletableFuture<NetworkProcedureOutcome>> networkProcedure(String supi,
            Function<Boolean, UeN2Event> event, Function<Boolean, NetworkProcedureOutcome> done, boolean idleToo) {
        String contextId = store.get("amf/supi/" + supi).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse(null);
        if (contextId == null) {
            return Optional.empty();
        }
        var outcome = new java.util.concurrent.CompletableFuture<NetworkProcedureOutcome>();
        UeN2 known = connection(contextId);
        Runnable task = () -> {
            // decided on the UE's own executor, after any release it is still processing
            boolean connected = known != null && known.ran != null && ues.get(known.amfUeNgapId) == known;
            if (!connected && !idleToo) {
                outcome.complete(NetworkProcedureOutcome.NOT_CONNECTED);
                return;
            }
            UeN2 ue = connected ? known : new UeN2(-1, -1, null, null);
            if (!connected) {
                ue.contextId = contextId;
                UeState state = loadState(contextId);
                if (state != null) {
                    apply(ue, state);
                }
            }
            UeResult r = callAmf(ue, UeRequest.n2(contextId, ue.location, event.apply(connected)), connected);
            outcome.complete(r == null ? NetworkProcedureOutcome.REFUSED : done.apply(connected));
        };
        serial.submit(known != null ? known.serialKey : -initialSequence.incrementAndGet(), task);
        return Optional.of(outcome);
    }

    /** The UE's connection at this proxy, by its context id, or null. */
    private UeN2 connection(String contextId) {
        return ues.values().stream().filter(u -> u.contextId.equals(contextId)).findFirst().orElse(null);
    }

    /** Whether the UE with this SUPI has an N2 connection at this proxy (CM-CONNECTED here). */
    public boolean isConnected(String supi) {
        String contextId = store.get("amf/supi/" + supi).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse(null);
        UeN2 ue = contextId == null ? null : connection(contextId);
        return ue != null && ue.ran != null;
    }

    /** Whether the UE with this SUPI completed its registration, as this proxy saw it (Registration Complete processed). */
    public boolean isRegistered(String supi) {
        String contextId = store.get("amf/supi/" + supi).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse(null);
        UeN2 ue = contextId == null ? null : connection(contextId);
        return ue != null && ue.registered;
    }

    /** UEs currently known. */
    public int ues() {
        return ues.size();
    }

    // ---- from the transport thread: enqueue only ----

    /**
     * INITIAL UE MESSAGE (TS 38.413 8.6.1): a new UE-associated logical connection. The AMF UE NGAP ID comes from
     * the store (a network call with Redis), so it is allocated on the UE's virtual thread, not here; the UE cannot
     * send anything else before it has heard that id in a downlink message.
     */
    public void handleInitialUeMessage(RanLink ran, NasTransport.InitialUeMessage m) {
        UeLocation location = location(m.userLocationInformation(), ran);
        byte[] nas = m.nasPdu().toByteArray();
        io.liquid5gc.ngap.ie.FiveGSTmsi sTmsi = m.fiveGSTmsi();
        serial.submit(-initialSequence.incrementAndGet(), () -> {
            long amfUeNgapId = Math.floorMod(store.increment("proxy/amf-ue-ngap-id", 1), AMF_UE_NGAP_ID_SPACE);
            UeN2 ue = new UeN2(amfUeNgapId, m.ranUeNgapId(), ran, location);
            ues.put(amfUeNgapId, ue);
            // a UE coming back (service request, registration with its 5G-GUTI, de-registration from idle) keeps its context
            resumeKnownUe(ue, sTmsi, nas);
            store.put(UeState.idKey(amfUeNgapId), ue.contextId.getBytes(java.nio.charset.StandardCharsets.UTF_8), STATE_TTL);
            handleUplinkNas(ue, nas);
        });
    }

    /** UPLINK NAS TRANSPORT (TS 38.413 8.6.3). Ids unknown here are looked up in the store (another replica, or before a restart). */
    public void handleUplinkNasTransport(NasTransport.UplinkNasTransport m, RanLink from, Runnable unknownIds) {
        byte[] nas = m.nasPdu().toByteArray();
        withUe(m.amfUeNgapId(), m.ranUeNgapId(), from, unknownIds, ue -> {
            if (m.userLocationInformation() != null) {
                ue.location = location(m.userLocationInformation(), ue.ran);
            }
            handleUplinkNas(ue, nas);
        });
    }

    /** INITIAL CONTEXT SETUP RESPONSE (TS 38.413 8.3.1.2): with PDU sessions it answers a service request. */
    public void handleInitialContextSetupResponse(InitialContextSetup.Response r, RanLink from) {
        log.debug("UE {}: initial context set up", r.amfUeNgapId());
        if (!nz(r.pduSessionsSetup()).isEmpty() || !nz(r.pduSessionsFailed()).isEmpty()) {
            withUe(r.amfUeNgapId(), r.ranUeNgapId(), from, () -> { }, ue -> callAmf(ue, UeRequest.n2(ue.contextId, ue.location,
                    new UeN2Event.PduSessionResourcesSetUp(true, setUp(ue, r.pduSessionsSetup()), failed(r.pduSessionsFailed())))));
        }
    }

    public void handleInitialContextSetupFailure(InitialContextSetup.Failure f) {
        log.warn("UE {}: initial context setup failed: {}", f.amfUeNgapId(), SmMapping.text(f.cause()));
        count("initial_context_setup_failure");
    }

    /** PDU SESSION RESOURCE SETUP RESPONSE (TS 38.413 8.2.1.2). */
    public void handlePduSessionResourceSetupResponse(PduSessionResourceSetup.Response r, RanLink from, Runnable unknownIds) {
        withUe(r.amfUeNgapId(), r.ranUeNgapId(), from, unknownIds, ue -> {
            List<UeN2Event.SetUpSession> setUp = setUp(ue, r.pduSessionsSetup());
            callAmf(ue, UeRequest.n2(ue.contextId, ue.location, new UeN2Event.PduSessionResourcesSetUp(false, setUp, failed(r.pduSessionsFailed()))));
            for (UeN2Event.SetUpSession s : setUp) {
                Long started = sessionStarted.remove(ue.contextId + "/" + s.pduSessionId());
                if (started != null) {
                    pduSessionSuccess.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
                    count("pdu_session_established");
                }
            }
        });
    }

    /** PDU SESSION RESOURCE RELEASE RESPONSE (TS 38.413 8.2.2.2). */
    public void handlePduSessionResourceReleaseResponse(PduSessionResourceRelease.Response r, RanLink from, Runnable unknownIds) {
        withUe(r.amfUeNgapId(), r.ranUeNgapId(), from, unknownIds, ue -> callAmf(ue, UeRequest.n2(ue.contextId, ue.location,
                new UeN2Event.PduSessionResourcesReleased(ids(r.pduSessions())))));
    }

    /** UE CONTEXT RELEASE REQUEST (TS 38.413 8.3.2): the gNB asks; the AMF decides (AN release, TS 23.502 4.2.6). */
    public void handleUeContextReleaseRequest(UeContextRelease.Request r, RanLink from, Runnable unknownIds) {
        withUe(r.amfUeNgapId(), r.ranUeNgapId(), from, unknownIds, ue -> callAmf(ue, UeRequest.n2(ue.contextId, ue.location,
                new UeN2Event.UeContextReleaseRequest(SmMapping.text(r.cause()), ids(r.pduSessions())))));
    }

    /** UE CONTEXT RELEASE COMPLETE (TS 38.413 8.3.3): the logical connection is gone; the UE is CM-IDLE (or deregistered). */
    public void handleUeContextReleaseComplete(UeContextRelease.Complete c) {
        UeN2 ue = ues.get(c.amfUeNgapId());
        if (ue == null) {
            return;
        }
        serial.submit(ue.serialKey, () -> {
            if (ue.amfUeNgapId != c.amfUeNgapId() || ue.ranUeNgapId != c.ranUeNgapId()) {
                return; // an old connection of the UE (the source of a completed handover): already gone here
            }
            ues.remove(ue.amfUeNgapId, ue);
            registrationStarted.remove(ue.amfUeNgapId);
            store.delete(UeState.idKey(ue.amfUeNgapId));
            if (ue.registered) {
                ue.ran = null;
                persist(ue);
                callAmf(ue, UeRequest.n2(ue.contextId, ue.location,
                        new UeN2Event.UeContextReleased(ids(c.pduSessions()))));
            }
            log.debug("{} released", ue);
        });
    }

    // ---- handover (TS 38.413 8.4) ----

    /** HANDOVER REQUIRED (TS 38.413 8.4.1) from the source gNB. */
    public void handleHandoverRequired(HandoverPreparation.Required r, RanLink from, Runnable unknownIds) {
        withUe(r.amfUeNgapId(), r.ranUeNgapId(), from, unknownIds, ue -> {
            if (!(r.targetId() instanceof TargetId.RanNode target) || !(target.globalRanNodeId() instanceof GlobalRanNodeId.Gnb gnb)) {
                sendHandoverPreparationFailure(ue, CauseRadioNetwork.HO_TARGET_NOT_ALLOWED);
                return;
            }
            PlmnIdentity plmn = target.selectedTai().plmn();
            callAmf(ue, UeRequest.n2(ue.contextId, ue.location, new UeN2Event.HandoverRequired(
                    r.handoverType() == null ? "INTRA_5GS" : r.handoverType().name(), SmMapping.text(r.cause()), "gnb-" + Long.toHexString(gnb.gnbId()),
                    new io.liquid5gc.sbi.amf.DownlinkNas.Tai(new PlmnId(plmn.mcc(), plmn.mnc()), target.selectedTai().tac()),
                    ids(r.pduSessions()), r.sourceToTargetContainer() == null ? null : Hex.encode(r.sourceToTargetContainer().toByteArray()))));
        });
    }

    /** HANDOVER REQUEST ACKNOWLEDGE (TS 38.413 8.4.2.2) from the target gNB. */
    public void handleHandoverRequestAcknowledge(HandoverResourceAllocation.Acknowledge a, RanLink from, Runnable unknownIds) {
        withUe(a.amfUeNgapId(), -1, from, unknownIds, ue -> {
            if (ue.handover == null || ue.handover.amfUeNgapId != a.amfUeNgapId()) {
                unknownIds.run();
                return;
            }
            ue.handover.ranUeNgapId = a.ranUeNgapId();
            List<UeN2Event.SetUpSession> admitted = new ArrayList<>();
            for (PduSessionItem item : nz(a.pduSessionsAdmitted())) {
                try {
                    var t = SmMapping.decode(HandoverRequestAcknowledgeTransfer.class, item.transfer());
                    admitted.add(new UeN2Event.SetUpSession(item.pduSessionId(), new io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer(
                            SmMapping.upTnl(t.dlNguUpTnlInformation()),
                            t.qosFlowsSetup() == null ? List.of() : t.qosFlowsSetup().stream().map(f -> f.qosFlowIdentifier()).toList(), List.of())));
                } catch (IllegalArgumentException e) {
                    log.warn("{}: PDU session {}: undecodable handover request acknowledge transfer: {}", ue, item.pduSessionId(), e.getMessage());
                }
            }
            List<UeN2Event.FailedSession> failed = nz(a.pduSessionsFailed()).stream()
                    .map(i -> new UeN2Event.FailedSession(i.pduSessionId(), "radioNetwork: unspecified")).toList();
            callAmf(ue, UeRequest.n2(ue.contextId, ue.location, new UeN2Event.HandoverRequestAcknowledged(admitted, failed,
                    a.targetToSourceContainer() == null ? null : Hex.encode(a.targetToSourceContainer().toByteArray()))));
        });
    }

    /** HANDOVER FAILURE (TS 38.413 8.4.2.3) from the target gNB. */
    public void handleHandoverFailure(HandoverResourceAllocation.Failure f, RanLink from, Runnable unknownIds) {
        withUe(f.amfUeNgapId(), -1, from, unknownIds, ue -> callAmf(ue, UeRequest.n2(ue.contextId, ue.location,
                new UeN2Event.HandoverFailed(SmMapping.text(f.cause())))));
    }

    /** HANDOVER NOTIFY (TS 38.413 8.4.3) from the target gNB. */
    public void handleHandoverNotify(HandoverNotify n, RanLink from, Runnable unknownIds) {
        withUe(n.amfUeNgapId(), n.ranUeNgapId(), from, unknownIds, ue -> {
            if (n.userLocationInformation() != null) {
                ue.location = location(n.userLocationInformation(), from);
            }
            callAmf(ue, UeRequest.n2(ue.contextId, ue.location, new UeN2Event.HandoverNotified()));
        });
    }

    /**
     * PATH SWITCH REQUEST (TS 38.413 8.4.4) from the target gNB of an Xn handover: the UE's connection moves to that
     * gNB with the RAN UE NGAP ID it chose (the AMF UE NGAP ID stays).
     */
    public void handlePathSwitchRequest(PathSwitch.Request p, RanLink from, Runnable unknownIds) {
        UeN2 known = ues.get(p.sourceAmfUeNgapId());
        if (known == null) {
            unknownIds.run();
            return;
        }
        serial.submit(known.serialKey, () -> {
            known.ran = from;
            known.ranUeNgapId = p.ranUeNgapId();
            if (p.userLocationInformation() != null) {
                known.location = location(p.userLocationInformation(), from);
            }
            List<UeN2Event.SetUpSession> switched = new ArrayList<>();
            for (PduSessionItem item : nz(p.pduSessionsToBeSwitched())) {
                try {
                    var t = SmMapping.decode(PathSwitchRequestTransfer.class, item.transfer());
                    switched.add(new UeN2Event.SetUpSession(item.pduSessionId(), new io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer(
                            SmMapping.upTnl(t.dlNguUpTnlInformation()), nz(t.qosFlowsAccepted()), List.of())));
                } catch (IllegalArgumentException e) {
                    log.warn("{}: PDU session {}: undecodable path switch request transfer: {}", known, item.pduSessionId(), e.getMessage());
                }
            }
            List<UeN2Event.FailedSession> failed = nz(p.pduSessionsFailed()).stream()
                    .map(i -> new UeN2Event.FailedSession(i.pduSessionId(), "radioNetwork: unspecified")).toList();
            callAmf(known, UeRequest.n2(known.contextId, known.location, new UeN2Event.PathSwitchRequest(switched, failed)));
        });
    }

    /** Releases every UE reached through a RAN node (NG Reset, association lost). */
    public int releaseAll(RanLink ran) {
        int n = 0;
        for (var it = ues.values().iterator(); it.hasNext(); ) {
            if (it.next().ran == ran) {
                it.remove();
                n++;
            }
        }
        return n;
    }

    public void release(long amfUeNgapId) {
        ues.remove(amfUeNgapId);
    }

    /** Whether an id pair is known here (for Error Indication on unknown ids). */
    public boolean knows(long amfUeNgapId, long ranUeNgapId) {
        UeN2 ue = ues.get(amfUeNgapId);
        return ue != null && ue.ranUeNgapId == ranUeNgapId;
    }

    /**
     * Runs {@code task} on the UE's serial executor; a UE not in memory is loaded from the store first (a connection
     * of another replica, or from before this proxy restarted: TS 38.413 keeps the ids, the gNB re-connected);
     * {@code unknownIds} runs when the ids are known nowhere (the caller answers an Error Indication, TS 38.413 10.6).
     */
    private void withUe(long amfUeNgapId, long ranUeNgapId, RanLink from, Runnable unknownIds, java.util.function.Consumer<UeN2> task) {
        UeN2 known = ues.get(amfUeNgapId);
        if (known != null) {
            // the ids are checked on the UE's executor, where a handover or service request changes them
            serial.submit(known.serialKey, () -> {
                if (!known.matches(amfUeNgapId, ranUeNgapId)) {
                    unknownIds.run();
                    return;
                }
                task.accept(known);
            });
            return;
        }
        serial.submit(amfUeNgapId, () -> {
            UeN2 ue = ues.get(amfUeNgapId);
            if (ue == null) {
                ue = restore(amfUeNgapId, ranUeNgapId, from);
            }
            if (ue == null) {
                unknownIds.run();
                return;
            }
            task.accept(ue);
        });
    }

    /** A UE connection from the store, re-attached to the RAN node it came from. */
    private UeN2 restore(long amfUeNgapId, long ranUeNgapId, RanLink from) {
        String contextId = store.get(UeState.idKey(amfUeNgapId)).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse(null);
        UeState state = contextId == null ? null : loadState(contextId);
        if (state == null || state.amfUeNgapId() != amfUeNgapId || state.ranUeNgapId() != ranUeNgapId) {
            return null;
        }
        UeN2 ue = new UeN2(amfUeNgapId, ranUeNgapId, from, state.location());
        apply(ue, state);
        ues.put(amfUeNgapId, ue);
        log.info("{} restored from the store", ue);
        count("restored");
        return ue;
    }

    // ---- on the UE's virtual thread ----

    /**
     * A UE on a new N2 connection that names its 5G-S-TMSI (the INITIAL UE MESSAGE's IE, TS 38.413 9.3.3.20) or its
     * 5G-GUTI in a cleartext NAS message: when the AMF knows that GUTI, the UE's context, NAS security context and
     * COUNTs carry on (TS 24.501 4.4.2.1: the context is kept in CM-IDLE).
     */
    private void resumeKnownUe(UeN2 ue, io.liquid5gc.ngap.ie.FiveGSTmsi sTmsi, byte[] nas) {
        String guti = null;
        if (sTmsi != null) {
            guti = gutiText(sTmsi.amfSetId(), sTmsi.amfPointer(), sTmsi.fiveGTmsi());
        } else if (NasCodec.decodePdu(nas) instanceof DecodeResult.Ok<NasPdu> ok) {
            NasMessage inner = ok.value() instanceof NasPdu.Plain p ? p.message()
                    : NasCodec.decode(((NasPdu.Protected) ok.value()).message().innerBytes()) instanceof DecodeResult.Ok<NasMessage> in ? in.value() : null;
            MobileIdentity id = switch (inner) {
                case GmmMessage.RegistrationRequest r -> r.mobileIdentity();
                case GmmMessage.DeregistrationRequestUeOriginating d -> d.mobileIdentity();
                case GmmMessage.ServiceRequest sr -> sr.sTmsi();
                case null, default -> null;
            };
            if (id instanceof MobileIdentity.Guti g) {
                guti = NasMapping.guti(g);
            } else if (id instanceof MobileIdentity.STmsi t) {
                guti = gutiText(t.amfSetId(), t.amfPointer(), t.tmsi() & 0xFFFFFFFFL);
            }
        }
        if (guti == null) {
            return;
        }
        String contextId = store.get("amf/guti/" + guti).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse(null);
        if (contextId == null) {
            return;
        }
        UeState state = loadState(contextId);
        if (state == null) {
            return;
        }
        if (state.ran() != null) {
            // still connected elsewhere (a lost release): that connection is stale now
            UeN2 old = ues.get(state.amfUeNgapId());
            if (old != null && old != ue) {
                ues.remove(old.amfUeNgapId, old);
            }
        }
        ue.contextId = contextId;
        apply(ue, state);
        log.debug("{} resumes context {} (5G-GUTI {})", ue, contextId, guti);
    }

    private String gutiText(int setId, int pointer, long tmsi) {
        return String.format(Locale.ROOT, "%s%s-%02x%03x%02x-%08x", guami.plmn().mcc(), guami.plmn().mnc(), guami.amfRegionId(), setId, pointer, tmsi);
    }

    private UeState loadState(String contextId) {
        return store.get(UeState.key(contextId)).map(b -> json.readValue(b, UeState.class)).orElse(null);
    }

    /** Takes the stored counts and the AMF's current NAS security context (keys derived again, TS 33.501 A.8). */
    private void apply(UeN2 ue, UeState state) {
        ue.dlCount = state.dlCount();
        ue.lastUlCount = state.lastUlCount();
        ue.registered = state.registered();
        ue.nh = state.nh() == null ? null : Hex.decode(state.nh());
        ue.ncc = state.ncc();
        ue.commonProcedureOwner = state.commonProcedureOwner() == null ? null
                : NAS_ROUTES.values().stream().filter(f -> f.name().equals(state.commonProcedureOwner())).findFirst()
                        .orElse(state.commonProcedureOwner().equals(AmfApi.AUTH_INITIATE.name()) ? AmfApi.AUTH_INITIATE : null);
        if (ue.location == null) {
            ue.location = state.location();
        }
        store.get(NasSecurityContext.storeKey(ue.contextId)).map(b -> json.readValue(b, NasSecurityContext.class)).ifPresent(c -> useKeys(ue, c));
    }

    private void persist(UeN2 ue) {
        store.put(UeState.key(ue.contextId), json.writeValueAsBytes(ue.state()), STATE_TTL);
    }

    private void handleUplinkNas(UeN2 ue, byte[] pdu) {
        Optional<Received> received = unprotect(ue, pdu);
        if (received.isEmpty()) {
            return;
        }
        NasMessage message = received.get().message();
        if (!(message instanceof GmmMessage gmm)) {
            log.info("{}: 5GSM message outside a UL NAS TRANSPORT ignored", ue);
            return;
        }
        Optional<UplinkNas> uplink = NasMapping.toUplink(gmm);
        if (uplink.isEmpty()) {
            log.warn("{}: {} is not handled by this build yet", ue, gmm.type());
            count("unhandled_" + gmm.type().name().toLowerCase(Locale.ROOT));
            return;
        }
        stopTimerAnsweredBy(ue, uplink.get());
        ue.lastUplinkSm = gmm instanceof GmmMessage.UlNasTransport ul ? ul.payloadContainer() : null;
        switch (uplink.get()) {
            case UplinkNas.RegistrationRequest r -> registrationStarted.put(ue.amfUeNgapId, System.nanoTime());
            case UplinkNas.UlNasTransport t when t.sm() instanceof io.liquid5gc.sbi.amf.UplinkSm.PduSessionEstablishmentRequest ->
                    sessionStarted.put(ue.contextId + "/" + t.pduSessionId(), System.nanoTime());
            default -> { }
        }
        UeResult result = callAmf(ue, new UeRequest(ue.contextId(), ue.location, received.get().verified(), uplink.get()));
        if (result != null && "REGISTERED".equals(result.gmmState()) && uplink.get() instanceof UplinkNas.RegistrationComplete) {
            Long started = registrationStarted.remove(ue.amfUeNgapId);
            if (started != null) {
                registrationSuccess.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
            count("registered");
        }
    }

    /** Calls the AMF function that owns the event, executes what it answers and saves the UE's state; null when the call failed. */
    private UeResult callAmf(UeN2 ue, UeRequest request) {
        return callAmf(ue, request, true);
    }

    private UeResult callAmf(UeN2 ue, UeRequest request, boolean persistAfter) {
        FunctionSpec<UeRequest, UeResult> function = request.message() != null ? routeNas(ue, request.message()) : route(request.n2Event());
        UeResult result;
        try {
            result = functions.call(function, request);
        } catch (ProblemException e) {
            log.warn("{}: {} failed: {}", ue, function.name(), e.getMessage());
            count("amf_error");
            return null;
        }
        for (UeAction action : result.actions()) {
            if (action instanceof UeAction.SendNas send && isCommonProcedureRequest(send.message())) {
                ue.commonProcedureOwner = function; // its answer goes back to this function
            }
            try {
                execute(ue, action);
            } catch (RuntimeException e) {
                log.warn("{}: cannot execute {}: {}", ue, action.getClass().getSimpleName(), e.toString());
                count("action_error");
            }
        }
        ue.registered = "REGISTERED".equals(result.gmmState());
        if (persistAfter) {
            persist(ue);
        }
        return result;
    }

    private record Received(NasMessage message, boolean verified) {
    }

    /** Integrity check, replay check and deciphering (TS 24.501 4.4.3-4.4.5; TS 33.501 6.4). */
    private Optional<Received> unprotect(UeN2 ue, byte[] pdu) {
        DecodeResult<NasPdu> decoded = NasCodec.decodePdu(pdu);
        if (decoded instanceof DecodeResult.Err<NasPdu> err) {
            log.warn("{}: undecodable NAS ({}): {}", ue, err.error().kind(), err.error().detail());
            count("nas_undecodable");
            return Optional.empty();
        }
        NasPdu nas = ((DecodeResult.Ok<NasPdu>) decoded).value();
        if (nas instanceof NasPdu.Plain plain) {
            return Optional.of(new Received(plain.message(), false));
        }
        SecurityProtectedNasMessage sp = ((NasPdu.Protected) nas).message();
        boolean ciphered = sp.securityHeaderType() == SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED
                || sp.securityHeaderType() == SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED_WITH_NEW_CONTEXT;
        if (ue.protection == null) {
            if (ciphered) {
                log.warn("{}: ciphered NAS without a security context here; discarded", ue);
                count("nas_no_context");
                return Optional.empty();
            }
            return decodeInner(ue, sp.innerBytes()).map(m -> new Received(m, false));
        }
        long count = ue.estimateUplinkCount(sp.sequenceNumber());
        if (count <= ue.lastUlCount) {
            log.warn("{}: replayed NAS COUNT {} (last {}); discarded", ue, count, ue.lastUlCount);
            count("nas_replay");
            return Optional.empty();
        }
        byte[] macInput = sp.macInput();
        if (!ue.protection.verify((int) count, Direction.UPLINK, macInput, 0, macInput.length, sp.mac(), 0)) {
            if (!ciphered) {
                // TS 24.501 4.4.4.3: e.g. a Registration Request with a context this network no longer has: plain, unverified
                log.info("{}: NAS integrity check failed (COUNT {}); handled as not integrity protected", ue, count);
                count("nas_integrity_failure");
                return decodeInner(ue, sp.innerBytes()).map(m -> new Received(m, false));
            }
            log.warn("{}: NAS integrity check failed (COUNT {}); discarded", ue, count);
            count("nas_integrity_failure");
            return Optional.empty();
        }
        byte[] inner = sp.innerBytes().clone();
        if (ciphered) {
            ue.protection.cipher((int) count, Direction.UPLINK, inner, 0, inner.length);
        }
        ue.lastUlCount = count;
        return decodeInner(ue, inner).map(m -> new Received(m, true));
    }

    private Optional<NasMessage> decodeInner(UeN2 ue, byte[] inner) {
        DecodeResult<NasMessage> d = NasCodec.decode(inner);
        if (d instanceof DecodeResult.Ok<NasMessage> ok) {
            return Optional.of(ok.value());
        }
        log.warn("{}: undecodable inner NAS: {}", ue, ((DecodeResult.Err<NasMessage>) d).error().detail());
        count("nas_undecodable");
        return Optional.empty();
    }

    private void execute(UeN2 ue, UeAction action) {
        switch (action) {
            case UeAction.SendNas s -> sendDownlinkNas(ue, s.message(), s.protection());
            case UeAction.InitialContextSetup ics -> sendInitialContextSetupRequest(ue, ics);
            case UeAction.PduSessionResourceSetup setup -> sendPduSessionResourceSetupRequest(ue, setup);
            case UeAction.PduSessionResourceRelease release -> sendPduSessionResourceReleaseCommand(ue, release);
            case UeAction.PduSessionResourceModify modify -> sendPduSessionResourceModifyRequest(ue, modify);
            case UeAction.ReleaseUe r -> sendUeContextReleaseCommand(ue, r);
            case UeAction.HandoverRequest h -> sendHandoverRequest(ue, h);
            case UeAction.HandoverCommand c -> sendHandoverCommand(ue, c);
            case UeAction.HandoverPreparationFailure f -> sendHandoverPreparationFailure(ue, SmMapping.cause(f.cause()));
            case UeAction.ReleaseHandoverSource r -> completeHandover(ue);
            case UeAction.PathSwitchRequestAcknowledge a -> sendPathSwitchRequestAcknowledge(ue, a);
            case UeAction.Page p -> sendPaging(p);
            case UeAction.RefreshAsKeys k -> sendUeContextModificationRequest(ue, k);
            case UeAction.PathSwitchRequestFailure f -> ue.ran.sendUeAssociated(new PathSwitch.Failure(ue.amfUeNgapId, ue.ranUeNgapId,
                    null, null, List.of()), ue.ranUeNgapId);
        }
    }

    /** DOWNLINK NAS TRANSPORT (TS 38.413 8.6.2). */
    private void sendDownlinkNas(UeN2 ue, io.liquid5gc.sbi.amf.DownlinkNas message, UeAction.Protection protection) {
        GmmMessage gmm = NasMapping.toGmm(message);
        if (message instanceof io.liquid5gc.sbi.amf.DownlinkNas.DlNasTransport t && t.sm() == null && ue.lastUplinkSm != null) {
            // TS 24.501 5.4.5.3.1: a 5GSM message the AMF could not forward goes back to the UE in the container
            gmm = new GmmMessage.DlNasTransport(io.liquid5gc.nas.ie.PayloadContainerType.N1_SM_INFORMATION, ue.lastUplinkSm, t.pduSessionId(),
                    null, ((GmmMessage.DlNasTransport) gmm).cause(), null, List.of());
        }
        byte[] pdu = protect(ue, NasCodec.encode(gmm), protection);
        startTimer(ue, message, protection); // started before the message can be answered
        ue.ran.sendUeAssociated(new NasTransport.DownlinkNasTransport(ue.amfUeNgapId, ue.ranUeNgapId, null, NgapMessage.ABSENT,
                Octets.wrap(pdu), null, null, List.of()), ue.ranUeNgapId);
    }

    // ---- NAS timers (TS 24.501 10.2) ----

    /** The network timer a downlink message runs under, or null when it expects no answer. */
    private static String timerOf(io.liquid5gc.sbi.amf.DownlinkNas m) {
        return switch (m) {
            case io.liquid5gc.sbi.amf.DownlinkNas.AuthenticationRequest a -> "T3560";
            case io.liquid5gc.sbi.amf.DownlinkNas.SecurityModeCommand c -> "T3560";
            case io.liquid5gc.sbi.amf.DownlinkNas.IdentityRequest i -> "T3570";
            case io.liquid5gc.sbi.amf.DownlinkNas.RegistrationAccept a when a.guti() != null -> "T3550"; // a new GUTI: Registration Complete due
            case io.liquid5gc.sbi.amf.DownlinkNas.DeregistrationRequest d -> "T3522";
            default -> null;
        };
    }

    private java.time.Duration durationOf(String timer) {
        return switch (timer) {
            case "T3550" -> timers.t3550();
            case "T3570" -> timers.t3570();
            case "T3522" -> timers.t3522();
            case "T3555" -> timers.t3555();
            default -> timers.t3560();
        };
    }

    /** Whether an uplink message is the answer a running timer waits for (TS 24.501 10.2, "on receipt of"). */
    private static boolean answers(String timer, UplinkNas m) {
        return switch (timer) {
            case "T3560" -> m instanceof UplinkNas.AuthenticationResponse || m instanceof UplinkNas.AuthenticationFailure
                    || m instanceof UplinkNas.SecurityModeComplete || m instanceof UplinkNas.SecurityModeReject;
            case "T3570" -> m instanceof UplinkNas.IdentityResponse;
            case "T3550" -> m instanceof UplinkNas.RegistrationComplete;
            case "T3522" -> m instanceof UplinkNas.DeregistrationAccept;
            default -> false;
        } || m instanceof UplinkNas.RegistrationRequest || m instanceof UplinkNas.DeregistrationRequest;
    }

    private void startTimer(UeN2 ue, io.liquid5gc.sbi.amf.DownlinkNas message, UeAction.Protection protection) {
        String timer = timerOf(message);
        if (timer == null) {
            return;
        }
        stopTimer(ue);
        UeN2.PendingNas pending = new UeN2.PendingNas(timer, message,
                protection == UeAction.Protection.NEW_CONTEXT_INTEGRITY ? UeAction.Protection.NEW_CONTEXT_INTEGRITY : protection);
        ue.pending = pending;
        arm(ue, pending);
    }

    private void arm(UeN2 ue, UeN2.PendingNas pending) {
        pending.running = scheduler.schedule(durationOf(pending.timer), () -> serial.submit(ue.serialKey, () -> onTimerExpiry(ue, pending)));
    }

    private void stopTimerAnsweredBy(UeN2 ue, UplinkNas m) {
        if (ue.pending != null && answers(ue.pending.timer, m)) {
            stopTimer(ue);
        }
    }

    private static void stopTimer(UeN2 ue) {
        if (ue.pending != null) {
            ue.pending.running.cancel();
            ue.pending = null;
        }
    }

    /** On expiry the message goes again, protected with the next NAS COUNT; the last expiry aborts the procedure. */
    private void onTimerExpiry(UeN2 ue, UeN2.PendingNas pending) {
        if (ue.pending != pending || !ues.containsKey(ue.amfUeNgapId)) {
            return; // answered, replaced or released meanwhile
        }
        if (pending.retransmissions < timers.retransmissions()) {
            pending.retransmissions++;
            count("nas_retransmission_" + pending.timer.toLowerCase(Locale.ROOT));
            log.info("{}: {} expired; {} sent again ({}/{})", ue, pending.timer, pending.message.getClass().getSimpleName(),
                    pending.retransmissions, timers.retransmissions());
            byte[] pdu = protect(ue, NasCodec.encode(NasMapping.toGmm(pending.message)), pending.protection, false);
            arm(ue, pending);
            ue.ran.sendUeAssociated(new NasTransport.DownlinkNasTransport(ue.amfUeNgapId, ue.ranUeNgapId, null, NgapMessage.ABSENT,
                    Octets.wrap(pdu), null, null, List.of()), ue.ranUeNgapId);
            return;
        }
        ue.pending = null;
        count("nas_timer_abort_" + pending.timer.toLowerCase(Locale.ROOT));
        if (pending.timer.equals("T3550")) {
            // TS 24.501 5.5.1.2.8 c): the registration stands; the old and new 5G-GUTI are both valid for the UE
            log.warn("{}: T3550 expired {} times; no Registration Complete", ue, timers.retransmissions() + 1);
            return;
        }
        // TS 24.501 5.4.1.3.7 c), 5.4.2.7 c), 5.4.3.7 b), 5.5.2.3.5: the procedure is aborted and the N1 connection released
        log.warn("{}: {} expired {} times; procedure aborted, N2 connection released", ue, pending.timer, timers.retransmissions() + 1);
        sendUeContextReleaseCommand(ue, new UeAction.ReleaseUe("normal-release"));
    }

    /** INITIAL CONTEXT SETUP REQUEST (TS 38.413 8.3.1) with KgNB (TS 33.501 A.9) and the PDU sessions to set up. */
    private void sendInitialContextSetupRequest(UeN2 ue, UeAction.InitialContextSetup ics) {
        byte[] pdu = protect(ue, NasCodec.encode(NasMapping.toGmm(ics.nas())), UeAction.Protection.PROTECTED);
        // TS 33.501 A.9: KgNB from KAMF and the uplink NAS COUNT of the last message (Security Mode Complete, Service Request)
        byte[] kgnb = KeyHierarchy.kgnb(ue.kamf, Math.max(ue.lastUlCount, 0), AccessType.THREE_GPP);
        // TS 33.501 6.9.2.1.1: NCC 0 with a fresh KgNB; the first NH derives from it
        ue.nh = kgnb;
        ue.ncc = 0;
        startTimer(ue, ics.nas(), UeAction.Protection.PROTECTED);
        ue.ran.sendUeAssociated(new InitialContextSetup.Request(ue.amfUeNgapId, ue.ranUeNgapId, null, null, guami,
                ics.pduSessions().isEmpty() ? null : ics.pduSessions().stream().map(s -> sessionItem(ue, s)).toList(),
                ics.allowedNssai().stream().map(NgapValues::sNssai).toList(),
                NgapValues.securityCapabilities(ics.ueSecurityCapability()), Octets.wrap(kgnb), null, NgapMessage.ABSENT, null, Octets.wrap(pdu),
                List.of()), ue.ranUeNgapId);
    }

    /** PDU SESSION RESOURCE SETUP REQUEST (TS 38.413 8.2.1). */
    private void sendPduSessionResourceSetupRequest(UeN2 ue, UeAction.PduSessionResourceSetup setup) {
        ue.ran.sendUeAssociated(new PduSessionResourceSetup.Request(ue.amfUeNgapId, ue.ranUeNgapId, NgapMessage.ABSENT, null,
                setup.sessions().stream().map(s -> sessionItem(ue, s)).toList(), null, List.of()), ue.ranUeNgapId);
    }

    private PduSessionItem sessionItem(UeN2 ue, UeAction.SessionSetup s) {
        Octets nas = s.nas() == null ? null : Octets.wrap(protect(ue, NasCodec.encode(NasMapping.toGmm(s.nas())), UeAction.Protection.PROTECTED));
        return new PduSessionItem(s.pduSessionId(), nas, NgapValues.sNssai(s.sNssai()), SmMapping.setupRequestTransfer(s.transfer()));
    }

    /** PDU SESSION RESOURCE MODIFY REQUEST (TS 38.413 8.2.3) with the NAS for the UE in the session's item. */
    private void sendPduSessionResourceModifyRequest(UeN2 ue, UeAction.PduSessionResourceModify m) {
        Octets nas = m.nas() == null ? null : Octets.wrap(protect(ue, NasCodec.encode(NasMapping.toGmm(m.nas())), UeAction.Protection.PROTECTED));
        ue.ran.sendUeAssociated(new io.liquid5gc.ngap.message.PduSessionResourceModify.Request(ue.amfUeNgapId, ue.ranUeNgapId, NgapMessage.ABSENT,
                List.of(new PduSessionItem(m.pduSessionId(), nas, null, SmMapping.modifyRequestTransfer(m.qos()))), List.of()), ue.ranUeNgapId);
    }

    /** PDU SESSION RESOURCE MODIFY RESPONSE (TS 38.413 8.2.3.2). */
    public void handlePduSessionResourceModifyResponse(io.liquid5gc.ngap.message.PduSessionResourceModify.Response r, RanLink from, Runnable unknownIds) {
        withUe(r.amfUeNgapId(), r.ranUeNgapId(), from, unknownIds, ue -> callAmf(ue, UeRequest.n2(ue.contextId, ue.location,
                new UeN2Event.PduSessionResourcesModified(ids(r.pduSessionsModified()), failed(r.pduSessionsFailed())))));
    }

    /** PDU SESSION RESOURCE RELEASE COMMAND (TS 38.413 8.2.2). */
    private void sendPduSessionResourceReleaseCommand(UeN2 ue, UeAction.PduSessionResourceRelease release) {
        Octets nas = release.nas() == null ? null : Octets.wrap(protect(ue, NasCodec.encode(NasMapping.toGmm(release.nas())), UeAction.Protection.PROTECTED));
        Octets transfer = SmTransferCodec.encode(new PduSessionResourceReleaseCommandTransfer(SmMapping.cause(release.cause())));
        ue.ran.sendUeAssociated(new PduSessionResourceRelease.Command(ue.amfUeNgapId, ue.ranUeNgapId, NgapMessage.ABSENT, nas,
                release.pduSessionIds().stream().map(id -> PduSessionItem.withTransfer(id, transfer)).toList(), List.of()), ue.ranUeNgapId);
    }

    /** UE CONTEXT RELEASE COMMAND (TS 38.413 8.3.3). */
    private void sendUeContextReleaseCommand(UeN2 ue, UeAction.ReleaseUe r) {
        Cause cause = switch (r.nasCause()) {
            case "authentication-failure" -> CauseNas.AUTHENTICATION_FAILURE;
            case "deregister" -> CauseNas.DEREGISTER;
            default -> CauseNas.NORMAL_RELEASE;
        };
        registrationStarted.remove(ue.amfUeNgapId);
        stopTimer(ue);
        count("released_" + r.nasCause().replace('-', '_'));
        ue.ran.sendUeAssociated(new UeContextRelease.Command(new UeNgapIds.Pair(ue.amfUeNgapId, ue.ranUeNgapId), cause, List.of()),
                ue.ranUeNgapId);
    }

    /**
     * HANDOVER REQUEST (TS 38.413 8.4.2) to the target gNB on a new UE-associated connection, with the next NH and
     * NCC (TS 33.501 6.9.2.3.3: the AMF steps the NH chain, A.10).
     */
    private void sendHandoverRequest(UeN2 ue, UeAction.HandoverRequest h) {
        RanLink target = ranByName.apply(h.targetGnb());
        if (target == null) {
            log.warn("{}: handover target {} is not connected here", ue, h.targetGnb());
            sendHandoverPreparationFailure(ue, CauseRadioNetwork.UNKNOWN_TARGET_ID);
            return;
        }
        long targetId = Math.floorMod(store.increment("proxy/amf-ue-ngap-id", 1), AMF_UE_NGAP_ID_SPACE);
        ue.handover = new UeN2.HandoverTarget(target, targetId);
        ues.put(targetId, ue);
        store.put(UeState.idKey(targetId), ue.contextId.getBytes(java.nio.charset.StandardCharsets.UTF_8), STATE_TTL);
        nextHop(ue);
        long ambr = 0;
        for (UeAction.SessionSetup s : h.sessions()) {
            ambr += s.transfer().pduSessionAggregateMaximumBitRate() == null ? 0 : s.transfer().pduSessionAggregateMaximumBitRate().downlinkBps();
        }
        target.sendUeAssociated(new HandoverResourceAllocation.Request(targetId, HandoverType.INTRA_5GS, SmMapping.cause(h.cause()),
                new io.liquid5gc.ngap.ie.UeAggregateMaximumBitRate(Math.max(ambr, 1), Math.max(ambr, 1)),
                NgapValues.securityCapabilities(h.ueSecurityCapability()), new SecurityContext(ue.ncc, Octets.wrap(ue.nh)),
                h.sessions().stream().map(s -> sessionItem(ue, s)).toList(), h.allowedNssai().stream().map(NgapValues::sNssai).toList(),
                h.sourceToTargetContainer() == null ? Octets.wrap(new byte[1]) : Octets.wrap(Hex.decode(h.sourceToTargetContainer())), guami, List.of()),
                targetId);
    }

    /** HANDOVER COMMAND (TS 38.413 8.4.1.2) to the source gNB. */
    private void sendHandoverCommand(UeN2 ue, UeAction.HandoverCommand c) {
        Octets transfer = SmTransferCodec.encode(new HandoverCommandTransfer(null, null, null));
        ue.ran.sendUeAssociated(new HandoverPreparation.Command(ue.amfUeNgapId, ue.ranUeNgapId, HandoverType.INTRA_5GS,
                c.pduSessionIds().stream().map(id -> PduSessionItem.withTransfer(id, transfer)).toList(), null,
                c.targetToSourceContainer() == null ? Octets.wrap(new byte[1]) : Octets.wrap(Hex.decode(c.targetToSourceContainer())), null, List.of()),
                ue.ranUeNgapId);
    }

    /** HANDOVER PREPARATION FAILURE (TS 38.413 8.4.1.3) to the source; the target connection, if any, is forgotten. */
    private void sendHandoverPreparationFailure(UeN2 ue, Cause cause) {
        if (ue.handover != null) {
            ues.remove(ue.handover.amfUeNgapId, ue);
            store.delete(UeState.idKey(ue.handover.amfUeNgapId));
            ue.handover = null;
        }
        count("handover_preparation_failure");
        ue.ran.sendUeAssociated(new HandoverPreparation.Failure(ue.amfUeNgapId, ue.ranUeNgapId, cause, null, List.of()), ue.ranUeNgapId);
    }

    /** After HANDOVER NOTIFY: the target connection becomes the UE's; the source's is released (successful-handover). */
    private void completeHandover(UeN2 ue) {
        UeN2.HandoverTarget target = ue.handover;
        if (target == null || target.ranUeNgapId < 0) {
            log.warn("{}: no handover to complete", ue);
            return;
        }
        ue.ran.sendUeAssociated(new UeContextRelease.Command(new UeNgapIds.Pair(ue.amfUeNgapId, ue.ranUeNgapId),
                CauseRadioNetwork.SUCCESSFUL_HANDOVER, List.of()), ue.ranUeNgapId);
        ues.remove(ue.amfUeNgapId, ue);
        store.delete(UeState.idKey(ue.amfUeNgapId));
        ue.amfUeNgapId = target.amfUeNgapId;
        ue.ranUeNgapId = target.ranUeNgapId;
        ue.ran = target.ran;
        ue.handover = null;
        count("handover_completed");
        log.info("{}: handed over to {}", ue, ue.ran.describe());
    }

    /** PATH SWITCH REQUEST ACKNOWLEDGE (TS 38.413 8.4.4.2) with the next NH and NCC (TS 33.501 6.9.2.3.2). */
    private void sendPathSwitchRequestAcknowledge(UeN2 ue, UeAction.PathSwitchRequestAcknowledge a) {
        nextHop(ue);
        Octets transfer = SmTransferCodec.encode(new PathSwitchRequestAcknowledgeTransfer(null, null));
        ue.ran.sendUeAssociated(new PathSwitch.Acknowledge(ue.amfUeNgapId, ue.ranUeNgapId, NgapValues.securityCapabilities(a.ueSecurityCapability()),
                new SecurityContext(ue.ncc, Octets.wrap(ue.nh)), a.pduSessionIds().stream().map(id -> PduSessionItem.withTransfer(id, transfer)).toList(),
                null, a.allowedNssai().stream().map(NgapValues::sNssai).toList(), null, List.of()), ue.ranUeNgapId);
        count("path_switched");
    }

    /**
     * UE CONTEXT MODIFICATION REQUEST (TS 38.413 8.3.4) with the KgNB of the new KAMF from the uplink COUNT of the
     * Security Mode Complete (TS 33.501 A.9, 6.9.4.1); the NH chain restarts from it.
     */
    private void sendUeContextModificationRequest(UeN2 ue, UeAction.RefreshAsKeys k) {
        byte[] kgnb = KeyHierarchy.kgnb(ue.kamf, Math.max(ue.lastUlCount, 0), AccessType.THREE_GPP);
        ue.nh = kgnb;
        ue.ncc = 0;
        ue.ran.sendUeAssociated(new io.liquid5gc.ngap.message.UeContextModification.Request(ue.amfUeNgapId, ue.ranUeNgapId, NgapMessage.ABSENT,
                Octets.wrap(kgnb), NgapMessage.ABSENT, null, NgapValues.securityCapabilities(k.ueSecurityCapability()), NgapMessage.ABSENT, null,
                List.of()), ue.ranUeNgapId);
        count("as_key_refresh");
    }

    /** PAGING (TS 38.413 8.5.1) with the UE's 5G-S-TMSI to every set-up gNB (they page in the TAIs they serve of the list). */
    private void sendPaging(UeAction.Page p) {
        io.liquid5gc.nas.ie.MobileIdentity.Guti g = NasMapping.gutiIe(p.guti());
        io.liquid5gc.ngap.message.Paging paging = new io.liquid5gc.ngap.message.Paging(
                new io.liquid5gc.ngap.ie.FiveGSTmsi(g.amfSetId(), g.amfPointer(), g.tmsi() & 0xFFFFFFFFL), null,
                p.taiList().stream().map(t -> new io.liquid5gc.ngap.ie.Tai(PlmnIdentity.of(t.plmn().mcc(), t.plmn().mnc()), t.tac())).toList(),
                null, List.of());
        List<RanLink> nodes = allRanNodes.get();
        for (RanLink node : nodes) {
            node.sendNonUe(paging);
        }
        count("paging");
        log.info("paging 5G-GUTI {} through {} gNB(s)", p.guti(), nodes.size());
    }

    /** TS 33.501 6.9.2.1.1 and A.10: NH = KDF(KAMF, previous NH or the initial KgNB), NCC + 1 (mod 8). */
    private static void nextHop(UeN2 ue) {
        if (ue.kamf == null || ue.nh == null) {
            throw new IllegalStateException(ue + ": no security context to derive the next hop from");
        }
        ue.nh = KeyHierarchy.nh(ue.kamf, ue.nh);
        ue.ncc = (ue.ncc + 1) & 7;
    }

    private List<UeN2Event.SetUpSession> setUp(UeN2 ue, List<PduSessionItem> items) {
        List<UeN2Event.SetUpSession> out = new ArrayList<>();
        for (PduSessionItem item : nz(items)) {
            try {
                out.add(new UeN2Event.SetUpSession(item.pduSessionId(), SmMapping.setupResponseTransfer(item.transfer())));
            } catch (IllegalArgumentException e) {
                log.warn("{}: PDU session {}: undecodable setup response transfer: {}", ue, item.pduSessionId(), e.getMessage());
                count("transfer_undecodable");
            }
        }
        return out;
    }

    private static List<UeN2Event.FailedSession> failed(List<PduSessionItem> items) {
        List<UeN2Event.FailedSession> out = new ArrayList<>();
        for (PduSessionItem item : nz(items)) {
            String cause = "radioNetwork: unspecified";
            if (item.transfer() != null) {
                try {
                    cause = SmMapping.text(SmMapping.decode(io.liquid5gc.ngap.transfer.PduSessionResourceSetupUnsuccessfulTransfer.class,
                            item.transfer()).cause());
                } catch (IllegalArgumentException e) {
                    cause = "protocol: transfer-syntax-error";
                }
            }
            out.add(new UeN2Event.FailedSession(item.pduSessionId(), cause));
        }
        return out;
    }

    /** The codec gives null for an absent optional list. */
    private static <T> List<T> nz(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static List<Integer> ids(List<PduSessionItem> items) {
        return nz(items).stream().map(PduSessionItem::pduSessionId).toList();
    }

    /** Applies the protection the AMF asked for (TS 24.501 4.4.4, 4.4.5, 9.3.1). */
    private byte[] protect(UeN2 ue, byte[] plain, UeAction.Protection protection) {
        return protect(ue, plain, protection, true);
    }

    /** {@code activate}: a Security Mode Command sent for the first time takes the new context; its retransmission does not. */
    private byte[] protect(UeN2 ue, byte[] plain, UeAction.Protection protection, boolean activate) {
        if (protection == UeAction.Protection.NEW_CONTEXT_INTEGRITY && activate) {
            activateNewContext(ue);
        }
        if (protection == UeAction.Protection.PLAIN || ue.protection == null) {
            if (protection != UeAction.Protection.PLAIN) {
                log.warn("{}: no NAS security context for a protected message; sent plain", ue);
            }
            return plain;
        }
        boolean cipher = protection == UeAction.Protection.PROTECTED;
        SecurityHeaderType sht = cipher ? SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED : SecurityHeaderType.INTEGRITY_PROTECTED_WITH_NEW_CONTEXT;
        int count = ue.dlCount++;
        byte[] mac = ue.protection.protect(count, Direction.DOWNLINK, plain, cipher); // plain is ours: ciphered in place
        return NasCodec.protect(sht, mac, count & 0xFF, plain);
    }

    /** Takes the NAS security context the AMF just established (TS 24.501 4.4.2.3): new keys, COUNTs from zero. */
    private void activateNewContext(UeN2 ue) {
        NasSecurityContext c = store.get(NasSecurityContext.storeKey(ue.contextId()))
                .map(b -> json.readValue(b, NasSecurityContext.class))
                .orElseThrow(() -> new IllegalStateException(ue + ": the AMF asked for a new NAS security context but stored none"));
        useKeys(ue, c);
        ue.dlCount = 0;
        ue.lastUlCount = -1;
    }

    private static void useKeys(UeN2 ue, NasSecurityContext c) {
        ue.kamf = Hex.decode(c.kamf());
        NasKeys keys = KeyHierarchy.nasKeys(ue.kamf, c.cipheringAlgorithm(), c.integrityAlgorithm());
        ue.protection = new NasProtection(CipheringAlgorithm.fromCode(c.cipheringAlgorithm()), keys.encryptionKey(),
                IntegrityAlgorithm.fromCode(c.integrityAlgorithm()), keys.integrityKey());
    }

    private static UeLocation location(UserLocationInformation uli, RanLink ran) {
        if (uli instanceof UserLocationInformation.Nr nr) {
            return new UeLocation(new PlmnId(nr.tai().plmn().mcc(), nr.tai().plmn().mnc()), nr.tai().tac(),
                    String.format(Locale.ROOT, "%09x", nr.nrCgi().cellIdentity()), ran.describe());
        }
        return null;
    }

    private void count(String result) {
        results.computeIfAbsent(result, r -> Counter.builder("liquid5gc.proxy.ue.events")
                .description("UE signalling events at the proxy").tag("event", r).register(meters)).increment();
    }
}
