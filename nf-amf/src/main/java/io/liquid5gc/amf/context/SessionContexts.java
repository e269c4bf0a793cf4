package io.liquid5gc.amf.context;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.amf.AmfStoreKeys;
import io.liquid5gc.sbi.common.ProblemException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.databind.ObjectMapper;

/** The PDU sessions of each UE in the store under {@link AmfStoreKeys#sessions}, written with compare-and-set. */
public final class SessionContexts {

    private final KeyValueStore store;
    private final ObjectMapper json;
    private final Duration ttl;

    public SessionContexts(KeyValueStore store, ObjectMapper json, Duration ttl) {
        this.store = store;
        this.json = json;
        this.ttl = ttl;
    }

    public UeSessions load(String ueContextId) {
        return store.get(key(ueContextId)).map(b -> json.readValue(b, UeSessions.class)).orElse(UeSessions.none());
    }

    /** Applies a change to the UE's sessions atomically (retrying when another writer got in first) and returns the result. */
    public UeSessions update(String ueContextId, UnaryOperator<UeSessions> change) {
        for (int attempt = 0; attempt < 8; attempt++) {
            Optional<byte[]> raw = store.get(key(ueContextId));
            UeSessions current = raw.map(b -> json.readValue(b, UeSessions.class)).orElse(UeSessions.none());
            UeSessions next = change.apply(current);
            byte[] bytes = json.writeValueAsBytes(next);
            if (raw.isPresent() && Arrays.equals(raw.get(), bytes)) {
                return next;
            }
            if (store.compareAndSet(key(ueContextId), raw.orElse(null), bytes, ttl)) {
                return next;
            }
        }
        throw new ProblemException(409, "Conflict", "UE_CONTEXT_CONFLICT", "the PDU sessions of UE " + ueContextId + " keep changing");
    }

    public void clear(String ueContextId) {
        store.delete(key(ueContextId));
    }

    private static String key(String id) {
        return AmfStoreKeys.sessions(id);
    }
}
