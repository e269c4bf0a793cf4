package io.liquid5gc.nrf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.nrf.NfStatusSubscriptionRequest;
import io.liquid5gc.sbi.nrf.SubscriptionData;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import io.liquid5gc.sbi.nrf.NfDiscoveryRequest;
import io.liquid5gc.sbi.nrf.NfDiscoveryResult;
import io.liquid5gc.sbi.nrf.NfProfile;
import io.liquid5gc.sbi.nrf.NfRegistrationResult;
import io.liquid5gc.sbi.nrf.NrfApi;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import io.liquid5gc.runtime.operator.OperatorApi;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The NRF's functions as Spring Cloud Function beans, named as in the contract. */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@EnableConfigurationProperties(NrfProperties.class)
@org.springframework.context.annotation.Import(io.liquid5gc.nrf.oauth2.NrfOAuth2Configuration.class)
public class NrfFunctions {

    @Bean
    NfStatusNotifier nfStatusNotifier(@Qualifier("registryStore") KeyValueStore registry, ObjectProvider<ObjectMapper> json,
                                      Clock clock, NrfProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new NfStatusNotifier(registry, json.getIfAvailable(JsonMapper::new), clock, properties,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    NfRegistry nfRegistry(@Qualifier("registryStore") KeyValueStore registry, ObjectProvider<ObjectMapper> json,
                          NrfProperties properties, NfStatusNotifier notifier) {
        return new NfRegistry(registry, json.getIfAvailable(JsonMapper::new), properties, notifier);
    }

    /** {@code nrf-register}: NFRegister and heart-beat (TS 29.510 5.2.2.2). */
    @Bean(name = NrfApi.Names.REGISTER)
    Function<NfProfile, NfRegistrationResult> nrfRegister(NfRegistry registry) {
        return registry::handleNfRegister;
    }

    /** {@code nrf-discover}: NFDiscover (TS 29.510 5.3.2.2). */
    @Bean(name = NrfApi.Names.DISCOVER)
    Function<NfDiscoveryRequest, NfDiscoveryResult> nrfDiscover(NfRegistry registry) {
        return registry::handleNfDiscover;
    }

    /**
     * {@code nrf-status-notify}: NFStatusSubscribe / NFStatusUnSubscribe; the NRF then sends NFStatusNotify to
     * the subscriber (TS 29.510 5.2.2.5-5.2.2.7).
     */
    @Bean(name = NrfApi.Names.STATUS_NOTIFY)
    Function<NfStatusSubscriptionRequest, SubscriptionData> nrfStatusNotify(NfStatusNotifier notifier) {
        return notifier::handleNfStatusSubscription;
    }

    /** {@code GET /registry/nf-instances}: the registered NF instances, for operators (see {@link NfInstancesEndpoint}). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    RouterFunction<ServerResponse> nrfInstancesRoutes(@Qualifier("registryStore") KeyValueStore registry, ObjectProvider<ObjectMapper> json) {
        return new NfInstancesEndpoint(registry, json.getIfAvailable(JsonMapper::new)).routes();
    }

    /**
     * {@code /registry/} is an operator API: function-runtime's operator filter wants the operator's credentials there,
     * and the operator console appears in an NRF alone (its placement view lists these instances).
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    OperatorApi nrfRegistryOperatorApi() {
        return new OperatorApi("nf-registry", "/registry/");
    }
}
