package io.liquid5gc.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code liquid5gc.store.redis.*}: the declared defaults and how set keys combine with them. */
class RedisStorePropertiesTest {

    private static RedisStoreProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("liquid5gc.store.redis", RedisStoreProperties.class);
    }

    @Test
    void whenNothingIsSet_thenTheDeclaredDefaultsApply() {
        assertThat(RedisStoreProperties.defaults()).isEqualTo(new RedisStoreProperties("redis://127.0.0.1:6379", null,
                Duration.ofSeconds(2), "liquid5gc:", true, RedisMode.STANDALONE, List.of(), null, List.of("subscriber/"), 0));
    }

    @Test
    void whenSomeKeysAreSet_thenTheOthersKeepTheirDefaults() {
        RedisStoreProperties p = bind(Map.of("liquid5gc.store.redis.mode", "sentinel",
                "liquid5gc.store.redis.nodes", "h1:26379, h2:26379", "liquid5gc.store.redis.master-name", "core",
                "liquid5gc.store.redis.indexed-prefixes", "kit/,subscriber/"));
        assertThat(p.mode()).isEqualTo(RedisMode.SENTINEL);
        assertThat(p.nodes()).containsExactly("h1:26379", "h2:26379");
        assertThat(p.indexedPrefixes()).containsExactly("kit/", "subscriber/");
        assertThat(p.url()).isEqualTo(RedisStoreProperties.DEFAULT_URL);
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.checkSettings()).isTrue();
    }

    @Test
    void whenTheTimeoutIsZero_thenTheDefaultTimeoutApplies() {
        assertThat(bind(Map.of("liquid5gc.store.redis.timeout", "0s")).timeout()).isEqualTo(RedisStoreProperties.DEFAULT_TIMEOUT);
    }
}
