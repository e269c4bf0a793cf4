package io.liquid5gc.r17.nwdaf;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * NWDAF settings ({@code liquid5gc.nwdaf.*}).
 *
 * @param collectionInterval how often the NWDAF collects the function metrics of its process by itself and sends due
 *                           periodic notifications (0 = only on {@code nwdaf-data-collect})
 * @param nfCapacity         invocations per second of one NF type counted as 100 % load
 * @param notifyTimeout      per notification attempt
 * @param notifyMaxAttempts  attempts per notification (bounded retries, doubling back-off from 100 ms)
 */
@ConfigurationProperties("liquid5gc.nwdaf")
public record NwdafProperties(@DefaultValue("10s") Duration collectionInterval, @DefaultValue("1000") double nfCapacity,
                              @DefaultValue("2s") Duration notifyTimeout, @DefaultValue("3") int notifyMaxAttempts) {

    /** The declared defaults: what binding no {@code liquid5gc.nwdaf.*} property gives. */
    public static NwdafProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.nwdaf", NwdafProperties.class);
    }

    public NwdafProperties {
        Objects.requireNonNull(collectionInterval, "liquid5gc.nwdaf.collection-interval");
        Objects.requireNonNull(notifyTimeout, "liquid5gc.nwdaf.notify-timeout");
        if (collectionInterval.isNegative() || nfCapacity <= 0 || notifyTimeout.isZero() || notifyTimeout.isNegative()
                || notifyMaxAttempts < 1 || notifyMaxAttempts > 10) {
            throw new IllegalArgumentException("liquid5gc.nwdaf: collection-interval >= 0, nf-capacity > 0, notify-timeout > 0, "
                    + "notify-max-attempts 1..10");
        }
    }
}
