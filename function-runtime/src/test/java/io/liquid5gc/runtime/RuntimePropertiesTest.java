package io.liquid5gc.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.http.HttpServerProperties;
import io.liquid5gc.runtime.invoke.ServeProperties;
import io.liquid5gc.runtime.metering.MeteringProperties;
import io.liquid5gc.runtime.metering.TenantProperties;
import io.liquid5gc.runtime.operator.OperatorProperties;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.runtime.safety.SafetyProperties;
import io.liquid5gc.runtime.security.SecurityProperties;
import io.liquid5gc.runtime.store.RegistryProperties;
import io.liquid5gc.runtime.store.StoreProperties;
import io.liquid5gc.runtime.training.TrainingProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** The runtime's {@code @ConfigurationProperties} records: the declared defaults and how set keys combine with them. */
class RuntimePropertiesTest {

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }

    @Test
    void whenNothingIsSet_thenTheDeclaredDefaultsApply() {
        assertThat(ServeProperties.defaults()).isEqualTo(new ServeProperties(Placement.HTTP, null, 4096, ServeProperties.Threads.VIRTUAL));
        assertThat(bind("liquid5gc.serve", ServeProperties.class, Map.of("liquid5gc.serve.threads", "platform")).threads())
                .isEqualTo(ServeProperties.Threads.PLATFORM);
        assertThat(TrainingProperties.defaults()).isEqualTo(new TrainingProperties(0, Duration.ofSeconds(30)));
        assertThat(TrainingProperties.defaults().enabled()).isFalse();
        assertThat(OperatorProperties.defaults()).isEqualTo(new OperatorProperties(OperatorProperties.Auth.AUTO, null,
                Path.of("data", "operator.token"), List.of()));
        assertThat(HttpServerProperties.defaults()).isEqualTo(new HttpServerProperties(Duration.ofSeconds(60),
                Duration.ofSeconds(20), Duration.ofSeconds(120), DataSize.ofMegabytes(1)));
        assertThat(SafetyProperties.defaults()).isEqualTo(new SafetyProperties(SafetyProperties.Profile.LAB,
                new SafetyProperties.Safety(List.of())));
        assertThat(StoreProperties.defaults()).isEqualTo(new StoreProperties("memory",
                new StoreProperties.Memory(Path.of("data", "liquid5gc-store.journal"), List.of("subscriber/", "provisioning/")),
                Duration.ZERO, Duration.ofSeconds(5)));
        assertThat(RegistryProperties.defaults()).isEqualTo(new RegistryProperties("memory"));
        SecurityProperties security = SecurityProperties.defaults();
        assertThat(security).isEqualTo(new SecurityProperties(true, "liquid5gc-nrf", security.nfInstanceId(), null, null,
                null, null, null, Duration.ofSeconds(30), Duration.ofSeconds(60), false, new SecurityProperties.Mtls(false, "sbi")));
        assertThat(UUID.fromString(security.nfInstanceId())).as("not configured: a random instance id").isNotNull();
        assertThat(TenantProperties.defaults()).isEqualTo(new TenantProperties(List.of()));
        assertThat(MeteringProperties.defaults()).isEqualTo(new MeteringProperties(true, 1024, Map.of(), Map.of(),
                Duration.ofMillis(1), Duration.ofHours(1), Duration.ofSeconds(10), false, MeteringProperties.Price.LAMBDA_X86));
    }

    @Test
    void whenSomeKeysAreSet_thenTheOthersKeepTheirDefaults() {
        StoreProperties store = bind("liquid5gc.store", StoreProperties.class, Map.of("liquid5gc.store.type", " Redis ",
                "liquid5gc.store.memory.journal", "none", "liquid5gc.store.check-interval", "0s"));
        assertThat(store.type()).isEqualTo("redis");
        assertThat(store.memory().journalEnabled()).isFalse();
        assertThat(store.memory().persistentPrefixes()).containsExactly("subscriber/", "provisioning/");
        assertThat(store.checkInterval()).as("non-positive: the default").isEqualTo(StoreProperties.DEFAULT_CHECK_INTERVAL);
        SecurityProperties security = bind("liquid5gc.security", SecurityProperties.class, Map.of(
                "liquid5gc.security.mtls.enabled", "true", "liquid5gc.security.nf-instance-id", "5b3c2f7e-0000-4000-8000-000000000001"));
        assertThat(security.mtls()).isEqualTo(new SecurityProperties.Mtls(true, "sbi"));
        assertThat(security.nfInstanceId()).isEqualTo("5b3c2f7e-0000-4000-8000-000000000001");
        assertThat(security.enabled()).isTrue();
        SafetyProperties safety = bind("liquid5gc", SafetyProperties.class, Map.of("liquid5gc.profile", "production"));
        assertThat(safety.profile()).isEqualTo(SafetyProperties.Profile.PRODUCTION);
        assertThat(safety.safety().accepted()).isEmpty();
        MeteringProperties metering = bind("liquid5gc.metering", MeteringProperties.class,
                Map.of("liquid5gc.metering.price.currency", "EUR"));
        assertThat(metering.price().currency()).isEqualTo("EUR");
        assertThat(metering.price().perGbSecond()).isEqualTo(MeteringProperties.Price.LAMBDA_X86.perGbSecond());
    }

    @Test
    void whenAValueIsInvalid_thenTheStartFails() {
        assertThatThrownBy(() -> bind("liquid5gc.serve", ServeProperties.class, Map.of("liquid5gc.serve.placement", "local")))
                .hasStackTraceContaining("liquid5gc.serve.placement must be http or faas");
        assertThatThrownBy(() -> bind("liquid5gc.serve", ServeProperties.class, Map.of("liquid5gc.serve.max-concurrency", "0")))
                .hasStackTraceContaining("liquid5gc.serve.max-concurrency must be at least 1");
        assertThatThrownBy(() -> bind("liquid5gc.http-server", HttpServerProperties.class,
                Map.of("liquid5gc.http-server.read-timeout", "0s"))).hasStackTraceContaining("read-timeout must be positive");
        assertThatThrownBy(() -> bind("liquid5gc.training", TrainingProperties.class, Map.of("liquid5gc.training.requests", "-1")))
                .hasStackTraceContaining("liquid5gc.training.requests must be 0 (off) or more");
    }
}
