package io.liquid5gc.proxy.ue;

import io.liquid5gc.nas.NasMessage;
import io.liquid5gc.nas.NasPdu;
import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.ngap.ie.FiveGSTmsi;
import io.liquid5gc.ngap.ie.Guami;
import io.liquid5gc.proxy.n2.RanLink;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.amf.AmfStoreKeys;
import io.liquid5gc.sbi.amf.FiveGGuti;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.security.Hex;
import io.micrometer.core.instrument.Gauge;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * The UE-associated N2 connections of this proxy and their persistence: the table by AMF UE NGAP ID, the serial
 * executor per UE (its messages in order, different UEs concurrently, on virtual threads), the allocation of AMF UE
 * NGAP IDs (TS 38.413 9.3.3.1) from the store, and the {@link UeState} written to the store so that a restarted proxy
 * or another replica carries on: restore by NGAP ids, resume by 5G-GUTI or 5G-S-TMSI (TS 24.501 4.4.2.1).
 */
final class UeConnections {

    private static final Logger log = LoggerFactory.getLogger(UeConnections.class);
    /** TS 38.413 9.3.3.1: AMF UE NGAP ID is 0..2^40-1. */
    private static final long AMF_UE_NGAP_ID_SPACE = 1L << 40;
    private static final Duration STATE_TTL = Duration.ofDays(2);

    private final KeyValueStore store;
    private final ObjectMapper json;
    private final Guami guami;
    private final UeNasSecurity security;
    private final UeMetrics metrics;
    private final SerialExecutor serial = new SerialExecutor(Executors.newVirtualThreadPerTaskExecutor());
    private final Map<Long, UeN2> ues = new ConcurrentHashMap<>();
    /** Keys (negative, never an AMF UE NGAP ID) for the first task of each new UE. */
    private final AtomicLong initialSequence = new AtomicLong();

    UeConnections(KeyValueStore store, ObjectMapper json, Guami guami, UeNasSecurity security, UeMetrics metrics) {
        this.store = store;
        this.json = json;
        this.guami = guami;
        this.security = security;
        this.metrics = metrics;
        Gauge.builder("liquid5gc.proxy.ues", ues, Map::size)
                .description("UE contexts (UE-associated N2 connections) at this proxy").register(metrics.registry());
        Gauge.builder("liquid5gc.proxy.ues.registered", ues, m -> m.values().stream().filter(u -> u.registered).count())
                .description("UEs with an N2 connection at this proxy that completed registration").register(metrics.registry());
    }

    // ---- the table ----

    UeN2 get(long amfUeNgapId) {
        return ues.get(amfUeNgapId);
    }

    int size() {
        return ues.size();
    }

    boolean contains(long amfUeNgapId) {
        return ues.containsKey(amfUeNgapId);
    }

    /** Whether {@code ue} is (still) the UE of this connection. */
    boolean isCurrent(UeN2 ue) {
        return ues.get(ue.amfUeNgapId) == ue;
    }

    /** Puts a connection of the UE in the table and the store's index from its AMF UE NGAP ID to the UE context. */
    void add(long amfUeNgapId, UeN2 ue) {
        ues.put(amfUeNgapId, ue);
        store.put(UeState.idKey(amfUeNgapId), ue.contextId.getBytes(StandardCharsets.UTF_8), STATE_TTL);
    }

    /** Removes a connection of the UE from the table and the store's index (when it is still this UE's). */
    void remove(long amfUeNgapId, UeN2 ue) {
        ues.remove(amfUeNgapId, ue);
        try {
            store.delete(UeState.idKey(amfUeNgapId));
        } catch (io.liquid5gc.runtime.store.StoreException e) {
            log.debug("index of AMF UE NGAP ID {} left to expire ({}): {}", amfUeNgapId, STATE_TTL, e.getMessage());
        }
    }

    /** Forgets a connection here only (the store keeps it for another replica). */
    void forget(long amfUeNgapId) {
        ues.remove(amfUeNgapId);
    }

    /** Forgets every UE reached through a RAN node (NG Reset, association lost); how many. */
    int forgetAll(RanLink ran) {
        int n = 0;
        for (var it = ues.values().iterator(); it.hasNext(); ) {
            if (it.next().ran == ran) {
                it.remove();
                n++;
            }
        }
        return n;
    }

    /** A new AMF UE NGAP ID, unique across replicas (a counter in the store). */
    long allocateAmfUeNgapId() {
        return Math.floorMod(store.increment("proxy/amf-ue-ngap-id", 1), AMF_UE_NGAP_ID_SPACE);
    }

    /** The UE's connection at this proxy, by its context id, or null. */
    UeN2 byContextId(String contextId) {
        return ues.values().stream().filter(u -> u.contextId.equals(contextId)).findFirst().orElse(null);
    }

