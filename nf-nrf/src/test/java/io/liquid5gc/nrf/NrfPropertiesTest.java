package io.liquid5gc.nrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.nrf.oauth2.OAuth2Properties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code liquid5gc.nrf.*}: the declared defaults and the rules checked at start. */
class NrfPropertiesTest {

    private static NrfProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("liquid5gc.nrf", NrfProperties.class);
    }

    @Test
    void whenNothingIsSet_thenTheDeclaredDefaultsApply() {
        assertThat(NrfProperties.defaults()).isEqualTo(new NrfProperties(Duration.ofSeconds(60), 1.5, Duration.ofSeconds(60),
                Duration.ofHours(24), Duration.ofSeconds(5), Duration.ofSeconds(300)));
        // OAuth2: a signing key generated at start, tokens valid one hour, no client
        assertThat(OAuth2Properties.defaults()).isEqualTo(new OAuth2Properties(null, Duration.ofHours(1), List.of()));
    }

    @Test
    void whenTheTokenLifetimeIsBelowTenSeconds_thenTheStartFails() {
        assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(Map.of("liquid5gc.nrf.oauth2.token-lifetime", "5s")))
                .bindOrCreate("liquid5gc.nrf.oauth2", OAuth2Properties.class)).hasStackTraceContaining("at least 10 s");
    }

    @Test
    void whenOneKeyIsSet_thenTheOthersKeepTheirDefaults() {
        NrfProperties p = bind(Map.of("liquid5gc.nrf.heart-beat-timer", "10s"));
        assertThat(p.heartBeatTimer()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.maxHeartBeatTimer()).isEqualTo(Duration.ofSeconds(300));
        assertThat(p.expiryFactor()).isEqualTo(1.5);
    }

    @Test
    void whenTheExpiryFactorIsBelowOne_thenTheStartFails() {
        assertThatThrownBy(() -> bind(Map.of("liquid5gc.nrf.expiry-factor", "0.5")))
                .hasRootCauseMessage("liquid5gc.nrf.expiry-factor must be >= 1");
    }
}
