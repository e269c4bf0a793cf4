package io.liquid5gc.smf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code liquid5gc.smf.*}: the declared defaults, and what one key set leaves to them. */
class SmfPropertiesTest {

    private static SmfProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("liquid5gc.smf", SmfProperties.class);
    }

    @Test
    void whenNothingIsSet_thenTheDeclaredDefaultsApply() {
        SmfProperties d = SmfProperties.defaults();
        assertThat(d.pools()).containsExactly(Map.entry("internet", "10.45.0.0/16"));
        assertThat(d.n4Address()).isEqualTo("127.0.0.1");
        assertThat(d.pcfFqdn()).isEqualTo("pcf.liquid5gc.local");
        assertThat(d.backOffTimer()).isEqualTo(60);
        assertThat(d.n4()).isEqualTo(new SmfProperties.N4(false, Duration.ofSeconds(3), 3, Duration.ofSeconds(10), 8805, Duration.ofSeconds(2)));
        assertThat(d.charging()).isEqualTo(new SmfProperties.Charging(1, 10_000_000L));
        assertThat(d.upfs()).containsExactly(new SmfProperties.Upf("upf-1", "127.0.0.8", "127.0.0.8"));
        assertThat(d.upfs().getFirst().teidMax()).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void whenOneKeyOfAGroupIsSet_thenTheOthersKeepTheirDefaults() {
        SmfProperties p = bind(Map.of("liquid5gc.smf.n4.enabled", "true", "liquid5gc.smf.upfs[0].node-id", "edge",
                "liquid5gc.smf.upfs[0].n4-address", "10.0.4.2"));
        assertThat(p.n4().enabled()).isTrue();
        assertThat(p.n4().port()).isEqualTo(8805);
        assertThat(p.upfs()).singleElement().satisfies(u -> {
            assertThat(u.nodeId()).isEqualTo("edge");
            assertThat(u.n3Address()).isEqualTo("127.0.0.8");
            assertThat(u.teidMin()).isEqualTo(1);
        });
    }

    @Test
    void whenBothUpfFormsAreGiven_thenTheStartFails() {
        assertThatThrownBy(() -> bind(Map.of("liquid5gc.smf.upf.node-id", "a", "liquid5gc.smf.upfs[0].node-id", "b")))
                .rootCause().hasMessageContaining("give either liquid5gc.smf.upf.* (one UPF) or liquid5gc.smf.upfs[i].*");
    }
}
