package io.liquid5gc.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code liquid5gc.console.*}: the declared defaults and the rules checked at start. */
class ConsolePropertiesTest {

    private static ConsoleProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("liquid5gc.console", ConsoleProperties.class);
    }

    @Test
    void whenNothingIsSet_thenTheDeclaredDefaultsApply() {
        assertThat(ConsoleProperties.defaults())
                .isEqualTo(new ConsoleProperties(true, Duration.ofMinutes(30), Duration.ofHours(8), "LIQUID5GC_CONSOLE", null, null, null,
                        Duration.ofSeconds(10), null));
    }

    @Test
    void whenSomeKeysAreSet_thenTheOthersKeepTheirDefaults() {
        ConsoleProperties p = bind(Map.of("liquid5gc.console.idle-timeout", "5m", "liquid5gc.console.cookie-name", ""));
        assertThat(p.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.cookieName()).as("blank: the default").isEqualTo("LIQUID5GC_CONSOLE");
        assertThat(p.maxLifetime()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void whenTheCookieNameOrATimeoutIsInvalid_thenTheStartFails() {
        assertThatThrownBy(() -> bind(Map.of("liquid5gc.console.cookie-name", "a;b"))).hasStackTraceContaining("cookie-name must be");
        assertThatThrownBy(() -> bind(Map.of("liquid5gc.console.max-lifetime", "0s"))).hasStackTraceContaining("must be positive");
    }

    @Test
    void whenAPeerUrlIsSet_thenItIsABaseUrlWithoutUserInfoAndTheTokenIsNotShown() {
        ConsoleProperties p = bind(Map.of("liquid5gc.console.live-view-url", "http://proxy:8009/", "liquid5gc.console.peer-token", "s3cret-token"));
        assertThat(p.liveViewUrl()).hasToString("http://proxy:8009");
        assertThat(p.toString()).doesNotContain("s3cret-token");
        assertThatThrownBy(() -> bind(Map.of("liquid5gc.console.live-view-url", "http://user:pw@proxy:8009")))
                .hasStackTraceContaining("takes no user info").satisfies(e -> assertThat(e).hasStackTraceContaining("http://proxy:8009"));
        assertThatThrownBy(() -> bind(Map.of("liquid5gc.console.subscribers-url", "ftp://udr"))).hasStackTraceContaining("must be an http(s) URL");
    }
}
