package io.liquid5gc.udm;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sbi.udm.AuthenticationInfoResult;
import io.liquid5gc.security.milenage.Sqn;
import io.liquid5gc.store.redis.RedisServerProcess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UdmFunctionsRedisTest extends UdmFunctionsContract {

    private static RedisServerProcess redis;

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.start();
        startCore("liquid5gc.store.type=redis", "liquid5gc.store.redis.url=" + redis.url());
    }

    @AfterAll
    static void stopRedis() {
        stopCore();
        core = null;
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void whenManyAuthenticationsOfOneSubscriberRunConcurrently_thenNoSqnIsUsedTwice() throws Exception {
        int n = 64;
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<AuthenticationInfoResult>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> generate(supi, null)));
            }
            Set<Long> sqns = new HashSet<>();
            for (Future<AuthenticationInfoResult> f : futures) {
                assertThat(sqns.add(sqnOf(f.get()))).as("an SQN was used twice").isTrue();
            }
            assertThat(sqns).hasSize(n);
            assertThat(Sqn.fromHex(storedSqn()).seq(5)).isEqualTo(n);
            assertThat(sqns.stream().mapToLong(s -> s >>> 5).max().orElseThrow()).isEqualTo(n);
            // the race was real: some compare-and-sets were lost and retried
            assertThat(core.getBean(io.micrometer.core.instrument.MeterRegistry.class).get("liquid5gc.udm.sqn.conflicts").counter().count())
                    .isPositive();
        } finally {
            pool.shutdownNow();
        }
    }
}
