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
        assertThat(p.sctp().kernel()).isEqualTo(ProxyProperties.Sctp.KernelSctp.OFF);
        assertThat(p.sctp().udp()).isTrue();
        assertThat(p.sctp().sackDelay()).as("declared default").isEqualTo(ProxyProperties.Sctp.DEFAULT_SACK_DELAY)
                .isEqualTo(java.time.Duration.ofMillis(5));
        assertThat(p.tacs()).containsExactly(7);
        assertThat(p.limits()).as("declared defaults").isEqualTo(ProxyProperties.Limits.DEFAULTS);
        assertThat(p.limits().initsPerSecond()).isEqualTo(ProxyProperties.Limits.DEFAULT_INITS_PER_SECOND);
        assertThat(p.limits().initialUeMessagesPerSecond()).isEqualTo(ProxyProperties.Limits.DEFAULT_INITIAL_UE_MESSAGES_PER_SECOND);
        assertThat(p.limits().allowedGnbs()).isEmpty();
        assertThat(p.limits().ngapPpidOnly()).isTrue();
    }

    @Test
    void whenKernelSctpIsGivenAsYamlBooleanOrInAnyCase_thenItBindsToTheEnum() {
        for (var e : Map.of("false", ProxyProperties.Sctp.KernelSctp.OFF, "true", ProxyProperties.Sctp.KernelSctp.ON,
                "AUTO", ProxyProperties.Sctp.KernelSctp.AUTO, "On", ProxyProperties.Sctp.KernelSctp.ON).entrySet()) {
            Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("liquid5gc.proxy.sctp.kernel", e.getKey())));
            assertThat(binder.bind("liquid5gc.proxy", ProxyProperties.class).get().sctp().kernel()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void whenTheSackDelayIsGiven_thenItBindsAndOneAboveRfc9260sLimitFailsTheStart() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("liquid5gc.proxy.sctp.sack-delay", "0ms")));
        assertThat(binder.bind("liquid5gc.proxy", ProxyProperties.class).get().sctp().sackDelay()).isZero();
        Binder tooLong = new Binder(new MapConfigurationPropertySource(Map.of("liquid5gc.proxy.sctp.sack-delay", "600ms")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tooLong.bind("liquid5gc.proxy", ProxyProperties.class))
                .hasStackTraceContaining("liquid5gc.proxy.sctp.sack-delay must be 0..500 ms (RFC 9260 6.2): PT0.6S");
    }

    @Test
    void whenN2LimitsAreGiven_thenTheyAreBound() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "liquid5gc.proxy.limits.inits-per-second", "2.5",
                "liquid5gc.proxy.limits.init-burst", "4",
                "liquid5gc.proxy.limits.init-tracked-sources", "100",
                "liquid5gc.proxy.limits.initial-ue-messages-per-second", "50",
                "liquid5gc.proxy.limits.initial-ue-message-burst", "60",
                "liquid5gc.proxy.limits.allowed-gnbs[0]", "001-01-gnb-1",
                "liquid5gc.proxy.limits.allowed-sources", "10.0.0.0/8,192.0.2.7",
                "liquid5gc.proxy.limits.ngap-ppid-only", "false")));
        ProxyProperties.Limits l = binder.bind("liquid5gc.proxy", ProxyProperties.class).get().limits();
        assertThat(l).isEqualTo(new ProxyProperties.Limits(2.5, 4, 100, 50.0, 60, java.util.List.of("001-01-gnb-1"),
                java.util.List.of("10.0.0.0/8", "192.0.2.7"), false));
    }

    @Test
    void whenALimitIsOutOfRange_thenBindingFails() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("liquid5gc.proxy.limits.init-burst", "0")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> binder.bind("liquid5gc.proxy", ProxyProperties.class))
                .hasStackTraceContaining("init-burst");
    }

    @Test
    void whenNoNasTimerIsGiven_thenTheDeclaredDefaultsAreBoundAndOneGivenKeepsTheOthers() {
        ProxyProperties none = new Binder(new MapConfigurationPropertySource(Map.of("liquid5gc.proxy.amf-name", "x")))
                .bind("liquid5gc.proxy", ProxyProperties.class).get();
        java.time.Duration six = java.time.Duration.ofSeconds(6);
        assertThat(none.nasTimers()).isEqualTo(new ProxyProperties.NasTimers(six, six, six, six, 4)).isEqualTo(ProxyProperties.NasTimers.defaults());
        assertThat(ProxyProperties.defaults().nasTimers()).as("the declared defaults").isEqualTo(none.nasTimers());

        ProxyProperties some = new Binder(new MapConfigurationPropertySource(Map.of(
                "liquid5gc.proxy.nas-timers.t3560", "2s", "liquid5gc.proxy.nas-timers.retransmissions", "1")))
                .bind("liquid5gc.proxy", ProxyProperties.class).get();
        assertThat(some.nasTimers()).isEqualTo(new ProxyProperties.NasTimers(six, java.time.Duration.ofSeconds(2), six, six, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(Map.of(
                "liquid5gc.proxy.nas-timers.t3522", "0s"))).bind("liquid5gc.proxy", ProxyProperties.class))
                .hasStackTraceContaining("a timer must be positive");
    }
}
