package io.liquid5gc.store.redis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.StoreCompatibilityKit;
import io.liquid5gc.runtime.store.StoreException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store compatibility kit against a real redis-server, plus what is particular to Redis. */
class RedisKeyValueStoreTest extends StoreCompatibilityKit {

    private static RedisServerProcess server;
    private static RedisStoreFactory factory;
    private static RedisClient rawClient;
    private static StatefulRedisConnection<String, String> rawConnection;
    private static RedisCommands<String, String> raw;

    @BeforeAll
    static void startRedis() {
        server = RedisServerProcess.start();
        factory = new RedisStoreFactory(RedisStoreProperties.defaults().withUrl(server.url()));
        rawClient = RedisClient.create(server.url());
        rawConnection = rawClient.connect();
        raw = rawConnection.sync();
    }

    @AfterAll
    static void stopRedis() {
        if (rawConnection != null) {
            rawConnection.close();
            rawClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (factory != null) {
            factory.close();
        }
        if (server != null) {
            server.close();
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

    @Test
    void whenWritten_thenTheKeyLivesUnderThePurposeNamespaceAndOtherPurposesDoNotSeeIt() {
        store.put(ns + "ue/1", b("ctx"));
        assertThat(raw.get("liquid5gc:state:" + ns + "ue/1")).isEqualTo("ctx");
        try (KeyValueStore registry = factory.create("registry")) {
            assertThat(registry.get(ns + "ue/1")).isEmpty();
            assertThat(registry.scan(ns, 10)).isEmpty();
            registry.put(ns + "nf/1", b("profile"));
            assertThat(raw.get("liquid5gc:registry:" + ns + "nf/1")).isEqualTo("profile");
            assertThat(store.scan(ns, 10).keySet()).containsExactly(ns + "ue/1");
        }
    }

    @Test
    void whenACounterAndItsMarkerCannotShareASlot_thenTheMarkedCountIsRefusedOnAStandaloneServerToo() {
        assertThatThrownBy(() -> store.countMarked(ns + "count/s1", 1, null, ns + "s1/m1", null, b("ADMITTED")))
                .isInstanceOf(StoreException.class).hasMessageContaining("same '/' segment");
        assertThat(store.get(ns + "s1/m1")).isEmpty();
        raw.scriptFlush(); // and the script is sent again when the server forgot it
        assertThat(store.countMarked(ns + "count/s1", 1, null, ns + "m1/s1", null, b("ADMITTED")).counted()).isTrue();
        assertThat(raw.get("liquid5gc:state:" + ns + "count/s1")).isEqualTo("1");
    }

    @Test
    void whenTheServerForgotTheScript_thenCompareAndSetFallsBackToEval() {
        store.put(ns + "c", b("v1"));
        assertThat(raw.scriptFlush()).isEqualTo("OK");
        assertThat(store.compareAndSet(ns + "c", b("v1"), b("v2"), null)).isTrue();
        assertThat(raw.get("liquid5gc:state:" + ns + "c")).isEqualTo("v2");
        assertThat(store.compareAndSet(ns + "c", b("v2"), b("v3"), null)).isTrue(); // EVAL loaded it again
    }

    @Test
    void whenTtlsAreSet_thenRedisHoldsMillisecondExpiriesAndAPlainPutClearsThem() {
        store.put(ns + "t", b("x"), Duration.ofMillis(30_500));
        assertThat(raw.pttl("liquid5gc:state:" + ns + "t")).isBetween(25_000L, 30_500L);
        store.put(ns + "t", b("y"));
        assertThat(raw.pttl("liquid5gc:state:" + ns + "t")).isEqualTo(-1L);
        assertThat(store.compareAndSet(ns + "t", b("y"), b("z"), Duration.ofSeconds(60))).isTrue();
        assertThat(raw.pttl("liquid5gc:state:" + ns + "t")).isBetween(55_000L, 60_000L);
        assertThat(store.increment(ns + "t-counter", 1)).isEqualTo(1);
        store.put(ns + "t-counter", b("5"), Duration.ofSeconds(60));
        assertThat(store.increment(ns + "t-counter", 2)).isEqualTo(7);
        assertThat(raw.pttl("liquid5gc:state:" + ns + "t-counter")).isPositive(); // INCRBY keeps the TTL
    }

    @Test
    void whenThePrefixHoldsBackslashesAndBrackets_thenScanMatchesItLiterally() {
        String p = ns + "we\\ird[a-z]/";
        store.put(p + "1", b("1"));
        store.put(ns + "we\\irdx/2", b("no"));
        store.put(ns + "weird[a-z]/3", b("no"));
        store.put(ns + "we\\irdb/4", b("no"));
        assertThat(store.scan(p, 10).keySet()).containsExactly(p + "1");
    }

    @Test
    void whenScanIsLimited_thenItReturnsTheFirstKeysInOrder() {
        for (int i = 0; i < 50; i++) {
            store.put(ns + "many/" + String.format("%03d", i), b("v" + i));
        }
        assertThat(store.scan(ns + "many/", 3).keySet()).containsExactly(ns + "many/000", ns + "many/001", ns + "many/002");
        assertThat(store.scan(ns + "many/", 1000)).hasSize(50);
    }

    @Test
    void whenTwoProcessesUpdateTheSameKey_thenTheScriptLosesNoUpdate() throws Exception {
        RedisStoreProperties props = RedisStoreProperties.defaults().withUrl(server.url());
        try (KeyValueStore a = RedisKeyValueStore.connect(props, "state");
             KeyValueStore other = RedisKeyValueStore.connect(props, "state");
             var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (KeyValueStore s : java.util.List.of(a, other, a, other)) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        s.update(ns + "shared", cur -> java.util.Optional.of(
                                b(cur.map(v -> new String(v, UTF_8)).orElse("") + "x")), null);
                    }
                }));
            }
            for (var f : futures) {
                f.get();
            }
            assertThat(raw.get("liquid5gc:state:" + ns + "shared")).hasSize(200);
        }
    }

    @Test
    void whenACounterWouldOverflowOrIsNotACounter_thenStoreExceptionsSaySo() {
        store.put(ns + "big", b(Long.toString(Long.MAX_VALUE)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.increment(ns + "big", 1))
                .isInstanceOf(io.liquid5gc.runtime.store.StoreException.class).hasMessageContaining("overflow");
        store.put(ns + "text", b("12abc"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.increment(ns + "text", 1))
                .isInstanceOf(io.liquid5gc.runtime.store.StoreException.class)
                .hasMessageContaining("not a counter").hasMessageContaining(server.url());
    }

    @Test
    void globEscapeEscapesEveryGlobCharacter() {
        assertThat(RedisKeyValueStore.globEscape("a*b?c[d]e\\f^g-h")).isEqualTo("a\\*b\\?c\\[d\\]e\\\\f^g-h");
    }

    @Test
    void describeNamesTheServerAndNamespace() {
        assertThat(store.describe()).isEqualTo(server.url() + " (keys liquid5gc:state:*)");
    }
}
