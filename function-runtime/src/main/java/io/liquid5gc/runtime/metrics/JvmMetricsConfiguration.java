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

    @Bean
    JvmMetrics liquid5gcJvmMetrics(JvmMetricsProperties properties, ServeProperties serve, ObjectProvider<MetricsProperties> metrics) {
        MetricsProperties m = metrics.getIfAvailable();
        List<File> paths = m != null ? m.getSystem().getDiskspace().getPaths() : List.of(new File("."));
        return new JvmMetrics(properties, serve, paths);
    }
}
