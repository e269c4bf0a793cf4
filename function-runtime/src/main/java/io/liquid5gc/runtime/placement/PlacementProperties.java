package io.liquid5gc.runtime.placement;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.NfType;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-NF placement, from {@code liquid5gc.nf.<nf>.*} (or the environment, e.g.
 * {@code LIQUID5GC_NF_AUSF_PLACEMENT=http}, {@code LIQUID5GC_NF_AUSF_URL=http://ausf:8080}), and per function,
 * overriding its NF's, from {@code liquid5gc.function.<function>.*} (e.g. {@code liquid5gc.function.nwdaf-analytics-subscribe.placement=faas}
 * with {@code .url-pattern}: one function deployed as its own unit while the rest of its NF stays where it is; as
 * environment variables these names are used as they are, dots and dashes included, which Kubernetes and Compose accept).
 *
 * @param nf          settings per NF key (amf, smf, ausf, udm, udr, nrf, pcf, nssf, chf, bsf, nwdaf, nsacf)
 * @param faasUrlPattern the default gateway URL for {@code faas} placement; {@code {function}} and {@code {nf}}
 *                    are replaced, e.g. {@code http://gateway:8080/function/{function}} (OpenFaaS) or
 *                    {@code http://{function}.default.example.com/{function}} (Knative, one service per function)
 * @param http        the HTTP client settings shared by {@code http} and {@code faas} placement
 * @param function    overrides per function name (one of the 31); what a function entry leaves unset comes from its NF
 */
@ConfigurationProperties("liquid5gc")
public record PlacementProperties(Map<String, NfSettings> nf, String faasUrlPattern, @DefaultValue HttpSettings http,
                                  Map<String, FunctionSettings> function) {

    public PlacementProperties(Map<String, NfSettings> nf, String faasUrlPattern, HttpSettings http) {
        this(nf, faasUrlPattern, http, null);
    }

    /** The declared defaults: every NF local, the HTTP client's declared settings (no {@code liquid5gc.*} property bound). */
    public static PlacementProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc", PlacementProperties.class);
    }

    @ConstructorBinding
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
        http = http == null ? HttpSettings.DEFAULTS : http; // constructed directly (tests) without them
        Map<String, FunctionSettings> functions = new LinkedHashMap<>();
        if (function != null) {
            function.forEach((name, value) -> {
                String n = name.toLowerCase(Locale.ROOT);
                if (Functions.byName(n).isEmpty()) {
                    throw new IllegalArgumentException("liquid5gc.function." + name + ": not one of the 31 functions of the contract");
                }
                if (value != null) {
                    functions.put(n, value);
                }
            });
        }
        function = Map.copyOf(functions);
    }

    public NfSettings of(NfType type) {
        return nf.getOrDefault(type.key(), NfSettings.DEFAULT);
    }

    /** The settings a call of this function uses: its own entry under {@code liquid5gc.function}, the rest from its NF. */
    public NfSettings of(FunctionSpec<?, ?> spec) {
        NfSettings own = of(spec.nf());
        FunctionSettings f = function.get(spec.name());
        if (f == null) {
            return own;
        }
        return new NfSettings(f.placement() != null ? f.placement() : own.placement(), f.url() != null ? f.url() : own.url(),
                f.urlPattern() != null ? f.urlPattern() : own.urlPattern(), own.enabled(),
                f.timeout() != null ? f.timeout() : own.timeout());
    }

    /**
     * One function's placement overriding its NF's; every setting left empty is the NF's.
     *
     * @param placement  local, http or faas
     * @param url        base URL of the always-on service answering this function ({@code http})
     * @param urlPattern the FaaS URL of this function ({@code faas}; {@code {function}} and {@code {nf}} replaced)
     * @param timeout    per-call timeout
     */
    public record FunctionSettings(Placement placement, URI url, String urlPattern, Duration timeout) {
    }

    /**
     * @param placement  local (default), http or faas
     * @param url        base URL of the NF's always-on service ({@code http}); the function is at {@code url/{function}}
     * @param urlPattern overrides {@link PlacementProperties#faasUrlPattern()} for this NF ({@code faas})
     * @param enabled    false switches a Release 17 NF off: callers skip it (only NWDAF, CHF, NSACF, BSF)
     * @param timeout    per-call timeout overriding {@link HttpSettings#timeout()}
     */
    public record NfSettings(@DefaultValue("local") Placement placement, URI url, String urlPattern,
                             @DefaultValue("true") boolean enabled, Duration timeout) {
        /** What an NF with no {@code liquid5gc.nf.<nf>.*} property gets: local, enabled. */
        public static final NfSettings DEFAULT = new NfSettings(Placement.LOCAL, null, null, true, null);

        public NfSettings {
            Objects.requireNonNull(placement, "liquid5gc.nf.<nf>.placement");
        }
    }

    /**
     * @param connectTimeout TCP connect timeout
     * @param timeout        whole-call timeout (request sent to response read)
     * @param maxAttempts    attempts per call: a refused connection is retried for any function, a timeout or a
     *                       502/503/504 only for idempotent ones
     * @param retryBackoff   wait before the second attempt, doubled for each further one
     */
    public record HttpSettings(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration timeout,
                               @DefaultValue("3") int maxAttempts, @DefaultValue("50ms") Duration retryBackoff) {
        /** The declared defaults: what binding no {@code liquid5gc.http.*} property gives. */
        public static final HttpSettings DEFAULTS = new Binder().bindOrCreate("liquid5gc.http", HttpSettings.class);

        public HttpSettings {
            Objects.requireNonNull(connectTimeout, "liquid5gc.http.connect-timeout");
            Objects.requireNonNull(timeout, "liquid5gc.http.timeout");
            Objects.requireNonNull(retryBackoff, "liquid5gc.http.retry-backoff");
            maxAttempts = Math.max(1, maxAttempts);
        }
    }
}
