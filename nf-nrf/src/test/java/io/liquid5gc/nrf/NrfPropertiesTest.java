package io.liquid5gc.nrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
