package io.liquid5gc.r17.nwdaf;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
public record NwdafProperties(Duration collectionInterval, Double nfCapacity, Duration notifyTimeout, Integer notifyMaxAttempts) {

    public NwdafProperties {
        collectionInterval = collectionInterval == null ? Duration.ofSeconds(10) : collectionInterval;
        nfCapacity = nfCapacity == null ? 1000.0 : nfCapacity;
        notifyTimeout = notifyTimeout == null ? Duration.ofSeconds(2) : notifyTimeout;
        notifyMaxAttempts = notifyMaxAttempts == null ? 3 : notifyMaxAttempts;
        if (collectionInterval.isNegative() || nfCapacity <= 0 || notifyTimeout.isZero() || notifyTimeout.isNegative()
                || notifyMaxAttempts < 1 || notifyMaxAttempts > 10) {
            throw new IllegalArgumentException("liquid5gc.nwdaf: collection-interval >= 0, nf-capacity > 0, notify-timeout > 0, "
                    + "notify-max-attempts 1..10");
        }
    }
}
