package io.liquid5gc.smf;

import io.liquid5gc.runtime.store.KeyValueStore;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Allocates unique offsets in a pool of {@code size} (UE addresses, TEIDs) with the store's atomic operations only, so
 * that any number of SMF replicas can allocate at once: a {@code #used} counter reserves capacity (at most {@code size}
 * reservations), a {@code #next} counter spreads the allocators over the pool, and each offset is claimed by a
 * compare-and-set of its key ({@code <pool>/<offset>}, absent → owner). Freeing deletes the claim (only by its owner) and
 * gives the reservation back; freed offsets are reused when {@code #next} comes round again.
 */
final class PoolAllocator {

    private final KeyValueStore store;

    PoolAllocator(KeyValueStore store) {
        this.store = store;
    }

    /** An offset claimed for {@code owner}, or empty when the pool is exhausted. */
    OptionalLong allocate(String pool, long size, String owner) {
        byte[] value = owner.getBytes(StandardCharsets.UTF_8);
        long used = store.increment(pool + "/#used", 1);
        if (used > size) {
            store.increment(pool + "/#used", -1);
            return OptionalLong.empty();
        }
        try {
            // With a reservation held, a free offset exists; the bound only guards against a drifted #used counter.
            long maxProbes = size + 1024;
            for (long probe = 0; probe < maxProbes; probe++) {
                long n = store.increment(pool + "/#next", 1) - 1;
                long offset = Math.floorMod(n, size);
                if (store.compareAndSet(pool + "/" + offset, null, value, null)) {
                    return OptionalLong.of(offset);
                }
            }
        } catch (RuntimeException e) {
            store.increment(pool + "/#used", -1);
            throw e;
        }
        store.increment(pool + "/#used", -1);
        return OptionalLong.empty();
    }

    /** Frees an offset if {@code owner} holds it; true when it did. */
    boolean free(String pool, long offset, String owner) {
        String key = pool + "/" + offset;
        byte[] value = owner.getBytes(StandardCharsets.UTF_8);
        byte[] current = store.get(key).orElse(null);
        if (current == null || !Arrays.equals(current, value)) {
            return false;
        }
        if (store.compareAndSet(key, value, null, null)) {
            store.increment(pool + "/#used", -1);
            return true;
        }
        return false;
    }

    /** How many offsets are reserved now. */
    long used(String pool) {
        return store.get(pool + "/#used").map(b -> Long.parseLong(new String(b, StandardCharsets.US_ASCII).trim())).orElse(0L);
    }
}
