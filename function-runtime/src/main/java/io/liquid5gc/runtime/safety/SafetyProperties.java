package io.liquid5gc.runtime.safety;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code liquid5gc.profile}: {@code lab} (the default: unsafe settings are listed in a WARN block at start) or
 * {@code production} (the process refuses to start while any is left). {@code liquid5gc.safety.accepted} lists the
 * ids of risks taken knowingly (e.g. {@code binds-on-all-interfaces} in a pod behind a NetworkPolicy).
 */
@ConfigurationProperties("liquid5gc")
public record SafetyProperties(Profile profile, Safety safety) {

    public SafetyProperties {
        profile = profile == null ? Profile.LAB : profile;
        safety = safety == null ? new Safety(null) : safety;
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
