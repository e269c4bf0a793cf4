package io.liquid5gc.amf.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code liquid5gc.amf.sessions.*}: the declared default. */
class SessionPropertiesTest {

    private static SessionProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("liquid5gc.amf.sessions", SessionProperties.class);
    }

    @Test
    void whenNothingIsSet_thenTheDeclaredDefaultsApply() {
        assertThat(SessionProperties.defaults()).isEqualTo(new SessionProperties("internet"));
    }

    @Test
    void whenTheDefaultDnnIsSetOrBlank_thenItOrTheDefaultApplies() {
        assertThat(bind(Map.of("liquid5gc.amf.sessions.default-dnn", "ims")).defaultDnn()).isEqualTo("ims");
        assertThat(bind(Map.of("liquid5gc.amf.sessions.default-dnn", " ")).defaultDnn()).isEqualTo("internet");
    }
}
