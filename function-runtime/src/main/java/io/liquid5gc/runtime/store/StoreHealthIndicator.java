package io.liquid5gc.runtime.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health contributor {@code stores}, in the readiness group ({@code management.endpoint.health.group.readiness.include},
 * a default of every process): UP when every Redis/etcd store of the process answers, DOWN while one is connecting,
 * starting, lost or given up. It reads the connections' state (the pings are theirs), so a probe never waits for a
 * store. Details per store: state, server (no credentials), since, last error, failed attempts.
 */
public final class StoreHealthIndicator implements HealthIndicator {

    private final StoreConnections connections;

    public StoreHealthIndicator(StoreConnections connections) {
        this.connections = connections;
    }

    @Override
    public Health health() {
        Health.Builder health = connections.allUp() ? Health.up() : Health.down();
        var statuses = connections.statuses();
        if (statuses.isEmpty()) {
            health.withDetail("stores", "in-process");
        }
        for (StoreConnection.Status s : statuses) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("state", s.state().name());
            d.put("store", s.store());
            d.put("since", s.since().toString());
            if (s.lastError() != null) {
                d.put("lastError", s.lastError());
            }
            if (s.failedAttempts() > 0) {
                d.put("failedAttempts", s.failedAttempts());
            }
            health.withDetail(s.purpose(), d);
        }
        return health.build();
    }
}
