package io.liquid5gc.runtime.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code liquid5gc.metrics.jvm.*}: the JVM, process and logging metrics ({@code jvm_*}, {@code process_*},
 * {@code system_*}, {@code disk_*}, {@code logback_events_total}).
 *
 * @param enabled {@code true} or {@code false}; not set (the default): on in every process except a FaaS replica
 *                ({@code liquid5gc.serve.placement=faas}, which the chart's faas units, Knative and SAM set), whose
 *                ~190 classes of JVM management beans and binders cost ~1.5 MB of each unit (docs/operations.md
 *                "Memory of a function unit"); the function metrics stay in either case
 */
@ConfigurationProperties("liquid5gc.metrics.jvm")
public record JvmMetricsProperties(Boolean enabled) {
}
