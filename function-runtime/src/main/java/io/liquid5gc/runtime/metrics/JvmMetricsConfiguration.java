package io.liquid5gc.runtime.metrics;

import io.liquid5gc.runtime.invoke.ServeProperties;
import java.io.File;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link JvmMetrics}: the JVM, system and Logback metrics, decided at run time ({@link JvmMetricsProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JvmMetricsProperties.class)
public class JvmMetricsConfiguration {

    /**
     * When Boot's own JVM metrics configuration is there too (a {@code spring.autoconfigure.exclude} of one's own
     * replaces {@code Liquid5gcDefaults}' list), its binders are the ones bound: the same binders twice would count
     * every GC twice.
     */
    @Bean
    JvmMetrics liquid5gcJvmMetrics(JvmMetricsProperties properties, ServeProperties serve, ObjectProvider<MetricsProperties> metrics,
                                   org.springframework.beans.factory.ListableBeanFactory beans) {
        MetricsProperties m = metrics.getIfAvailable();
        List<File> paths = m != null ? m.getSystem().getDiskspace().getPaths() : List.of(new File("."));
        boolean boots = beans.getBeanNamesForType(io.micrometer.core.instrument.binder.jvm.JvmGcMetrics.class, true, false).length > 0;
        return new JvmMetrics(boots ? new JvmMetricsProperties(false) : properties, serve, paths);
    }
}
