package io.liquid5gc.runtime.safety;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code liquid5gc.profile}: {@code lab} (the default: unsafe settings are listed in a WARN block at start) or
 * {@code production} (the process refuses to start while any is left). {@code liquid5gc.safety.accepted} lists the
 * ids of risks taken knowingly (e.g. {@code binds-on-all-interfaces} in a pod behind a NetworkPolicy).
 */
@ConfigurationProperties("liquid5gc")
public record SafetyProperties(@DefaultValue("lab") Profile profile, @DefaultValue Safety safety) {

    /** The declared defaults: what binding no {@code liquid5gc.*} property gives (the lab profile, nothing accepted). */
    public static SafetyProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc", SafetyProperties.class);
    }

    public SafetyProperties {
        Objects.requireNonNull(profile, "liquid5gc.profile");
        Objects.requireNonNull(safety, "liquid5gc.safety");
    }

    public enum Profile {
        LAB, PRODUCTION;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param accepted ids of unsafe settings accepted in production */
    public record Safety(List<String> accepted) {
        public Safety {
            accepted = accepted == null ? List.of() : List.copyOf(accepted);
        }
    }
}
