package io.liquid5gc.runtime.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which store holds the functions' state ({@code liquid5gc.store.*}) and which holds the NRF registry
 * ({@code liquid5gc.registry.*} is bound by {@link RegistryProperties}).
 *
 * @param type          {@code memory} (in-process, the default) or {@code redis} (module store-redis on the classpath;
 *                      settings under {@code liquid5gc.store.redis.*})
 * @param memory        settings of the in-process store
 * @param startTimeout  how long a process waits for its state and registry stores' servers (Redis, etcd) to answer the
 *                      first time before it gives up and reports itself broken (liveness DOWN, so an orchestrator
 *                      restarts it) ({@link StoreConnection}); default 0: it waits for ever, readiness DOWN meanwhile
 * @param checkInterval how often a connected Redis or etcd store is pinged, so readiness goes DOWN when it is lost even
 *                      without traffic; default 5 s
 */
@ConfigurationProperties("liquid5gc.store")
public record StoreProperties(@DefaultValue(DEFAULT_TYPE) String type, @DefaultValue Memory memory,
                              @DefaultValue("0s") Duration startTimeout, @DefaultValue("5s") Duration checkInterval) {

    public static final String DEFAULT_TYPE = "memory";
    /** What a zero or negative {@code check-interval} means. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(5);

    /** The declared defaults: what binding no {@code liquid5gc.store.*} property gives (the in-memory store). */
    public static StoreProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.store", StoreProperties.class);
    }

    public StoreProperties {
        Objects.requireNonNull(type, "liquid5gc.store.type");
        Objects.requireNonNull(memory, "liquid5gc.store.memory");
        Objects.requireNonNull(startTimeout, "liquid5gc.store.start-timeout");
        Objects.requireNonNull(checkInterval, "liquid5gc.store.check-interval");
        // as before: a negative start timeout means none, a non-positive interval and a blank type the default
        startTimeout = startTimeout.isNegative() ? Duration.ZERO : startTimeout;
        checkInterval = checkInterval.isNegative() || checkInterval.isZero() ? DEFAULT_CHECK_INTERVAL : checkInterval;
        type = type.isBlank() ? DEFAULT_TYPE : type.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param journal            the file that keeps the persistent prefixes across restarts; "none" disables it
     * @param persistentPrefixes key prefixes written to the journal (subscriber data and the default-subscriber
     *                           import's progress by default)
     */
    public record Memory(@DefaultValue("data/liquid5gc-store.journal") Path journal,
                         @DefaultValue({"subscriber/", "provisioning/"}) List<String> persistentPrefixes) {
        public Memory {
            Objects.requireNonNull(journal, "liquid5gc.store.memory.journal");
            persistentPrefixes = List.copyOf(Objects.requireNonNull(persistentPrefixes, "liquid5gc.store.memory.persistent-prefixes"));
        }

        public boolean journalEnabled() {
            return !journal.toString().equals("none") && !persistentPrefixes.isEmpty();
        }
    }
}
