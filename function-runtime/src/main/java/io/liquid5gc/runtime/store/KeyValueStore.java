package io.liquid5gc.runtime.store;

import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.UnaryOperator;

/**
 * The state store every function keeps its state in (the role of the UDSF, TS 29.598): UE contexts,
 * sessions, authentication state, subscribers, counters, and (as a second instance) the NRF registry.
 * Implementations: in-process (the embedded default), Redis, etcd. One behavioural suite, the store
 * compatibility kit, runs against each.
 *
 * <p>Keys are strings; '/' separates levels by convention ("ue/imsi-001010000000001"). A {@code ttl} of
 * {@code null} or zero means the entry never expires. Counters live in their own keys, whose value is the
 * decimal ASCII text of the count.
 */
public interface KeyValueStore extends AutoCloseable {

    /** How many times {@link #update} retries when another writer got in between. */
    int MAX_UPDATE_ATTEMPTS = 64;

    Optional<byte[]> get(String key);

    /** Writes unconditionally. */
    void put(String key, byte[] value, Duration ttl);

    default void put(String key, byte[] value) {
        put(key, value, null);
    }

    /**
     * Atomically replaces the value when the current one equals {@code expected}.
     *
     * @param expected the value that must be there, or {@code null} for "the key must be absent"
     * @param value    the new value, or {@code null} to delete the key
     * @return true when the swap happened
     */
    boolean compareAndSet(String key, byte[] expected, byte[] value, Duration ttl);

    /**
     * Atomically reads, transforms and writes: the function may run more than once when writers race, so it
     * must have no side effects. It receives empty when the key is absent and returns empty to delete it.
     *
     * @return the value written (empty when deleted)
     * @throws StoreException when the key stays contended for {@link #MAX_UPDATE_ATTEMPTS} attempts
     */
    default Optional<byte[]> update(String key, UnaryOperator<Optional<byte[]>> function, Duration ttl) {
        for (int attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
            Optional<byte[]> current = get(key);
            Optional<byte[]> next = function.apply(current);
            if (compareAndSet(key, current.orElse(null), next.orElse(null), ttl)) {
                return next;
            }
            if (attempt > 8) {
                Thread.onSpinWait();
            }
        }
        throw new StoreException("update of " + key + " still contended after " + MAX_UPDATE_ATTEMPTS + " attempts");
    }

    /** Deletes the key; true when it was there. */
    boolean delete(String key);

    /** The entries whose key starts with {@code prefix}, in key order, at most {@code limit} of them. */
    SortedMap<String, byte[]> scan(String prefix, int limit);

    /** Atomically adds {@code delta} to the counter at {@code key} (absent counts as 0) and returns the new value. */
    long increment(String key, long delta);

    /**
     * A counter and a marker key moved together, as one atomic step: when {@code marker} holds {@code expected}
     * ({@code null}: the marker is absent) and, for a positive {@code delta}, the counter plus {@code delta} is not
     * above {@code limit} ({@code null}: no limit), adds {@code delta} to the counter (absent counts as 0; the result
     * never goes below zero, a counter that was reset under live markers stays at 0) and sets the marker to
     * {@code value} ({@code null}: deletes it; no expiry). Otherwise writes nothing. This is how a count is taken once per
     * member (a UE admitted to a slice) with no window in which a process that dies leaves the count and the marker
     * disagreeing.
     *
     * <p>The marker and the counter must be able to live together: in Redis Cluster in one slot, which is their last
     * '/' segment ({@code nsacf/count/ue/1-010203} and {@code nsacf/ue/imsi-001010000000001/1-010203}), and neither
     * under an indexed prefix; a pair that cannot is refused with a {@link StoreException}.
     *
     * @return the outcome, with the new count when counted and the current one when not
     */
    MarkedCount countMarked(String counter, long delta, Long limit, String marker, byte[] expected, byte[] value);

    /**
     * A round trip to the server (Redis PING, an etcd read of one key): returns when it answers, throws
     * {@link StoreUnavailableException} when it does not. Used to watch a connection ({@link StoreConnection}).
     */
    default void ping() {
        get("");
    }

    /**
     * Runs {@code work} once the store answers: at once for a store that is connected (on this thread, its exceptions
     * thrown here), else after the connection is made, before the NF is reported ready ({@link StoreConnection}). For
     * start-time work that reads or writes the store (a check of stored data, an import).
     *
     * @param what what the work is, for logs and health ("default subscribers import")
     */
    default void onConnected(String what, Runnable work) {
        work.run();
    }

    /** A short description for logs and health ("memory", "redis://host:port", "etcd http://host:2379"). */
    String describe();

    @Override
    default void close() {
    }
}
