package io.liquid5gc.store.redis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration;
import io.liquid5gc.runtime.store.StoreException;
import io.liquid5gc.runtime.store.StoreHealthIndicator;
import io.liquid5gc.runtime.store.StoreUnavailableException;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.StoreCompatibilityKit;
import java.time.Duration;
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

/**
 * The store compatibility kit against a real Redis Cluster (3 masters, each with a replica: the shared one, {@link RedisClusterProcess#shared()}), plus what
 * is particular to a cluster: hash tags, scans and counters across masters, the ordered index in shards.
 */
class RedisKeyValueStoreClusterTest extends StoreCompatibilityKit {

    private static RedisClusterProcess cluster;
    private static RedisStoreFactory factory;

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterProcess.shared();
        factory = new RedisStoreFactory(RedisStoreProperties.defaults().withCluster(cluster.seeds()));
    }

    @AfterAll
    static void stopCluster() {
        if (factory != null) {
            factory.close();
        }
    }

    @Override
    protected KeyValueStore newStore() {
        return factory.create("state");
    }

    @Override
    protected void letTimePass(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private RedisKeyValueStore redisStore() {
        return (RedisKeyValueStore) store;
    }

    private static int slot(String redisKey) {
        String reply = cluster.nodes().getFirst().command("CLUSTER", "KEYSLOT", redisKey);
        return Integer.parseInt(reply.substring(1).trim());
    }

    @Test
    void whenAUeHasSeveralKeys_thenTheyShareOneSlotAndOtherUesSpreadOverTheMasters() {
        Set<Integer> slotsOfOneUe = new HashSet<>();
        for (String key : List.of("amf/ue/4711", "amf/sessions/4711", "amf/nas-security/4711", "proxy/ue/4711",
                "amf/pending-deregistration/4711")) {
            String redisKey = redisStore().redisKeyOf(key);
            assertThat(redisKey).isEqualTo("liquid5gc:state:" + key.substring(0, key.lastIndexOf('/') + 1) + "{4711}");
            slotsOfOneUe.add(slot(redisKey));
        }
        assertThat(slotsOfOneUe).hasSize(1);

        Set<String> masters = new HashSet<>();
        for (int ue = 0; ue < 60; ue++) {
            store.put(ns + "ue/" + ue, b("ctx-" + ue));
            masters.add(cluster.masterOf(redisStore().redisKeyOf(ns + "ue/" + ue)).address());
        }
        assertThat(masters).as("UE contexts on every master").hasSize(3);
    }

    @Test
    void whenKeysAreOnEveryMaster_thenAScanFindsThemAllInKeyOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String key = ns + "spread/" + String.format("%04d", i);
            store.put(key, b("v" + i));
            expected.add(key);
        }
        for (RedisClusterProcess.Node master : cluster.masters()) {
            assertThat(Long.parseLong(master.command("DBSIZE").substring(1).trim())).as("keys on " + master).isPositive();
        }
        var all = store.scan(ns + "spread/", 1000);
        assertThat(new ArrayList<>(all.keySet())).isEqualTo(expected);
        assertThat(new String(all.get(ns + "spread/0299"), UTF_8)).isEqualTo("v299");
        assertThat(store.scan(ns + "spread/01", 5).keySet())
                .containsExactly(ns + "spread/0100", ns + "spread/0101", ns + "spread/0102", ns + "spread/0103", ns + "spread/0104");
    }

    @Test
    void whenCountersOnSeveralMastersAreIncrementedConcurrently_thenEveryCountIsExact() throws Exception {
        List<String> counters = List.of(ns + "pool/teid", ns + "tmsi-counter", ns + "seid/#next", ns + "amf-ue-ngap-id");
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        for (String c : counters) {
                            store.increment(c, 1);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        for (String c : counters) {
            assertThat(store.increment(c, 0)).as(c).isEqualTo(2000);
        }
    }

    @Test
    void whenSubscribersArePaged_thenTheShardedIndexServesThePagesInOrderAcrossMasters() {
        // subscriber/ is indexed by default: 16 shards, each in its own slot, spread over the masters
        String base = "subscriber/imsi-99" + Math.abs(ns.hashCode() % 1000) + "0";
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String key = base + String.format("%05d", i);
            store.put(key, b("{\"n\":" + i + "}"));
            expected.add(key);
        }
        Set<String> masters = new HashSet<>();
        for (String key : expected) {
            String redisKey = redisStore().redisKeyOf(key);
            assertThat(redisKey).startsWith("liquid5gc:state:subscriber/{subscriber/#");
            masters.add(cluster.masterOf(redisKey).address());
        }
        assertThat(masters).hasSize(3);

        assertThat(new ArrayList<>(store.scan(base, 50).keySet())).isEqualTo(expected.subList(0, 50));
        assertThat(new ArrayList<>(store.scan(base + "0011", 50).keySet())).isEqualTo(expected.subList(110, 120));
        assertThat(store.compareAndSet(expected.get(3), b("{\"n\":3}"), null, null)).isTrue();
        assertThat(store.delete(expected.get(4))).isTrue();
        assertThat(store.scan(base, 5).keySet()).containsExactly(expected.get(0), expected.get(1), expected.get(2),
                expected.get(5), expected.get(6));
        store.update(expected.get(3), cur -> java.util.Optional.of(b("back")), null);
        assertThat(store.scan(base, 4).keySet()).containsExactly(expected.get(0), expected.get(1), expected.get(2), expected.get(3));
    }

    @Test
    void whenTheStoreReadsItsKeysBack_thenTheRedisKeysDecodeToTheStoreKeys() {
        for (String key : List.of("a", "a/", "a/b", "x/{y}", "subscriber/imsi-001", "w/{", "z/}")) {
            store.put(ns + key, b(key));
        }
        assertThat(store.scan(ns, 100).keySet()).containsExactly(ns + "a", ns + "a/", ns + "a/b",
                ns + "subscriber/imsi-001", ns + "w/{", ns + "x/{y}", ns + "z/}");
    }

    @Test
    void whenConfiguredByEnvironmentVariables_thenTheStateStoreIsTheClusterAndReady() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RedisStoreAutoConfiguration.class, Liquid5gcRuntimeAutoConfiguration.class))
                .withPropertyValues("liquid5gc.store.memory.journal=none")
                .withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                                "LIQUID5GC_STORE_TYPE", "redis",
                                "LIQUID5GC_STORE_REDIS_MODE", "cluster",
                                "LIQUID5GC_STORE_REDIS_NODES", cluster.seedList()))))
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    RedisStoreProperties p = ctx.getBean(RedisStoreFactory.class).properties();
                    assertThat(p.mode()).isEqualTo(RedisMode.CLUSTER);
                    assertThat(p.nodes()).isEqualTo(cluster.seeds());
                    KeyValueStore state = ctx.getBean("stateStore", KeyValueStore.class);
                    RedisStoreFactoryTest.awaitUp(ctx.getBean(StoreHealthIndicator.class));
                    assertThat(state.describe()).startsWith("redis-cluster " + cluster.seedList());
                    state.put("amf/ue/env-1", b("ctx"));
                    assertThat(state.get("amf/ue/env-1")).isPresent();
                });
    }

    @Test
    void whenNoSeedNodeAnswers_thenTheNfStartsNotReadyAndCallsFailAtOnce() {
        String seeds = "127.0.0.1:" + RedisServerProcess.freePort() + ",127.0.0.1:" + RedisServerProcess.freePort();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RedisStoreAutoConfiguration.class, Liquid5gcRuntimeAutoConfiguration.class))
                .withPropertyValues("liquid5gc.store.memory.journal=none", "liquid5gc.store.type=redis",
                        "liquid5gc.store.redis.mode=cluster", "liquid5gc.store.redis.nodes=" + seeds, "liquid5gc.store.redis.timeout=1s")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    KeyValueStore state = ctx.getBean("stateStore", KeyValueStore.class);
                    assertThatThrownBy(() -> state.get("amf/ue/1")).isInstanceOf(StoreUnavailableException.class)
                            .hasMessageContaining("redis-cluster " + seeds);
                    Health health = ctx.getBean(StoreHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().get("state")).asString().contains("CONNECTING");
                });
    }

    @Test
    void whenANodeIsNotHostAndPort_thenTheErrorSaysWhichProperty() {
        RedisStoreProperties bad = RedisStoreProperties.defaults().withCluster(List.of("127.0.0.1"));
        assertThatThrownBy(() -> new RedisStoreFactory(bad).create("state")).isInstanceOf(StoreException.class)
                .isNotInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("liquid5gc.store.redis.nodes: '127.0.0.1' is not host:port");
        RedisStoreProperties noMaster = RedisStoreProperties.defaults().withSentinels(List.of("127.0.0.1:26379"), null);
        assertThatThrownBy(() -> new RedisStoreFactory(noMaster).create("state")).isInstanceOf(StoreException.class)
                .hasMessageContaining("liquid5gc.store.redis.master-name");
    }

    @Test
    void describeNamesTheClusterSeeds() {
        assertThat(store.describe()).startsWith("redis-cluster " + cluster.seedList());
    }
}
