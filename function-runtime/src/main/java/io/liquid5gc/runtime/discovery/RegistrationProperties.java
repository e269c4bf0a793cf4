package io.liquid5gc.runtime.discovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Registration of this process's NFs in the NRF ({@code liquid5gc.registration.*}).
 *
 * @param enabled        register and heart-beat; by default on when the NRF is not in this process
 *                       ({@code liquid5gc.nf.nrf.placement} is http or faas), off otherwise
 * @param advertisedUrl  the base URL other NFs call this process at (default http://{host name}:{server port})
 * @param heartBeatTimer the heart-beat timer proposed to the NRF (default 30 s); the process re-registers every half of it
 */
@ConfigurationProperties("liquid5gc.registration")
public record RegistrationProperties(Boolean enabled, String advertisedUrl, @DefaultValue("30s") Duration heartBeatTimer) {

    public RegistrationProperties {
        if (heartBeatTimer == null || heartBeatTimer.toSeconds() < 2) {
            throw new IllegalArgumentException("liquid5gc.registration.heart-beat-timer must be at least 2 s");
        }
    }
}
