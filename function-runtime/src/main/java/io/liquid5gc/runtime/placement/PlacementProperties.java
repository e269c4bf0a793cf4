package io.liquid5gc.runtime.placement;

import io.liquid5gc.sbi.NfType;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-NF placement, from {@code liquid5gc.nf.<nf>.*} (or the environment, e.g.
 * {@code LIQUID5GC_NF_AUSF_PLACEMENT=http}, {@code LIQUID5GC_NF_AUSF_URL=http://ausf:8080}).
 *
 * @param nf          settings per NF key (amf, smf, ausf, udm, udr, nrf, pcf, nssf, chf, bsf, nwdaf, nsacf)
 * @param faasUrlPattern the default gateway URL for {@code faas} placement; {@code {function}} and {@code {nf}}
 *                    are replaced, e.g. {@code http://gateway:8080/function/{function}} (OpenFaaS) or
 *                    {@code http://{function}.default.example.com/{function}} (Knative, one service per function)
 * @param http        the HTTP client settings shared by {@code http} and {@code faas} placement
 */
@ConfigurationProperties("liquid5gc")
public record PlacementProperties(Map<String, NfSettings> nf, String faasUrlPattern, HttpSettings http) {

    public PlacementProperties {
        Map<String, NfSettings> normalized = new LinkedHashMap<>();
        if (nf != null) {
            nf.forEach((key, value) -> {
                String k = key.toLowerCase(Locale.ROOT);
                if (NfType.fromKey(k).isEmpty()) {
                    throw new IllegalArgumentException("liquid5gc.nf." + key + ": unknown NF; known: amf, smf, nrf, ausf, udm, udr, pcf, nssf, chf, bsf, nwdaf, nsacf");
                }
                normalized.put(k, value == null ? NfSettings.DEFAULT : value);
            });
        }
        nf = Map.copyOf(normalized);
        http = http == null ? HttpSettings.DEFAULT : http;
    }

    public NfSettings of(NfType type) {
        return nf.getOrDefault(type.key(), NfSettings.DEFAULT);
    }

    /**
     * @param placement  local (default), http or faas
     * @param url        base URL of the NF's always-on service ({@code http}); the function is at {@code url/{function}}
     * @param urlPattern overrides {@link PlacementProperties#faasUrlPattern()} for this NF ({@code faas})
     * @param enabled    false switches a Release 17 NF off: callers skip it (only NWDAF, CHF, NSACF, BSF)
     * @param timeout    per-call timeout overriding {@link HttpSettings#timeout()}
     */
    public record NfSettings(Placement placement, URI url, String urlPattern, Boolean enabled, Duration timeout) {
        public static final NfSettings DEFAULT = new NfSettings(Placement.LOCAL, null, null, true, null);

        public NfSettings {
            placement = placement == null ? Placement.LOCAL : placement;
            enabled = enabled == null || enabled;
        }
    }

    /**
     * @param connectTimeout TCP connect timeout
     * @param timeout        whole-call timeout (request sent to response read)
     * @param maxAttempts    attempts per call: a refused connection is retried for any function, a timeout or a
     *                       502/503/504 only for idempotent ones
     * @param retryBackoff   wait before the second attempt, doubled for each further one
     */
    public record HttpSettings(Duration connectTimeout, Duration timeout, Integer maxAttempts, Duration retryBackoff) {
        public static final HttpSettings DEFAULT = new HttpSettings(null, null, null, null);

        public HttpSettings {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
            maxAttempts = maxAttempts == null ? 3 : Math.max(1, maxAttempts);
            retryBackoff = retryBackoff == null ? Duration.ofMillis(50) : retryBackoff;
        }
    }
}
