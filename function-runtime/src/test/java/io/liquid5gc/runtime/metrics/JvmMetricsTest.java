package io.liquid5gc.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.invoke.ServeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The JVM, system and Logback metrics in a registry configured by Boot (its MeterBinder post-processing): there in an
 * always-on process, not in a FaaS replica unless asked for, decided by properties at run time.
 */
class JvmMetricsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ServeProperties.class)
    static class Serve {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration.class,
                    org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration.class,
                    org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration.class))
            .withUserConfiguration(Serve.class, JvmMetricsConfiguration.class);

    private static boolean hasJvmMetrics(MeterRegistry registry) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        registry.getMeters().forEach(m -> names.add(m.getId().getName()));
        return names.containsAll(java.util.List.of("jvm.memory.used", "jvm.gc.memory.allocated", "jvm.gc.overhead", "jvm.compilation.time", "jvm.threads.live", "jvm.classes.loaded",
                "jvm.info", "process.cpu.usage", "process.uptime", "process.files.open", "system.cpu.count", "disk.free",
                "logback.events")) || failed(names);
    }

    private static boolean failed(java.util.Set<String> names) {
        System.err.println("meters: " + names);
        return false;
    }

    @Test
    void whenAlwaysOn_thenTheJvmProcessAndLogbackMetricsAreThere() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(hasJvmMetrics(context.getBean(MeterRegistry.class))).isTrue();
        });
    }

    @Test
    void whenAFaasReplica_thenNoJvmMetricsUnlessAskedFor() {
        runner.withPropertyValues("liquid5gc.serve.placement=faas").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find("jvm.memory.used").gauge()).isNull();
            assertThat(registry.find("process.uptime").timeGauge()).isNull();
            assertThat(registry.find("logback.events").counter()).isNull();
        });
        runner.withPropertyValues("liquid5gc.serve.placement=faas", "liquid5gc.metrics.jvm.enabled=true")
                .run(context -> assertThat(hasJvmMetrics(context.getBean(MeterRegistry.class))).isTrue());
    }

    @Test
    void whenSwitchedOffInAnAlwaysOnProcess_thenNone() {
        runner.withPropertyValues("liquid5gc.metrics.jvm.enabled=false")
                .run(context -> assertThat(context.getBean(MeterRegistry.class).find("jvm.memory.used").gauge()).isNull());
    }

    @Test
    void whenBootsOwnJvmMetricsAreConfiguredToo_thenOnlyTheyAreBound() {
        runner.withConfiguration(AutoConfigurations.of(
                org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration.class)).run(context -> {
            assertThat(context.getBean(JvmMetrics.class).enabled()).isFalse();
            assertThat(context.getBean(MeterRegistry.class).find("jvm.memory.used").gauge()).isNotNull();
        });
    }
}
