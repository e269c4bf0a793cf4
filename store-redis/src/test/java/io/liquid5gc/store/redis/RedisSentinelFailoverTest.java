package io.liquid5gc.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.store.KeyValueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the master that three Sentinels watch, under a steady load of UE read-modify-write procedures: the
 * sentinels promote the replica, the store (mode sentinel) reconnects to it, and every UE's state holds every
 * acknowledged procedure. The figures go to target/redis-sentinel-failover.txt.
 */
class RedisSentinelFailoverTest {

    private static final int UES = 200;

    @Test
    void whenTheMasterIsKilledUnderLoad_thenTheSentinelsPromoteTheReplicaAndNoUeStateIsLost() throws IOException {
        try (RedisSentinelProcess redis = RedisSentinelProcess.start();
             RedisStoreFactory factory = new RedisStoreFactory(RedisStoreProperties.defaults()
                     .withSentinels(redis.sentinels(), RedisSentinelProcess.MASTER_NAME));
             KeyValueStore store = factory.create("state")) {
            assertThat(store.describe()).startsWith("redis-sentinel " + String.join(",", redis.sentinels()));
            UeLoad load = new UeLoad(store, "sentinel-failover/", UES, 4);
            try {
                assertThat(load.awaitProgress(1_000, Duration.ofSeconds(60))).as("the load runs").isTrue();
                long before = load.succeeded();
                long killedAt = System.nanoTime();
                redis.master().kill();

                RedisClusterProcess.waitFor(() -> redis.currentMasterPort() == redis.replica().port(), 90,
                        "the sentinels naming the replica as master");
                long promotedAt = System.nanoTime();
                assertThat(load.awaitProgress(3L * UES, Duration.ofSeconds(90))).as("procedures succeed again").isTrue();
                assertThat(load.awaitNoPending(Duration.ofSeconds(60))).as("every failed procedure retried").isTrue();
                long recoveredAt = load.failures().stream().filter(f -> f.atNanos() >= killedAt)
                        .mapToLong(UeLoad.Failure::atNanos).max().orElse(killedAt);
                load.close();

                List<UeLoad.Failure> failed = load.failures().stream().filter(f -> f.atNanos() >= killedAt).toList();
                List<String> problems = load.verify();
                String report = String.format("""
                        Redis Sentinel failover under load (1 master + 1 replica, 3 sentinels, quorum 2, down-after %d ms)
                        UEs: %d, 4 threads of read-modify-write procedures (2 updates each)
                        procedures acknowledged: %d before the kill, %d in all
                        replica promoted (sentinels name it) after: %d ms
                        last failed attempt after the kill: %d ms (recovery time)
                        procedures that failed during the failover: %d, in %d failed attempts (each tried again on the
                          thread's next round); succeeded on retry: %d, never: %d
                        UEs with state lost or wrong: %d
                        """,
                        RedisSentinelProcess.DOWN_AFTER_MS, UES, before, load.succeeded(), (promotedAt - killedAt) / 1_000_000,
                        (recoveredAt - killedAt) / 1_000_000, load.failedProcedures(),
                        failed.size(), load.retriedOk(), load.abandoned(), problems.size());
                System.out.print(report);
                Path out = Path.of("target", "redis-sentinel-failover.txt");
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);

                assertThat(problems).as("every UE's state after the failover").isEmpty();
                assertThat(load.abandoned()).as("procedures given up").isZero();
                store.ping();
            } finally {
                load.close();
            }
        }
    }
}
