package io.liquid5gc.runtime.safety;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says out loud, once all beans exist, what is unsafe in this process's configuration: one WARN block listing every
 * {@link UnsafeSetting} with its fix. With {@code liquid5gc.profile=production} the start fails instead, naming every
 * setting not listed in {@code liquid5gc.safety.accepted}.
 */
public final class StartupSafety implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StartupSafety.class);

    private final SafetyProperties properties;
    private final List<UnsafeSettingCheck> checks;
    private List<UnsafeSetting> found = List.of();

    public StartupSafety(SafetyProperties properties, List<UnsafeSettingCheck> checks) {
        this.properties = properties;
        this.checks = List.copyOf(checks);
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<UnsafeSetting> all = new ArrayList<>();
        for (UnsafeSettingCheck c : checks) {
            for (UnsafeSetting s : c.unsafeSettings()) {
                if (all.stream().noneMatch(o -> o.id().equals(s.id()))) {
                    all.add(s);
                }
            }
        }
        found = List.copyOf(all);
        if (all.isEmpty()) {
            log.info("start-up safety: no unsafe setting found (profile {})", properties.profile().key());
            return;
        }
        List<UnsafeSetting> refused = all.stream().filter(s -> !properties.safety().accepted().contains(s.id())).toList();
        if (properties.profile() == SafetyProperties.Profile.PRODUCTION && !refused.isEmpty()) {
            throw new UnsafeConfigurationException(refused);
        }
        StringBuilder b = new StringBuilder("UNSAFE SETTINGS (fine for a lab, never for real subscribers; liquid5gc.profile=production refuses them):");
        for (UnsafeSetting s : all) {
            b.append("\n  [").append(s.id()).append("] ").append(s.risk())
                    .append(properties.safety().accepted().contains(s.id()) ? " (accepted)" : "")
                    .append("\n      fix: ").append(s.fix());
        }
        log.warn(b.toString());
    }

    /** What the last check found (for tests and health). */
    public List<UnsafeSetting> found() {
        return found;
    }

    /** The start refused by the production profile. */
    public static final class UnsafeConfigurationException extends IllegalStateException {
        private final List<UnsafeSetting> settings;

        UnsafeConfigurationException(List<UnsafeSetting> settings) {
            super(message(settings));
            this.settings = List.copyOf(settings);
        }

        public List<UnsafeSetting> settings() {
            return settings;
        }

        private static String message(List<UnsafeSetting> settings) {
            StringBuilder b = new StringBuilder("liquid5gc.profile=production refuses to start with " + settings.size() + " unsafe setting(s):");
            for (UnsafeSetting s : settings) {
                b.append("\n  [").append(s.id()).append("] ").append(s.risk()).append("; fix: ").append(s.fix());
            }
            return b.append("\n(or list an id in liquid5gc.safety.accepted to take that risk knowingly)").toString();
        }
    }
}
