package io.liquid5gc.runtime.metering;

import io.liquid5gc.runtime.operator.OperatorApi;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Tenants and metering in every NF process (imported by the runtime's auto-configuration): the {@link TenantMeter}
 * the dispatcher records into, its flush to the store's ledger, and, with {@code liquid5gc.metering.api-enabled}, the
 * billing report under {@code /metering/} (an operator API).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TenantProperties.class, MeteringProperties.class})
public class MeteringAutoConfiguration {

    @Bean
    Tenants liquid5gcTenants(TenantProperties properties) {
        return new Tenants(properties);
    }

    @Bean
    InvocationMeter invocationMeter(MeteringProperties properties, Tenants tenants, ObjectProvider<MeterRegistry> meters, Clock clock) {
        if (!properties.enabled()) {
            return InvocationMeter.NONE;
        }
        return new TenantMeter(meters.getIfAvailable(SimpleMeterRegistry::new), properties, tenants, clock);
    }

    @Bean(destroyMethod = "close")
    UsageFlusher usageFlusher(InvocationMeter meter, @Qualifier("stateStore") KeyValueStore store, MeteringProperties properties) {
        return new UsageFlusher(meter instanceof TenantMeter t ? t : null, store, properties.flushInterval());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnProperty(name = "liquid5gc.metering.api-enabled", havingValue = "true")
    static class Api {

        @Bean
        RouterFunction<ServerResponse> meteringRoutes(InvocationMeter meter, @Qualifier("stateStore") KeyValueStore store, Clock clock) {
            if (!(meter instanceof TenantMeter t)) {
                throw new IllegalStateException("liquid5gc.metering.api-enabled=true needs liquid5gc.metering.enabled=true");
            }
            return new MeteringRoutes(t, store, clock).routes();
        }

        /** Everything under /metering/ needs the operator's credentials (function-runtime's operator filter). */
        @Bean
        OperatorApi meteringOperatorApi() {
            return new OperatorApi("metering", MeteringRoutes.BASE + "/");
        }
    }
}
