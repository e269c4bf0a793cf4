package io.liquid5gc.store.redis;

import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.runtime.store.KeyValueStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The stores the tests run against: the in-process store, and a real redis-server (store-redis's
 * {@link RedisServerProcess}, started once per test JVM on a free loopback port) with a fresh key prefix per store so
 * tests never see each other's keys.
 */
public final class TestStores {

    private static RedisServerProcess redis;
    private static final List<RedisStoreFactory> FACTORIES = new ArrayList<>();

    private TestStores() {
    }

    public static KeyValueStore memory() {
        return new InMemoryKeyValueStore(Clock.systemUTC());
    }

    public static synchronized String redisUrl() {
        if (redis == null) {
            redis = RedisServerProcess.start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestStores::stop));
        }
        return redis.url();
    }

    /** A key prefix of its own for one test context on the shared server. */
    public static String freshPrefix() {
        return "t-" + UUID.randomUUID() + ":";
    }

    public static synchronized KeyValueStore redis() {
        RedisStoreFactory factory = new RedisStoreFactory(RedisStoreProperties.defaults().withUrl(redisUrl())
                .withKeyPrefix(freshPrefix()).withCheckSettings(false));
        FACTORIES.add(factory);
        return factory.create("state");
    }

    private static synchronized void stop() {
        FACTORIES.forEach(RedisStoreFactory::close);
        if (redis != null) {
            redis.close();
        }
    }
}
