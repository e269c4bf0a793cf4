package io.liquid5gc.nrf;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
public record NrfProperties(Duration heartBeatTimer, Double expiryFactor, Duration validityPeriod,
                            Duration subscriptionValidity, Duration sweepInterval, Duration maxHeartBeatTimer) {

    public NrfProperties {
        heartBeatTimer = heartBeatTimer == null ? Duration.ofSeconds(60) : heartBeatTimer;
        expiryFactor = expiryFactor == null ? 1.5 : expiryFactor;
        validityPeriod = validityPeriod == null ? Duration.ofSeconds(60) : validityPeriod;
        subscriptionValidity = subscriptionValidity == null ? Duration.ofHours(24) : subscriptionValidity;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        maxHeartBeatTimer = maxHeartBeatTimer == null ? Duration.ofSeconds(300) : maxHeartBeatTimer;
        if (heartBeatTimer.toSeconds() < 1) {
            throw new IllegalArgumentException("liquid5gc.nrf.heart-beat-timer must be at least 1 s");
        }
        if (expiryFactor < 1.0) {
            throw new IllegalArgumentException("liquid5gc.nrf.expiry-factor must be >= 1");
        }
    }
}
