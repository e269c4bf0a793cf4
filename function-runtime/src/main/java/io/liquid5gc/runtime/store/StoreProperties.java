package io.liquid5gc.runtime.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
public record StoreProperties(String type, Memory memory, Duration startTimeout, Duration checkInterval) {

    public StoreProperties {
        startTimeout = startTimeout == null || startTimeout.isNegative() ? Duration.ZERO : startTimeout;
        checkInterval = checkInterval == null || checkInterval.isNegative() || checkInterval.isZero()
                ? Duration.ofSeconds(5) : checkInterval;
        type = type == null || type.isBlank() ? "memory" : type.trim().toLowerCase(java.util.Locale.ROOT);
        memory = memory == null ? new Memory(null, null) : memory;
    }

    /**
     * @param journal            the file that keeps the persistent prefixes across restarts; "none" disables it
     * @param persistentPrefixes key prefixes written to the journal (subscriber data by default)
     */
    public record Memory(Path journal, List<String> persistentPrefixes) {
        public Memory {
            journal = journal == null ? Path.of("data", "liquid5gc-store.journal") : journal;
            persistentPrefixes = persistentPrefixes == null ? List.of("subscriber/", "provisioning/") : List.copyOf(persistentPrefixes);
        }

        public boolean journalEnabled() {
            return !journal.toString().equals("none") && !persistentPrefixes.isEmpty();
        }
    }
}
