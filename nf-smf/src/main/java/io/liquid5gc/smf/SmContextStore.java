package io.liquid5gc.smf;

import io.liquid5gc.runtime.store.KeyValueStore;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.databind.ObjectMapper;

/** SM contexts in the state store at {@code smf/ctx/<smContextRef>}. */
final class SmContextStore {

    private final KeyValueStore store;
    private final ObjectMapper json;

    SmContextStore(KeyValueStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    Optional<SmContext> find(String ref) {
        return store.get(keyOf(ref)).map(b -> json.readValue(b, SmContext.class));
    }

    /** Stores a new context; false when one with the same ref exists (a concurrent establishment won). */
    boolean create(SmContext ctx) {
        return store.compareAndSet(keyOf(ctx.smContextRef()), null, json.writeValueAsBytes(ctx), null);
    }

    /** Applies a change atomically; empty when the context is gone. */
    Optional<SmContext> update(String ref, UnaryOperator<SmContext> change) {
        return store.update(keyOf(ref), current -> current.map(b -> json.writeValueAsBytes(change.apply(json.readValue(b, SmContext.class)))), null)
                .map(b -> json.readValue(b, SmContext.class));
    }

    /** Removes the context if it is still {@code expected}; false when another release got there first. */
    boolean remove(SmContext expected) {
        String key = keyOf(expected.smContextRef());
        Optional<byte[]> current = store.get(key);
        return current.isPresent() && json.readValue(current.get(), SmContext.class).equals(expected)
                && store.compareAndSet(key, current.get(), null, null);
    }

    static String keyOf(String ref) {
        return io.liquid5gc.sbi.smf.SmfStoreKeys.smContext(ref);
    }
}
