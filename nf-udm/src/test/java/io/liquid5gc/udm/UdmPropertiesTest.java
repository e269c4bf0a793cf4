package io.liquid5gc.udm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
    void whenNothingIsSet_thenTheDeclaredDefaultsApply() {
        // two hundred SQN attempts and no home network key
        assertThat(UdmProperties.defaults()).isEqualTo(new UdmProperties(List.of(), 200, java.time.Duration.ofSeconds(10)));
        assertThat(bind(Map.of())).isEqualTo(UdmProperties.defaults());
    }

    @Test
    void whenTheAttemptsAreGivenOrBelowOne_thenTheyBindOrTheStartFails() {
        assertThat(bind(Map.of("liquid5gc.udm.sqn-attempts", "5")).sqnAttempts()).isEqualTo(5);
        assertThatThrownBy(() -> bind(Map.of("liquid5gc.udm.sqn-attempts", "0"))).hasStackTraceContaining("at least 1");
    }

    @Test
    void whenTheAmDataPrefetchIsGivenZeroOrOutOfRange_thenItBindsOrTheStartFails() {
        assertThat(bind(Map.of("liquid5gc.udm.am-data-prefetch", "2s")).amDataPrefetch()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(bind(Map.of("liquid5gc.udm.am-data-prefetch", "0")).amDataPrefetch()).isZero();
        assertThatThrownBy(() -> bind(Map.of("liquid5gc.udm.am-data-prefetch", "-1s"))).hasStackTraceContaining("am-data-prefetch");
        assertThatThrownBy(() -> bind(Map.of("liquid5gc.udm.am-data-prefetch", "2m"))).hasStackTraceContaining("am-data-prefetch");
    }
}
