package io.liquid5gc.ausf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code liquid5gc.ausf.*} binds with its declared defaults. */
class AusfPropertiesTest {

    private static AusfProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("liquid5gc.ausf", AusfProperties.class);
    }

    @Test
    void whenNothingIsSet_thenTheDeclaredDefaultsApply() {
        // the context waits 30 s, any serving network is accepted, the instance id is random
        AusfProperties p = AusfProperties.defaults();
        assertThat(p.authContextTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.servingPlmns()).isEmpty();
        assertThat(UUID.fromString(p.instanceId())).isNotNull();
        assertThat(AusfProperties.defaults().instanceId()).isNotEqualTo(p.instanceId());
    }

    @Test
    void whenTheTtlIsGivenOrTooShort_thenItBindsOrTheStartFails() {
        assertThat(bind(Map.of("liquid5gc.ausf.auth-context-ttl", "45s")).authContextTtl()).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> bind(Map.of("liquid5gc.ausf.auth-context-ttl", "500ms"))).hasStackTraceContaining("at least 1 s");
    }
}
