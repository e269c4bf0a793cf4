package io.liquid5gc.store.redis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.StoreCompatibilityKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store compatibility kit on a real Redis Cluster with every kit key under an indexed prefix: each write is a
 * script on a key and its index shard (one slot), each scan a merge of the 16 shards spread over the masters.
 */
class RedisOrderedIndexClusterTest extends StoreCompatibilityKit {

    private static RedisClusterProcess cluster;
    private static RedisStoreFactory factory;

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterProcess.shared();
        factory = new RedisStoreFactory(RedisStoreProperties.defaults().withCluster(cluster.seeds()).withIndexedPrefixes(List.of("kit/")));
    }

    @AfterAll
    static void stopCluster() {
        if (factory != null) {
            factory.close();
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

    @Test
    void whenIndexedKeysAreWritten_thenTheyAndTheirShardsAreOnEveryMasterAndPagesMergeInOrder() {
        RedisKeyValueStore redis = (RedisKeyValueStore) store;
        List<String> keys = new ArrayList<>();
        Set<String> masters = new HashSet<>();
        for (int i = 0; i < 2_100; i++) { // more than two rounds of the index read
            keys.add(ns + "imsi-" + String.format("%015d", i));
            store.put(keys.getLast(), ("v" + i).getBytes(UTF_8));
            masters.add(cluster.masterOf(redis.redisKeyOf(keys.getLast())).address());
        }
        assertThat(masters).hasSize(3);
        assertThat(new ArrayList<>(store.scan(ns, Integer.MAX_VALUE).keySet())).isEqualTo(keys);
        assertThat(new ArrayList<>(store.scan(ns + "imsi-00000000000123", 50).keySet())).isEqualTo(keys.subList(1230, 1240));
        for (int i = 0; i < 2_100; i += 2) {
            store.delete(keys.get(i));
        }
        List<String> odd = new ArrayList<>();
        for (int i = 1; i < 2_100; i += 2) {
            odd.add(keys.get(i));
        }
        assertThat(new ArrayList<>(store.scan(ns, 60).keySet())).isEqualTo(odd.subList(0, 60));
    }
}
