package io.liquid5gc.runtime.metering;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.FunctionSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The metering of this process: per tenant and function, Prometheus counters
 * ({@code liquid5gc_metering_invocations_total}, {@code liquid5gc_metering_execution_seconds_total},
 * {@code liquid5gc_metering_gb_seconds_total}, each tagged tenant, nf, function) and the usage ledger: per ledger bucket
 * ({@code liquid5gc.metering.bucket}) the same three figures in {@link LongAdder}s, added to the store's counters
 * ({@link UsageLedger}) by {@link #flush}, so that every replica's usage ends in one ledger and survives the process.
 *
 * <p>The hot path ({@link #record}) is two map look-ups, three counter and three adder increments; nothing is written
 * to the store on it.
 */
public final class TenantMeter implements InvocationMeter {

    private final MeterRegistry meters;
    private final MeteringProperties properties;
    private final Tenants tenants;
    private final Clock clock;
    private final long granularityNanos;
    private final long bucketMillis;
    private final Map<String, Map<String, Cell>> cells = new ConcurrentHashMap<>();
    /** Slots closed by the flush before the last one: written once more (what arrived late) and then dropped. */
    private List<Slot> closing = List.of();

    public TenantMeter(MeterRegistry meters, MeteringProperties properties, Tenants tenants, Clock clock) {
        this.meters = meters;
        this.properties = properties;
        this.tenants = tenants;
        this.clock = clock;
        this.granularityNanos = properties.granularity().toNanos();
        this.bucketMillis = properties.bucket().toMillis();
    }

    @Override
    public void record(FunctionSpec<?, ?> function, String tenant, long nanos) {
        Map<String, Cell> byTenant = cells.get(function.name());
        if (byTenant == null) {
            byTenant = cells.computeIfAbsent(function.name(), k -> new ConcurrentHashMap<>());
        }
        Cell cell = byTenant.get(tenant);
        if (cell == null) {
            cell = byTenant.computeIfAbsent(tenant, t -> new Cell(function, t));
        }
        long billed = (nanos + granularityNanos - 1) / granularityNanos * granularityNanos;
        cell.invocations.increment();
        cell.execution.increment(nanos / 1e9);
        cell.gbSeconds.increment(cell.gb * (billed / 1e9));
        long now = clock.millis();
        Slot slot = cell.slot(now - Math.floorMod(now, bucketMillis));
        slot.invocations.increment();
        slot.nanos.add(nanos);
        slot.mbMicros.add(cell.memoryMb * (billed / 1000));
    }

    @Override
    public boolean isKnownTenant(String tenant) {
        return tenants.isKnown(tenant);
    }

    /** The configured tenants. */
    public Tenants tenants() {
        return tenants;
    }

    public MeteringProperties properties() {
        return properties;
    }

    /**
     * Adds what this process metered since the last flush to the ledger in {@code store}. Safe to call from several
     * threads (one at a time does the work); at most one flush interval of usage is in this process only.
     */
    public synchronized void flush(KeyValueStore store) {
        List<Slot> closedNow = new ArrayList<>();
        List<Slot> open = new ArrayList<>();
        for (Map<String, Cell> byTenant : cells.values()) {
            for (Cell c : byTenant.values()) {
                for (Slot s; (s = c.closed.poll()) != null; ) {
                    closedNow.add(s);
                }
                Slot current = c.current.get();
                if (current != null) {
                    open.add(current);
                }
            }
        }
        for (Slot s : closing) {
            UsageLedger.add(store, s);
        }
        for (Slot s : closedNow) {
            UsageLedger.add(store, s);
        }
        for (Slot s : open) {
            UsageLedger.add(store, s);
        }
        closing = closedNow;
    }

    /** One function's figures for one tenant. */
    private final class Cell {
        final Counter invocations;
        final Counter execution;
        final Counter gbSeconds;
        final int memoryMb;
        final double gb;
        final String function;
        final String tenant;
        final AtomicReference<Slot> current = new AtomicReference<>();
        final ConcurrentLinkedQueue<Slot> closed = new ConcurrentLinkedQueue<>();

        Cell(FunctionSpec<?, ?> spec, String tenant) {
            this.function = spec.name();
            this.tenant = tenant;
            this.memoryMb = properties.memoryMbOf(spec.name(), spec.nf().key());
            this.gb = memoryMb / 1024.0;
            String nf = spec.nf().key();
            this.invocations = Counter.builder("liquid5gc.metering.invocations")
                    .description("Function invocations billed to a tenant")
                    .tag("tenant", tenant).tag("nf", nf).tag("function", function).register(meters);
            this.execution = Counter.builder("liquid5gc.metering.execution").baseUnit("seconds")
                    .description("Execution time of the function invocations billed to a tenant")
                    .tag("tenant", tenant).tag("nf", nf).tag("function", function).register(meters);
            this.gbSeconds = Counter.builder("liquid5gc.metering.gb.seconds")
                    .description("GB-seconds (configured memory x billed duration) of the invocations billed to a tenant")
                    .tag("tenant", tenant).tag("nf", nf).tag("function", function).register(meters);
        }

        Slot slot(long bucketStartMillis) {
            Slot s = current.get();
            while (s == null || s.bucketStartMillis != bucketStartMillis) {
                Slot next = new Slot(bucketStartMillis, tenant, function);
                if (current.compareAndSet(s, next)) {
                    if (s != null) {
                        closed.add(s);
                    }
                    return next;
                }
                s = current.get();
            }
            return s;
        }
    }

    /** The usage of one function for one tenant in one ledger bucket, not yet in the store. */
    static final class Slot {
        final long bucketStartMillis;
        final String tenant;
        final String function;
        final LongAdder invocations = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAdder mbMicros = new LongAdder();

        Slot(long bucketStartMillis, String tenant, String function) {
            this.bucketStartMillis = bucketStartMillis;
            this.tenant = tenant;
            this.function = function;
        }
    }
}
