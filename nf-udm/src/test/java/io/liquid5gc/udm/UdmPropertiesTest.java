package io.liquid5gc.udm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code liquid5gc.udm.*} binds with its declared defaults. */
class UdmPropertiesTest {

    private static UdmProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("liquid5gc.udm", UdmProperties.class);
    }

    @Test
    void whenNothingIsConfigured_thenTwoHundredSqnAttemptsAndNoHomeNetworkKey() {
        UdmProperties p = bind(Map.of());
        assertThat(p.sqnAttempts()).isEqualTo(200);
        assertThat(p.homeNetworkKeys()).isEmpty();
    }

    @Test
    void whenTheAttemptsAreGivenOrBelowOne_thenTheyBindOrTheStartFails() {
        assertThat(bind(Map.of("liquid5gc.udm.sqn-attempts", "5")).sqnAttempts()).isEqualTo(5);
        assertThatThrownBy(() -> bind(Map.of("liquid5gc.udm.sqn-attempts", "0"))).hasStackTraceContaining("at least 1");
    }
}