    /** The AMF's UE context id of a SUPI (its index in the AMF's store), or null. */
    String contextIdOfSupi(String supi) {
        return text(AmfStoreKeys.supi(supi));
    }

    /** The UE with this SUPI held here (through the AMF's SUPI index), or null. */
    UeN2 bySupi(String supi) {
        String contextId = contextIdOfSupi(supi);
        return contextId == null ? null : byContextId(contextId);
    }

    private String text(String key) {
        return store.get(key).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
    }

    // ---- the serial executors ----

    /** Tells {@code meter} of every UE task (overload control's admission limit). */
    void meterWork(io.liquid5gc.proxy.overload.WorkMeter meter) {
        serial.meter(meter);
    }

    /** Runs a task on the executor of an existing UE. */
    void submit(UeN2 ue, Runnable task) {
        serial.submit(ue.serialKey, task);
    }

    /** Runs the first task of a UE not in the table yet on an executor of its own. */
    void submitNew(Runnable task) {
        serial.submit(-initialSequence.incrementAndGet(), task);
    }

    /**
     * Runs {@code task} on the UE's serial executor; a UE not in memory is loaded from the store first (a connection
     * of another replica, or from before this proxy restarted: TS 38.413 keeps the ids, the gNB re-connected);
     * {@code unknownIds} runs when the ids are known nowhere (the caller answers an Error Indication, TS 38.413 10.6).
     */
    void withUe(long amfUeNgapId, long ranUeNgapId, RanLink from, Runnable unknownIds, Consumer<UeN2> task) {
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

    // ---- persistence ----

    /** A UE connection from the store, re-attached to the RAN node it came from. */
    private UeN2 restore(long amfUeNgapId, long ranUeNgapId, RanLink from) {
        String contextId = text(UeState.idKey(amfUeNgapId));
        UeState state = contextId == null ? null : load(contextId);
        if (state == null || state.amfUeNgapId() != amfUeNgapId || state.ranUeNgapId() != ranUeNgapId) {
            return null;
        }
        UeN2 ue = new UeN2(amfUeNgapId, ranUeNgapId, from, state.location());
        apply(ue, state);
        ues.put(amfUeNgapId, ue);
        log.info("{} restored from the store", ue);
        metrics.count("restored");
        return ue;
    }

    /**
     * A UE on a new N2 connection that names its 5G-S-TMSI (the INITIAL UE MESSAGE's IE, TS 38.413 9.3.3.20) or its
     * 5G-GUTI in a cleartext NAS message: when the AMF knows that GUTI, the UE's context, NAS security context and
     * COUNTs carry on (TS 24.501 4.4.2.1: the context is kept in CM-IDLE).
     */
    void resumeKnownUe(UeN2 ue, FiveGSTmsi sTmsi, byte[] nas) {
        FiveGGuti guti = null;
        if (sTmsi != null) {
            guti = ownGuti(sTmsi.amfSetId(), sTmsi.amfPointer(), sTmsi.fiveGTmsi());
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
                guti = NasMapping.fiveGGuti(g);
            } else if (id instanceof MobileIdentity.STmsi t) {
                guti = ownGuti(t.amfSetId(), t.amfPointer(), t.tmsi() & 0xFFFFFFFFL);
            }
        }
        if (guti == null) {
            return;
        }
        String contextId = text(AmfStoreKeys.guti(guti));
        if (contextId == null) {
            return;
        }
        UeState state = load(contextId);
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

    /** The 5G-GUTI of a 5G-S-TMSI (TS 23.003 2.10.1: set, pointer and 5G-TMSI) in this AMF's PLMN and region. */
    private FiveGGuti ownGuti(int setId, int pointer, long tmsi) {
        return new FiveGGuti(new PlmnId(guami.plmn().mcc(), guami.plmn().mnc()), guami.amfRegionId(), setId, pointer, tmsi);
    }

    UeState load(String contextId) {
        return store.get(UeState.key(contextId)).map(b -> json.readValue(b, UeState.class)).orElse(null);
    }

    /** Takes the stored state and the AMF's current NAS security context (keys derived again, TS 33.501 A.8). */
    void apply(UeN2 ue, UeState state) {
        ue.registered = state.registered();
        ue.nh = state.nh() == null ? null : Hex.decode(state.nh());
        ue.ncc = state.ncc();
        ue.commonProcedureOwner = AmfRouting.ownerNamed(state.commonProcedureOwner());
        ue.tenant = state.tenant();
        if (ue.location == null) {
            ue.location = state.location();
        }
        security.resume(ue, state.dlCount(), state.lastUlCount());
    }

    void persist(UeN2 ue) {
        store.put(UeState.key(ue.contextId), json.writeValueAsBytes(ue.state()), STATE_TTL);
    }
}
