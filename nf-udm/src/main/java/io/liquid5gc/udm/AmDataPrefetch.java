package io.liquid5gc.udm;

import io.liquid5gc.sbi.udm.AccessAndMobilitySubscriptionData;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access and mobility subscription data the UDM read together with the authentication subscription (one Nudr
 * query naming both data sets, TS 29.505 5.2.2.2), kept for the Nudm_SDM Get of AM data that follows the
 * authentication in the same registration (TS 23.502 4.2.2.2.2 steps 9 and 14), so that a registration costs the
 * UDM one UDR read instead of two. An entry serves one SDM Get at most (taken, not read) and lives
 * {@code liquid5gc.udm.am-data-prefetch} at most: what the AMF gets is the subscription as it was when the UE
 * authenticated, never older than that. No key material is kept: K and OPc stay in {@link UeAuthentication}.
 * A miss (another UDM replica, a registration without authentication, an expired entry) reads the UDR as before.
 */
final class AmDataPrefetch {

    /** Entries at most; past it the expired ones go, and if that is not enough all of them (a miss reads the UDR). */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(AccessAndMobilitySubscriptionData am, Instant until) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;

    AmDataPrefetch(Duration ttl, Clock clock, MeterRegistry meters) {
        this.ttl = ttl;
        this.clock = clock;
        this.hits = Counter.builder("liquid5gc.udm.am.prefetch").tag("result", "hit")
                .description("SDM Gets of AM data answered from the authentication's UDR read").register(meters);
        this.misses = Counter.builder("liquid5gc.udm.am.prefetch").tag("result", "miss")
                .description("SDM Gets of AM data that read the UDR").register(meters);
    }

    /** Whether the authentication should read the AM data with the authentication subscription. */
    boolean enabled() {
        return !ttl.isZero();
    }

    /** After a vector was generated for {@code supi}: its AM data, for the SDM Get that follows. */
    void keep(String supi, AccessAndMobilitySubscriptionData am) {
        if (!enabled() || am == null) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !now.isBefore(e.until()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(supi, new Entry(am, now.plus(ttl)));
    }

    /** The AM data kept for {@code supi}, removed: empty when none or expired (the caller reads the UDR). */
    Optional<AccessAndMobilitySubscriptionData> take(String supi) {
        Entry e = enabled() ? entries.remove(supi) : null;
        if (e == null || !clock.instant().isBefore(e.until())) {
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(e.am());
    }
}
