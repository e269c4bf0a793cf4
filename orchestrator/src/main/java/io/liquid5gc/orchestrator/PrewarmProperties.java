package io.liquid5gc.orchestrator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pre-warming controller ({@code liquid5gc.prewarm.*}).
 *
 * @param enabled        false: the application plans nothing (a dry start)
 * @param target         {@code knative} (min-scale of the chart's Knative Services), {@code runner} (pre-start on the
 *                       local function-runner) or {@code none} (plan only: GET /prewarm/plan)
 * @param namespace      the Knative Services' namespace [the pod's own, from the service account, else "default"]
 * @param meteringUrl    the core process serving the billing report (GET /metering/usage), e.g. http://liquid5gc-proxy:8080
 * @param tokenFile      the operator token for it (a file, e.g. a mounted secret); {@code LIQUID5GC_OPERATOR_TOKEN} otherwise
 * @param runnerUrl      the function-runner, for {@code target=runner}
 * @param step           the forecast interval: the core's {@code liquid5gc.metering.bucket} or a multiple [1h]
 * @param lead           how far ahead to warm [1h]
 * @param lookback       history fitted on [14d; at least 7d]
 * @param concurrency    invocations one instance serves at once [10; Knative containerConcurrency]
 * @param headroom       factor over the expected busy instances [1.5]
 * @param minInvocations an interval expecting this many invocations keeps one instance warm [1]
 * @param budget         warm instances over all functions at most [20]
 * @param maxPerFunction warm instances per function (per Knative Service of one function) at most [5]
 */
@ConfigurationProperties("liquid5gc.prewarm")
public record PrewarmProperties(@DefaultValue("true") boolean enabled, @DefaultValue("none") String target, String namespace,
                                URI meteringUrl, Path tokenFile, URI runnerUrl,
                                @DefaultValue("1h") Duration step, @DefaultValue("1h") Duration lead, @DefaultValue("14d") Duration lookback,
                                @DefaultValue("10") int concurrency, @DefaultValue("1.5") double headroom,
                                @DefaultValue("1") double minInvocations, @DefaultValue("20") int budget,
                                @DefaultValue("5") int maxPerFunction) {

    public PrewarmProperties {
        if (!target.equals("knative") && !target.equals("runner") && !target.equals("none")) {
            throw new IllegalArgumentException("liquid5gc.prewarm.target must be knative, runner or none: " + target);
        }
        if (enabled && meteringUrl == null) {
            throw new IllegalArgumentException("liquid5gc.prewarm.metering-url is required: the core process serving GET /metering/usage");
        }
        if (enabled && target.equals("runner") && runnerUrl == null) {
            throw new IllegalArgumentException("liquid5gc.prewarm.runner-url is required with target=runner");
        }
    }
}
