package io.liquid5gc.runtime.metrics;

import io.liquid5gc.runtime.invoke.ServeProperties;
import io.liquid5gc.runtime.placement.Placement;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM, system and Logback metrics Spring Boot's {@code JvmMetricsAutoConfiguration},
 * {@code SystemMetricsAutoConfiguration} and {@code LogbackMetricsAutoConfiguration} bind (the same binders, with
 * their default conventions), bound or not as {@link JvmMetricsProperties} decides when the registry is configured.
 * Boot's auto-configurations decide by bean conditions, which Spring AOT freezes at build time (nf-nssf): they are left
 * out ({@code Liquid5gcDefaults}) and this one bean decides at run time, so one image serves always-on processes with
 * their {@code jvm_*}/{@code process_*} metrics and FaaS replicas without the ~190 classes they load.
 */
public final class JvmMetrics implements MeterBinder, AutoCloseable {

    private final boolean enabled;
    private final List<File> diskSpacePaths;
    private final List<AutoCloseable> closeable = new ArrayList<>();

    JvmMetrics(JvmMetricsProperties properties, ServeProperties serve, List<File> diskSpacePaths) {
        this.enabled = enabled(properties, serve);
        this.diskSpacePaths = List.copyOf(diskSpacePaths);
    }

    /** Set: as set; not set: on unless this process is a FaaS replica. */
    static boolean enabled(JvmMetricsProperties properties, ServeProperties serve) {
        return properties.enabled() != null ? properties.enabled() : serve.placement() != Placement.FAAS;
    }

    boolean enabled() {
        return enabled;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (!enabled) {
            return;
        }
        JvmGcMetrics gc = new JvmGcMetrics();
        JvmHeapPressureMetrics pressure = new JvmHeapPressureMetrics();
        closeable.add(gc);
        closeable.add(pressure);
        List<MeterBinder> binders = new ArrayList<>(List.of(gc, pressure, new JvmMemoryMetrics(), new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new JvmInfoMetrics(), new JvmCompilationMetrics(), new UptimeMetrics(),
                new ProcessorMetrics(), new FileDescriptorMetrics(),
                new org.springframework.boot.micrometer.metrics.system.DiskSpaceMetricsBinder(diskSpacePaths, Tags.empty())));
        if (logback()) {
            io.micrometer.core.instrument.binder.logging.LogbackMetrics events = new io.micrometer.core.instrument.binder.logging.LogbackMetrics();
            closeable.add(events);
            binders.add(events);
        }
        binders.forEach(b -> b.bindTo(registry));
    }

    /** Logback is the logging backend (as Boot's {@code LogbackLoggingCondition}). */
    private static boolean logback() {
        return org.springframework.util.ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext", JvmMetrics.class.getClassLoader())
                && org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName().equals("ch.qos.logback.classic.LoggerContext");
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closeable) {
            c.close();
        }
        closeable.clear();
    }
}
