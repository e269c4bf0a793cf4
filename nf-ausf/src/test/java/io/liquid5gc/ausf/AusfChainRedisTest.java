package io.liquid5gc.ausf;

import io.liquid5gc.store.redis.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class AusfChainRedisTest extends AusfChainContract {

    private static RedisServerProcess redis;

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.start();
        startCore("liquid5gc.store.type=redis", "liquid5gc.store.redis.url=" + redis.url());
    }

    @AfterAll
    static void stopRedis() {
        stopCore();
        if (redis != null) {
            redis.close();
        }
    }
}
