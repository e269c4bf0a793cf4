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
import io.liquid5gc.ngap.message.UeContextRelease;
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
    private final Timer registrationSuccess;
    private final Map<String, Counter> results = new ConcurrentHashMap<>();
    /** UEs whose registration completed; weak, so released contexts need no bookkeeping here (the gauge counts live ones). */
    private final Set<UeN2> registered = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    public UeSignalling(FunctionClient functions, KeyValueStore store, ObjectMapper json, ProxyProperties properties, MeterRegistry meters) {
        this.functions = functions;
        this.store = store;
        this.json = json;
        this.meters = meters;
        ProxyProperties.GuamiConfig g = properties.servedGuamis().getFirst();
        this.guami = new Guami(PlmnIdentity.of(g.mcc(), g.mnc()), g.regionId(), g.setId(), g.pointer());
        this.registrationSuccess = Timer.builder("liquid5gc.proxy.registration")
                .description("Registration latency, Registration Request to Registration Complete")
                .tag("outcome", "success").publishPercentileHistogram().register(meters);
        Gauge.builder("liquid5gc.proxy.ues", ues, Map::size)
                .description("UE contexts (UE-associated N2 connections) at this proxy").register(meters);
        Gauge.builder("liquid5gc.proxy.ues.registered", ues, m -> m.values().stream().filter(registered::contains).count())
                .description("UEs with an N2 connection at this proxy that completed registration").register(meters);
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
        serial.submit(-initialSequence.incrementAndGet(), () -> {
            long amfUeNgapId = Math.floorMod(store.increment("proxy/amf-ue-ngap-id", 1), AMF_UE_NGAP_ID_SPACE);
            UeN2 ue = new UeN2(amfUeNgapId, m.ranUeNgapId(), ran, location);
            ues.put(amfUeNgapId, ue);
            handleUplinkNas(ue, nas);
        });
    }

    /** UPLINK NAS TRANSPORT (TS 38.413 8.6.3). Returns false when the ids are unknown (the caller answers an Error Indication). */
    public boolean handleUplinkNasTransport(NasTransport.UplinkNasTransport m) {
        UeN2 ue = ues.get(m.amfUeNgapId());
        if (ue == null || ue.ranUeNgapId != m.ranUeNgapId()) {
            return false;
        }
        if (m.userLocationInformation() != null) {
            ue.location = location(m.userLocationInformation(), ue.ran);
        }
        byte[] nas = m.nasPdu().toByteArray();
        serial.submit(ue.amfUeNgapId, () -> handleUplinkNas(ue, nas));
        return true;
    }

    public void handleInitialContextSetupResponse(InitialContextSetup.Response r) {
        log.debug("UE {}: initial context set up", r.amfUeNgapId());
    }

    public void handleInitialContextSetupFailure(InitialContextSetup.Failure f) {
        log.warn("UE {}: initial context setup failed: {}", f.amfUeNgapId(), f.cause());
    }

    /** UE CONTEXT RELEASE COMPLETE (TS 38.413 8.3.3): the logical connection is gone. */
    public void handleUeContextReleaseComplete(UeContextRelease.Complete c) {
        UeN2 ue = ues.remove(c.amfUeNgapId());
        log.debug("{} released", ue);
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

    /** Whether an id pair is known (for Error Indication on unknown ids). */
    public boolean knows(long amfUeNgapId, long ranUeNgapId) {
        UeN2 ue = ues.get(amfUeNgapId);
        return ue != null && ue.ranUeNgapId == ranUeNgapId;
    }

    // ---- on the UE's virtual thread ----

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
        if (uplink.get() instanceof UplinkNas.RegistrationRequest) {
            registrationStarted.put(ue.amfUeNgapId, System.nanoTime());
        }
        UeResult result;
        try {
            result = functions.call(AmfApi.INITIAL_REGISTRATION, new UeRequest(ue.contextId(), ue.location, received.get().verified(), uplink.get()));
        } catch (ProblemException e) {
            log.warn("{}: amf-initial-registration failed: {}", ue, e.getMessage());
            count("amf_error");
            return;
        }
        for (UeAction action : result.actions()) {
            execute(ue, action);
        }
        if ("REGISTERED".equals(result.gmmState())) {
            Long started = registrationStarted.remove(ue.amfUeNgapId);
            if (started != null) {
                registrationSuccess.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
            registered.add(ue);
            count("registered");
        }
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
            case UeAction.SendNas s -> {
                byte[] pdu = protect(ue, NasCodec.encode(NasMapping.toGmm(s.message())), s.protection());
                ue.ran.sendUeAssociated(new NasTransport.DownlinkNasTransport(ue.amfUeNgapId, ue.ranUeNgapId, null, NgapMessage.ABSENT,
                        Octets.wrap(pdu), null, null, List.of()), ue.ranUeNgapId);
            }
            case UeAction.InitialContextSetup ics -> {
                byte[] pdu = protect(ue, NasCodec.encode(NasMapping.toGmm(ics.nas())), UeAction.Protection.PROTECTED);
                // TS 33.501 A.9: KgNB from KAMF and the uplink NAS COUNT of the last message (the Security Mode Complete)
                byte[] kgnb = KeyHierarchy.kgnb(ue.kamf, Math.max(ue.lastUlCount, 0), AccessType.THREE_GPP);
                var caps = ics.ueSecurityCapability();
                UeSecurityCapabilities ngapCaps = new UeSecurityCapabilities(((caps.ea() & 0x70) << 9), ((caps.ia() & 0x70) << 9), 0, 0);
                ue.ran.sendUeAssociated(new InitialContextSetup.Request(ue.amfUeNgapId, ue.ranUeNgapId, null, null, guami, null,
                        ics.allowedNssai().stream().map(s -> new io.liquid5gc.ngap.ie.SNssai(s.sst(),
                                s.sd() == null ? io.liquid5gc.ngap.ie.SNssai.NO_SD : Integer.parseInt(s.sd(), 16))).toList(),
                        ngapCaps, Octets.wrap(kgnb), null, NgapMessage.ABSENT, null, Octets.wrap(pdu), List.of()), ue.ranUeNgapId);
            }
            case UeAction.ReleaseUe r -> {
                Cause cause = switch (r.nasCause()) {
                    case "authentication-failure" -> CauseNas.AUTHENTICATION_FAILURE;
                    case "deregister" -> CauseNas.DEREGISTER;
                    default -> CauseNas.NORMAL_RELEASE;
                };
                registrationStarted.remove(ue.amfUeNgapId);
                count("released_" + r.nasCause().replace('-', '_'));
                ue.ran.sendUeAssociated(new UeContextRelease.Command(new UeNgapIds.Pair(ue.amfUeNgapId, ue.ranUeNgapId), cause, List.of()),
                        ue.ranUeNgapId);
            }
            default -> log.warn("{}: {} is not executed by this build yet", ue, action.getClass().getSimpleName());
        }
    }

    /** Applies the protection the AMF asked for (TS 24.501 4.4.4, 4.4.5, 9.3.1). */
    private byte[] protect(UeN2 ue, byte[] plain, UeAction.Protection protection) {
        if (protection == UeAction.Protection.NEW_CONTEXT_INTEGRITY) {
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
        ue.kamf = Hex.decode(c.kamf());
        NasKeys keys = KeyHierarchy.nasKeys(ue.kamf, c.cipheringAlgorithm(), c.integrityAlgorithm());
        ue.protection = new NasProtection(CipheringAlgorithm.fromCode(c.cipheringAlgorithm()), keys.encryptionKey(),
                IntegrityAlgorithm.fromCode(c.integrityAlgorithm()), keys.integrityKey());
        ue.dlCount = 0;
        ue.lastUlCount = -1;
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
