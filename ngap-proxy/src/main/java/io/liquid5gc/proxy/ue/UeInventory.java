package io.liquid5gc.proxy.ue;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.amf.AmfStoreKeys;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.sbi.amf.UeContextSummary;
import io.liquid5gc.sbi.amf.UeLocation;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.smf.SmfStoreKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The operator's read-only view of the UEs: the AMF's UE contexts in the store ({@link UeContextSummary}: 5GMM state,
 * SUPI, 5G-GUTI, allowed NSSAI), each with its N2 side (CM-CONNECTED with this proxy's connection, or one another
 * replica stored in {@link UeState}; else CM-IDLE, TS 23.501 5.3.3.2) and its PDU sessions (the AMF's session list,
 * the UE address from the SMF's SM context). Only summary records are read from the documents: no key (KAMF, NAS
 * keys, K) can get into it. Bounded by {@code limit}; a scan of the AMF's contexts (on Redis a pass over the keyspace).
 */
public final class UeInventory {

    /** TS 23.501 5.3.3.2: whether the UE has an N2 connection. */
    public enum CmState { CONNECTED, IDLE }

    public record PduSession(int pduSessionId, String dnn, Snssai sNssai, String upState, String ueAddress) {
    }

    /**
     * @param gnb              the serving gNB ({@code gnb-<id hex>}) when CM-CONNECTED
     * @param amfUeNgapId      the current connection's AMF UE NGAP ID when CM-CONNECTED
     * @param atThisProxy      whether the connection is at this proxy replica
     */
    public record Ue(String contextId, String supi, GmmState gmmState, CmState cmState, String guti, String gnb, Long amfUeNgapId,
                     Long ranUeNgapId, boolean atThisProxy, UeLocation location, List<Snssai> allowedNssai, List<PduSession> pduSessions) {
    }

    private final UeConnections connections;
    private final KeyValueStore store;
    private final ObjectMapper json;
    private final UeMetrics metrics;

    UeInventory(UeConnections connections, KeyValueStore store, ObjectMapper json, UeMetrics metrics) {
        this.connections = connections;
        this.store = store;
        this.json = json;
        this.metrics = metrics;
    }

    /** At most {@code limit} UEs, in the order of their context ids in the store. */
    public List<Ue> list(int limit) {
        List<Ue> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : store.scan(AmfStoreKeys.UE_CONTEXT_PREFIX, Math.max(limit, 0)).entrySet()) {
            UeContextSummary amf;
            try {
                amf = json.readValue(e.getValue(), UeContextSummary.class);
            } catch (JacksonException unreadable) {
                continue; // a context being written in another form is shown at the next refresh
            }
            String contextId = e.getKey().substring(AmfStoreKeys.UE_CONTEXT_PREFIX.length());
            out.add(ue(contextId, amf));
        }
        return out;
    }

    /** The recent procedures and events (newest first). */
    public List<RecentProcedures.Entry> recent(int limit) {
        return metrics.recent().latest(limit);
    }

    private Ue ue(String contextId, UeContextSummary amf) {
        UeN2 here = connections.byContextId(contextId);
        String gnb = null;
        Long amfId = null;
        Long ranId = null;
        UeLocation location = null;
        boolean atThisProxy = false;
        // fields of another thread's UeN2 are read as they are now: a view, not a decision
        if (here != null && here.ran != null && connections.isCurrent(here)) {
            gnb = here.ran.describe();
            amfId = here.amfUeNgapId;
            ranId = here.ranUeNgapId;
            location = here.location;
            atThisProxy = true;
        } else {
            UeState stored = connections.load(contextId);
            if (stored != null && stored.ran() != null) {
                gnb = stored.ran();
                amfId = stored.amfUeNgapId();
                ranId = stored.ranUeNgapId();
                location = stored.location();
            } else if (stored != null) {
                location = stored.location();
            }
        }
        return new Ue(contextId, amf.supi(), amf.state(), gnb == null ? CmState.IDLE : CmState.CONNECTED, amf.guti(), gnb, amfId, ranId,
                atThisProxy, location, amf.allowedNssai(), sessions(contextId));
    }

    private List<PduSession> sessions(String contextId) {
        UeContextSummary.Sessions sessions = store.get(AmfStoreKeys.sessions(contextId)).map(b -> {
            try {
                return json.readValue(b, UeContextSummary.Sessions.class);
            } catch (JacksonException e) {
                return null;
            }
        }).orElse(null);
        if (sessions == null) {
            return List.of();
        }
        List<PduSession> out = new ArrayList<>();
        sessions.sessions().values().stream().sorted(java.util.Comparator.comparingInt(UeContextSummary.Session::pduSessionId)).forEach(s -> {
            String address = s.smContextRef() == null ? null : store.get(SmfStoreKeys.smContext(s.smContextRef())).map(b -> {
                try {
                    return json.readValue(b, SmfStoreKeys.SmContextSummary.class).ueIpv4();
                } catch (JacksonException e) {
                    return null;
                }
            }).orElse(null);
            out.add(new PduSession(s.pduSessionId(), s.dnn(), s.sNssai(), s.upState(), address));
        });
        return out;
    }
}
