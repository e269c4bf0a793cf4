package io.liquid5gc.udr;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.store.redis.RedisServerProcess;
import io.liquid5gc.store.redis.RedisStoreFactory;
import io.liquid5gc.store.redis.RedisStoreProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class UdrDataServiceRedisTest extends UdrDataServiceContract {

    private static RedisServerProcess redis;
    private static RedisStoreFactory factory;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
        factory = new RedisStoreFactory(RedisStoreProperties.defaults().withUrl(redis.url()));
    }

    @AfterAll
    static void stopRedis() {
        if (factory != null) {
            factory.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected KeyValueStore newStore() {
        return factory.create("state");
    }
}
