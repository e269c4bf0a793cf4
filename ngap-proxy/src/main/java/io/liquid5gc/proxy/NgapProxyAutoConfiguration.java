package io.liquid5gc.proxy;

import io.liquid5gc.proxy.n2.N2Server;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The N2 termination, in any application that has this jar (the all-in-one, the proxy application). */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@EnableConfigurationProperties(ProxyProperties.class)
@ConditionalOnBooleanProperty(name = "liquid5gc.proxy.enabled", matchIfMissing = true)
public class NgapProxyAutoConfiguration {

    @Bean
    N2Server n2Server(ProxyProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new N2Server(properties, meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
