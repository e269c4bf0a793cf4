package io.liquid5gc.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code liquid5gc.registry.etcd.*}: the declared defaults and how set keys combine with them. */
class EtcdStorePropertiesTest {

    private static EtcdStoreProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("liquid5gc.registry.etcd", EtcdStoreProperties.class);
    }

    @Test
    void whenNothingIsSet_thenTheDeclaredDefaultsApply() {
        assertThat(EtcdStoreProperties.defaults()).isEqualTo(new EtcdStoreProperties(List.of("http://127.0.0.1:2379"),
                Duration.ofSeconds(2), "liquid5gc/", null, null));
    }

    @Test
    void whenSomeKeysAreSet_thenTheOthersKeepTheirDefaults() {
        EtcdStoreProperties p = bind(Map.of("liquid5gc.registry.etcd.endpoints", "http://a:2379, http://b:2379",
                "liquid5gc.registry.etcd.user", "nrf", "liquid5gc.registry.etcd.password", "s3cret"));
        assertThat(p.endpoints()).containsExactly("http://a:2379", "http://b:2379");
        assertThat(p.user()).isEqualTo("nrf");
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.namespace()).isEqualTo("liquid5gc/");
    }
}
