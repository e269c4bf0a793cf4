package io.liquid5gc.store.redis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.StoreCompatibilityKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store compatibility kit with every kit key under an indexed prefix (so each write goes through the index
 * scripts and each scan reads the sorted set), plus the index's own promises: it holds exactly the keys, scans under it
 * send no SCAN, expired keys leave it, and keys written before it existed are indexed when a store connects.
 */
class RedisOrderedIndexTest extends StoreCompatibilityKit {

    private static RedisServerProcess server;
    private static RedisStoreFactory factory;
    private static RedisClient rawClient;
    private static StatefulRedisConnection<String, String> rawConnection;
    private static RedisCommands<String, String> raw;

    @BeforeAll
    static void startRedis() {
        server = RedisServerProcess.start();
        factory = new RedisStoreFactory(RedisStoreProperties.defaults().withUrl(server.url()).withIndexedPrefixes(List.of("kit/")));
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

    /** Marked counts are refused under an indexed prefix (by contract): they run outside the indexed {@code kit/}. */
    @Override
    protected String markedNs() {
        return "marked/" + ns;
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

    private List<String> indexed() {
        return raw.zrange("liquid5gc:index:state:kit/", 0, -1).stream().filter(m -> m.startsWith(ns)).toList();
    }

    private long scanCalls() {
        for (String line : raw.info("commandstats").split("\r\n")) {
            if (line.startsWith("cmdstat_scan:")) {
                return Long.parseLong(line.substring(line.indexOf("calls=") + 6, line.indexOf(',')));
            }
        }
        return 0;
    }

    @Test
    void whenKeysAreWrittenEveryWay_thenTheIndexHoldsExactlyTheKeysThatExist() {
        store.put(ns + "a", b("1"));
        store.put(ns + "b", b("1"), Duration.ofMinutes(5));
        assertThat(store.compareAndSet(ns + "c", null, b("1"), null)).isTrue();
        assertThat(store.compareAndSet(ns + "d", b("no"), b("1"), null)).isFalse();
        store.update(ns + "e", cur -> Optional.of(b("1")), null);
        store.increment(ns + "f", 3);
        assertThat(indexed()).containsExactly(ns + "a", ns + "b", ns + "c", ns + "e", ns + "f");

        store.delete(ns + "a");
        assertThat(store.compareAndSet(ns + "c", b("1"), null, null)).isTrue();
        store.update(ns + "e", cur -> Optional.empty(), null);
        assertThat(indexed()).containsExactly(ns + "b", ns + "f");
        assertThat(store.scan(ns, 10).keySet()).containsExactly(ns + "b", ns + "f");
    }

    @Test
    void whenScanningUnderAnIndexedPrefix_thenRedisIsNotScannedAndPagesComeInOrder() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            keys.add(ns + "imsi-00101" + String.format("%010d", i));
            store.put(keys.getLast(), b("v" + i));
        }
        long scansBefore = scanCalls();
        assertThat(new ArrayList<>(store.scan(ns + "imsi-00101", 50).keySet())).isEqualTo(keys.subList(0, 50));
        assertThat(new ArrayList<>(store.scan(ns + "imsi-00101000000019", 50).keySet())).isEqualTo(keys.subList(190, 200));
        assertThat(store.scan(ns + "imsi-002", 50)).isEmpty();
        assertThat(scanCalls()).as("SCAN commands run").isEqualTo(scansBefore);
    }

    @Test
    void whenTheLimitIsUnboundedOrAboveOneRound_thenEveryKeyComesInOrder() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < OrderedIndex.ROUND * 2 + 7; i++) {
            keys.add(ns + "all/" + String.format("%06d", i));
            store.put(keys.getLast(), b("v"));
        }
        assertThat(new ArrayList<>(store.scan(ns + "all/", Integer.MAX_VALUE).keySet())).isEqualTo(keys);
        assertThat(new ArrayList<>(store.scan(ns + "all/", OrderedIndex.ROUND + 3).keySet())).isEqualTo(keys.subList(0, OrderedIndex.ROUND + 3));
    }

    @Test
    void whenIndexedKeysExpire_thenAScanSkipsThemAndDropsTheirEntries() throws Exception {
        for (int i = 0; i < 10; i++) {
            store.put(ns + "k" + i, b("v"), i % 2 == 0 ? Duration.ofMillis(200) : null);
        }
        Thread.sleep(600);
        assertThat(store.scan(ns, 3).keySet()).containsExactly(ns + "k1", ns + "k3", ns + "k5");
        assertThat(store.scan(ns, 100).keySet()).containsExactly(ns + "k1", ns + "k3", ns + "k5", ns + "k7", ns + "k9");
        assertThat(indexed()).containsExactly(ns + "k1", ns + "k3", ns + "k5", ns + "k7", ns + "k9");
    }

    @Test
    void whenKeysWereWrittenBeforeTheIndexExisted_thenTheyAreIndexedWhenAStoreConnects() {
        String prefix = "pre-" + java.util.UUID.randomUUID() + ":";
        for (int i = 0; i < 1200; i++) { // more than one build batch
            raw.set(prefix + "state:subscriber/imsi-" + String.format("%015d", i), "{}");
        }
        RedisStoreProperties props = RedisStoreProperties.defaults().withUrl(server.url()).withKeyPrefix(prefix);
        try (KeyValueStore s = RedisKeyValueStore.connect(props, "state")) {
            assertThat(raw.get(prefix + "index:state:built:subscriber/")).isEqualTo("1");
            assertThat(raw.zcard(prefix + "index:state:subscriber/")).isEqualTo(1200);
            long scansBefore = scanCalls();
            assertThat(s.scan("subscriber/imsi-", 2).keySet())
                    .containsExactly("subscriber/imsi-000000000000000", "subscriber/imsi-000000000000001");
            assertThat(scanCalls()).isEqualTo(scansBefore);
        }
        // once built, the next store trusts it: a key written behind its back is not seen
        raw.set(prefix + "state:subscriber/imsi-999999999999999", "{}");
        try (KeyValueStore s = RedisKeyValueStore.connect(props, "state")) {
            assertThat(s.scan("subscriber/imsi-9", 5)).isEmpty();
        }
    }
}
