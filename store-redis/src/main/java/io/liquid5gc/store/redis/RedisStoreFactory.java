package io.liquid5gc.store.redis;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.KeyValueStoreFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The "redis" store backend ({@code liquid5gc.store.type=redis}). Creating the factory connects nowhere; each
 * {@link #create} opens one connection, on a Lettuce client per purpose kept across attempts. The stores it creates
 * share one set of Lettuce event loops, made on first use; clients and loops are shut down by {@link #close()} (after
 * the stores, which Spring destroys first).
 */
public final class RedisStoreFactory implements KeyValueStoreFactory, AutoCloseable {

    public static final String TYPE = "redis";

    private final RedisStoreProperties properties;
    private ClientResources resources;
    private final java.util.Map<String, io.lettuce.core.AbstractRedisClient> clients = new java.util.HashMap<>();

    public RedisStoreFactory(RedisStoreProperties properties) {
        this.properties = properties;
    }

    public RedisStoreProperties properties() {
        return properties;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** One connection on this purpose's client, which is kept for the next attempt when this one fails. */
    @Override
    public KeyValueStore create(String purpose) {
        return RedisKeyValueStore.open(client(purpose), null, false, properties, purpose);
    }

    private synchronized io.lettuce.core.AbstractRedisClient client(String purpose) {
        return clients.computeIfAbsent(purpose, p -> RedisKeyValueStore.newClient(properties, resources()));
    }

    @Override
    public String where() {
        return properties.where();
    }

    private synchronized ClientResources resources() {
        if (resources == null) {
            resources = newResources();
        }
        return resources;
    }

    /**
     * Lettuce event loops whose reconnection after a lost connection waits 0.1 s doubling up to 5 s (Lettuce's own
     * default grows to 30 s, which would keep a store lost for half a minute after Redis is back).
     */
    static ClientResources newResources() {
        return DefaultClientResources.builder()
                .reconnectDelay(io.lettuce.core.resource.Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(5), 2, TimeUnit.MILLISECONDS))
                .build();
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(c -> c.shutdown(Duration.ZERO, Duration.ofSeconds(2)));
        clients.clear();
        if (resources != null) {
            resources.shutdown(0, Duration.ofSeconds(2).toMillis(), TimeUnit.MILLISECONDS).awaitUninterruptibly(3_000);
            resources = null;
        }
    }

    @Override
    public String toString() {
        return "RedisStoreFactory[" + properties + "]";
    }
}
