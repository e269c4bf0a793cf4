package io.liquid5gc.r17;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.r17.chf.ChfProperties;
import io.liquid5gc.r17.nsacf.NsacfProperties;
import io.liquid5gc.r17.nwdaf.NwdafProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code liquid5gc.chf.*}, {@code liquid5gc.nwdaf.*}, {@code liquid5gc.nsacf.*}: the declared defaults and the rules checked at start. */
class R17PropertiesTest {

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }

    @Test
    void whenNothingIsSet_thenTheDeclaredDefaultsApply() {
        assertThat(ChfProperties.defaults()).isEqualTo(new ChfProperties(10_000_000_000L, Map.of(), List.of(), 100_000_000L, 3600));
        assertThat(NwdafProperties.defaults()).isEqualTo(new NwdafProperties(Duration.ofSeconds(10), 1000.0, Duration.ofSeconds(2), 3));
        assertThat(NsacfProperties.defaults()).isEqualTo(new NsacfProperties(List.of()));
    }

    @Test
    void whenSomeKeysAreSet_thenTheOthersKeepTheirDefaults() {
        ChfProperties chf = bind("liquid5gc.chf", ChfProperties.class, Map.of("liquid5gc.chf.rating-groups[2]", "0",
                "liquid5gc.chf.max-grant", "400"));
        assertThat(chf.ratingGroups()).containsEntry(2, 0L);
        assertThat(chf.maxGrant()).isEqualTo(400);
        assertThat(chf.defaultQuota()).isEqualTo(10_000_000_000L);
        NwdafProperties nwdaf = bind("liquid5gc.nwdaf", NwdafProperties.class, Map.of("liquid5gc.nwdaf.notify-max-attempts", "5"));
        assertThat(nwdaf.notifyMaxAttempts()).isEqualTo(5);
        assertThat(nwdaf.collectionInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void whenAValueIsOutOfRange_thenTheStartFails() {
        assertThatThrownBy(() -> bind("liquid5gc.chf", ChfProperties.class, Map.of("liquid5gc.chf.validity-time", "0")))
                .hasStackTraceContaining("validity-time >= 1");
        assertThatThrownBy(() -> bind("liquid5gc.nwdaf", NwdafProperties.class, Map.of("liquid5gc.nwdaf.notify-max-attempts", "11")))
                .hasStackTraceContaining("notify-max-attempts 1..10");
    }
}
