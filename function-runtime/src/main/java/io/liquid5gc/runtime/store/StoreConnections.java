package io.liquid5gc.runtime.store;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The Redis and etcd stores of this process ({@link StoreConnection}s; in-process stores have none): what readiness
 * ({@link StoreHealthIndicator}) and the gauge {@code liquid5gc.store.connected{store}} (1 when UP) report.
 */
public final class StoreConnections {

    private final List<StoreConnection> all = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final MeterRegistry meters;
    private final Consumer<StoreConnection.Status> onGiveUp;

    /** @param onGiveUp told when a connection gives up (the runtime reports the process broken: liveness DOWN) */
    public StoreConnections(Clock clock, MeterRegistry meters, Consumer<StoreConnection.Status> onGiveUp) {
        this.clock = clock;
        this.meters = meters;
        this.onGiveUp = onGiveUp;
    }

    /**
     * Connects a store of {@code factory}'s type for {@code purpose}: the first attempt now, then in the background.
     *
     * @throws StoreException when the first attempt finds a configuration error
     */
    public StoreConnection open(String purpose, KeyValueStoreFactory factory, StoreProperties settings) {
        StoreConnection c = new StoreConnection(purpose, factory.type(), factory.where(), () -> factory.create(purpose),
                settings.startTimeout(), settings.checkInterval(), clock, onGiveUp);
        c.start();
        all.add(c);
        Gauge.builder("liquid5gc.store.connected", c, x -> x.state() == StoreConnection.State.UP ? 1 : 0)
                .description("1 when the store answers (readiness UP), 0 while it is connecting, starting, lost or given up")
                .tag("store", purpose).tag("backend", factory.type())
                .register(meters);
        return c;
    }

    public List<StoreConnection.Status> statuses() {
        return all.stream().map(StoreConnection::status).toList();
    }

    /** Whether every store answers (true when there are none: in-process stores are always there). */
    public boolean allUp() {
        return all.stream().allMatch(c -> c.state() == StoreConnection.State.UP);
    }
}
