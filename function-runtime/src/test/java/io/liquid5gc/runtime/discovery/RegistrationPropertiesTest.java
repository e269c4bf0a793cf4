package io.liquid5gc.runtime.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code liquid5gc.registration.*} binds with its declared defaults. */
class RegistrationPropertiesTest {

    private static RegistrationProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("liquid5gc.registration", RegistrationProperties.class);
    }

    @Test
    void whenNothingIsConfigured_thenTheHeartBeatTimerIs30SecondsAndEnabledIsDecidedByPlacement() {
        RegistrationProperties p = bind(Map.of());
        assertThat(p.heartBeatTimer()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.enabled()).as("null: on when the NRF is not in this process").isNull();
        assertThat(p.advertisedUrl()).isNull();
    }

    @Test
    void whenTheTimerIsGivenOrTooShort_thenItBindsOrTheStartFails() {
        assertThat(bind(Map.of("liquid5gc.registration.heart-beat-timer", "10s")).heartBeatTimer()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> bind(Map.of("liquid5gc.registration.heart-beat-timer", "1s"))).hasStackTraceContaining("at least 2 s");
    }
}
