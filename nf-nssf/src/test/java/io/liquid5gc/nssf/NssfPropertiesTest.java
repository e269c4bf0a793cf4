package io.liquid5gc.nssf;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sbi.common.Snssai;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code liquid5gc.nssf.*}: the declared defaults and how set keys replace them. */
class NssfPropertiesTest {

    private static NssfProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("liquid5gc.nssf", NssfProperties.class);
    }

    @Test
    void whenNothingIsSet_thenTheDeclaredDefaultsApply() {
        assertThat(NssfProperties.defaults()).isEqualTo(new NssfProperties(List.of(
                new NssfProperties.Plmn("001", "01", List.of(new Snssai(1, "010203")), List.of()))));
    }

    @Test
    void whenAPlmnIsSet_thenItReplacesTheDefaultOne() {
        NssfProperties p = bind(Map.of("liquid5gc.nssf.plmns[0].mcc", "999", "liquid5gc.nssf.plmns[0].mnc", "70",
                "liquid5gc.nssf.plmns[0].snssais[0].sst", "2"));
        assertThat(p.plmns()).singleElement().satisfies(plmn -> {
            assertThat(plmn.mcc()).isEqualTo("999");
            assertThat(plmn.snssais()).containsExactly(new Snssai(2, null));
            assertThat(plmn.trackingAreas()).isEmpty();
        });
    }
}
