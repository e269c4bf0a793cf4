package io.liquid5gc.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The proxy's settings bind from properties (a record with one constructor: Boot binds through it). */
class ProxyPropertiesBindingTest {

    @Test
    void whenSctpSettingsAreGiven_thenTheyAreBound() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "liquid5gc.proxy.sctp.udp-port", "0",
                "liquid5gc.proxy.sctp.udp-bind-address", "127.0.0.1",
                "liquid5gc.proxy.sctp.kernel", "off",
                "liquid5gc.proxy.tacs[0]", "7")));
        ProxyProperties p = binder.bind("liquid5gc.proxy", ProxyProperties.class).get();
        assertThat(p.sctp().udpPort()).isZero();
        assertThat(p.sctp().udpBindAddress()).isEqualTo("127.0.0.1");
        assertThat(p.sctp().kernel()).isEqualTo("off");
        assertThat(p.sctp().udp()).isTrue();
        assertThat(p.tacs()).containsExactly(7);
    }
}
