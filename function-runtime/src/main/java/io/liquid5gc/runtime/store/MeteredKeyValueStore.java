package io.liquid5gc.runtime.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Times every store operation as {@code liquid5gc.store.operations} tagged with store, backend, op and outcome. */
public final class MeteredKeyValueStore implements KeyValueStore {

    private enum Op { GET, PUT, CAS, UPDATE, DELETE, SCAN, INCREMENT, COUNT_MARKED }

    private final KeyValueStore delegate;
    private final Timer[] ok = new Timer[Op.values().length];
    private final Timer[] failed = new Timer[Op.values().length];

    public MeteredKeyValueStore(KeyValueStore delegate, String storeName, String backend, MeterRegistry meters) {
        this.delegate = delegate;
        for (Op op : Op.values()) {
            ok[op.ordinal()] = timer(meters, storeName, backend, op, "success");
            failed[op.ordinal()] = timer(meters, storeName, backend, op, "error");
        }
    }

    private static Timer timer(MeterRegistry meters, String store, String backend, Op op, String outcome) {
        return Timer.builder("liquid5gc.store.operations")
                .description("State store operations")
                .tag("store", store).tag("backend", backend)
                .tag("op", op.name().toLowerCase(java.util.Locale.ROOT)).tag("outcome", outcome)
                .register(meters);
    }

    public KeyValueStore delegate() {
        return delegate;
    }

    private <T> T timed(Op op, Supplier<T> action) {
        long start = System.nanoTime();
        try {
            T result = action.get();
            ok[op.ordinal()].record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            return result;
        } catch (RuntimeException e) {
            failed[op.ordinal()].record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            throw e;
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        return timed(Op.GET, () -> delegate.get(key));
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        timed(Op.PUT, () -> {
            delegate.put(key, value, ttl);
            return null;
        });
    }

    @Override
    public boolean compareAndSet(String key, byte[] expected, byte[] value, Duration ttl) {
        return timed(Op.CAS, () -> delegate.compareAndSet(key, expected, value, ttl));
    }

    @Override
    public Optional<byte[]> update(String key, UnaryOperator<Optional<byte[]>> function, Duration ttl) {
        return timed(Op.UPDATE, () -> delegate.update(key, function, ttl));
    }

    @Override
    public boolean delete(String key) {
        return timed(Op.DELETE, () -> delegate.delete(key));
    }

    @Override
    public SortedMap<String, byte[]> scan(String prefix, int limit) {
        return timed(Op.SCAN, () -> delegate.scan(prefix, limit));
    }

    @Override
    public long increment(String key, long delta) {
        return timed(Op.INCREMENT, () -> delegate.increment(key, delta));
    }

    @Override
    public MarkedCount countMarked(String counter, long delta, Long limit, String marker, byte[] expected, byte[] value) {
        return timed(Op.COUNT_MARKED, () -> delegate.countMarked(counter, delta, limit, marker, expected, value));
    }

    @Override
    public void ping() {
        delegate.ping();
    }

    @Override
    public void onConnected(String what, Runnable work) {
        delegate.onConnected(what, work);
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
