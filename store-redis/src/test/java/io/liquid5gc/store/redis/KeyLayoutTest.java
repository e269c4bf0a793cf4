package io.liquid5gc.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.store.StoreException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyLayoutTest {

    private final KeyLayout cluster = new KeyLayout("liquid5gc:", "state", true, List.of("subscriber/"));
    private final KeyLayout standalone = new KeyLayout("liquid5gc:", "state", false, List.of("subscriber/"));

    @Test
    void whenStandalone_thenKeysAreTheNamespaceAndTheKeyAsEver() {
        assertThat(standalone.redisKey("amf/ue/17")).isEqualTo("liquid5gc:state:amf/ue/17");
        assertThat(standalone.redisKey("subscriber/imsi-001")).isEqualTo("liquid5gc:state:subscriber/imsi-001");
        assertThat(standalone.indexKey("subscriber/", 0)).isEqualTo("liquid5gc:index:state:subscriber/");
        assertThat(standalone.shards()).isEqualTo(1);
        assertThat(standalone.storeKey("liquid5gc:registry:x")).isNull();
    }

    @Test
    void whenClustered_thenTheLastSegmentIsTheHashTagAndEveryKeyRoundTrips() {
        assertThat(cluster.redisKey("amf/ue/17")).isEqualTo("liquid5gc:state:amf/ue/{17}");
        assertThat(cluster.redisKey("proxy/ue/17")).isEqualTo("liquid5gc:state:proxy/ue/{17}");
        assertThat(cluster.redisKey("amf/tmsi-counter")).isEqualTo("liquid5gc:state:amf/{tmsi-counter}");
        for (String key : List.of("", "a", "a/", "/", "a/b/c", "x/{y}", "x/}", "x/{", "amf/ue/{}", "ünï/cödé",
                "subscriber/imsi-001010000000001", "subscriber/", "subscriber/{x}")) {
            assertThat(cluster.storeKey(cluster.redisKey(key))).as(key).isEqualTo(key);
        }
        assertThat(cluster.storeKey("liquid5gc:state:amf/ue/17")).as("not of this layout").isNull();
    }

    @Test
    void whenIndexed_thenTheKeyIsTaggedWithItsShardLikeTheShardsIndex() {
        String key = "subscriber/imsi-001010000000001";
        int shard = cluster.shardOf(key);
        assertThat(shard).isBetween(0, KeyLayout.CLUSTER_INDEX_SHARDS - 1).isEqualTo(cluster.shardOf(key));
        assertThat(cluster.redisKey(key)).isEqualTo("liquid5gc:state:subscriber/{subscriber/#" + shard + "}imsi-001010000000001");
        assertThat(cluster.indexKey("subscriber/", shard)).isEqualTo("liquid5gc:index:state:{subscriber/#" + shard + "}");
        assertThat(cluster.indexKeys("subscriber/")).hasSize(16).doesNotHaveDuplicates();
        java.util.Set<Integer> shards = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            shards.add(cluster.shardOf("subscriber/imsi-00101" + String.format("%010d", i)));
        }
        assertThat(shards).as("subscribers spread over every shard").hasSize(16);
    }

    @Test
    void whenAPrefixHasBracesOrIsInsideAnother_thenTheErrorSaysWhichProperty() {
        assertThatThrownBy(() -> new KeyLayout("a{b}:", "state", true, List.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("liquid5gc.store.redis.key-prefix");
        assertThatThrownBy(() -> new KeyLayout("a:", "state", true, List.of("sub{x}/")))
                .isInstanceOf(StoreException.class).hasMessageContaining("liquid5gc.store.redis.indexed-prefixes");
        assertThatThrownBy(() -> new KeyLayout("a:", "state", false, List.of("subscriber/", "subscriber/imsi-")))
                .isInstanceOf(StoreException.class).hasMessageContaining("inside");
    }
}
