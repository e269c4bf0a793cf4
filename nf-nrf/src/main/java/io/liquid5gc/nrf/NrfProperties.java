package io.liquid5gc.nrf;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * NRF settings ({@code liquid5gc.nrf.*}).
 *
 * @param heartBeatTimer the heart-beat timer given to NFs that propose none (TS 29.510 6.1.6.2.2)
 * @param expiryFactor   a profile expires when not refreshed within heartBeatTimer x this factor
 * @param validityPeriod how long discovery results may be cached by the requester
 * @param subscriptionValidity how long a status subscription lasts when the subscriber proposes no validityTime
 * @param sweepInterval  how often the registry is swept for expired instances (NF_DEREGISTERED notifications)
 * @param maxHeartBeatTimer the longest heart-beat timer granted: a longer one asked for is cut to it, so a profile
 *                       that stops heart-beating leaves the registry within maxHeartBeatTimer x expiryFactor
 */
@ConfigurationProperties("liquid5gc.nrf")
public record NrfProperties(@DefaultValue("60s") Duration heartBeatTimer, @DefaultValue("1.5") double expiryFactor,
                            @DefaultValue("60s") Duration validityPeriod, @DefaultValue("24h") Duration subscriptionValidity,
                            @DefaultValue("5s") Duration sweepInterval, @DefaultValue("300s") Duration maxHeartBeatTimer) {

    /** The declared defaults: what binding no {@code liquid5gc.nrf.*} property gives. */
    public static NrfProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.nrf", NrfProperties.class);
    }

    public NrfProperties {
        Objects.requireNonNull(heartBeatTimer, "liquid5gc.nrf.heart-beat-timer");
        Objects.requireNonNull(validityPeriod, "liquid5gc.nrf.validity-period");
        Objects.requireNonNull(subscriptionValidity, "liquid5gc.nrf.subscription-validity");
        Objects.requireNonNull(sweepInterval, "liquid5gc.nrf.sweep-interval");
        Objects.requireNonNull(maxHeartBeatTimer, "liquid5gc.nrf.max-heart-beat-timer");
        if (heartBeatTimer.toSeconds() < 1) {
            throw new IllegalArgumentException("liquid5gc.nrf.heart-beat-timer must be at least 1 s");
        }
        if (expiryFactor < 1.0) {
            throw new IllegalArgumentException("liquid5gc.nrf.expiry-factor must be >= 1");
        }
    }
}
