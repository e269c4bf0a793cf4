package io.liquid5gc.udr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.udr.provisioning.ProvisioningProperties;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** {@code liquid5gc.udr.*} and {@code liquid5gc.provisioning.*}: the declared defaults and the rules checked at start. */
class UdrPropertiesTest {

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }

    @Test
    void whenNothingIsSet_thenTheDeclaredDefaultsApply() {
        assertThat(UdrProperties.defaults()).isEqualTo(new UdrProperties(1L << 20,
                new UdrProperties.KeyEncryption(List.of(), Path.of("data", "subscriber-kek"))));
        assertThat(ProvisioningProperties.defaults()).isEqualTo(new ProvisioningProperties(true, null, null, 10_000,
                DataSize.ofMegabytes(4), DataSize.ofMegabytes(256)));
    }

    @Test
    void whenSomeKeysAreSet_thenTheOthersKeepTheirDefaults() {
        UdrProperties udr = bind("liquid5gc.udr", UdrProperties.class, Map.of(
                "liquid5gc.udr.key-encryption.keys[0].id", "kek-1", "liquid5gc.udr.key-encryption.keys[0].file", "/run/kek"));
        assertThat(udr.maxSqnStep()).isEqualTo(1L << 20);
        assertThat(udr.keyEncryption().keys()).extracting(UdrProperties.Kek::id).containsExactly("kek-1");
        assertThat(udr.keyEncryption().generatedFile()).isEqualTo(Path.of("data", "subscriber-kek"));
        ProvisioningProperties provisioning = bind("liquid5gc.provisioning", ProvisioningProperties.class, Map.of(
                "liquid5gc.provisioning.api-enabled", "false", "liquid5gc.provisioning.default-subscribers", "none"));
        assertThat(provisioning.apiEnabled()).isFalse();
        assertThat(provisioning.defaultSubscribers()).as("none: no file").isNull();
        assertThat(provisioning.maxBulk()).isEqualTo(10_000);
    }

    @Test
    void whenTheSqnStepOrTheBulkLimitIsOutOfRange_thenTheStartFails() {
        assertThatThrownBy(() -> bind("liquid5gc.udr", UdrProperties.class, Map.of("liquid5gc.udr.max-sqn-step", "0")))
                .hasStackTraceContaining("liquid5gc.udr.max-sqn-step must be at least 1");
        assertThatThrownBy(() -> bind("liquid5gc.provisioning", ProvisioningProperties.class,
                Map.of("liquid5gc.provisioning.max-bulk", "0"))).hasStackTraceContaining("liquid5gc.provisioning.max-bulk must be 1..");
    }
}
