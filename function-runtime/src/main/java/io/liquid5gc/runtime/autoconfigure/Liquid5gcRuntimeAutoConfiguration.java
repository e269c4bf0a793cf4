package io.liquid5gc.runtime.autoconfigure;

import io.liquid5gc.runtime.discovery.NfSelfRegistration;
import io.liquid5gc.runtime.discovery.NrfPeerResolver;
import io.liquid5gc.runtime.discovery.RegistrationProperties;
import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.invoke.FunctionEndpoint;
import io.liquid5gc.runtime.invoke.ServeProperties;
import io.liquid5gc.runtime.invoke.SingleFunctionDeployment;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.placement.PeerResolver;
import io.liquid5gc.runtime.placement.PlacementFunctionClient;
import io.liquid5gc.runtime.placement.PlacementProperties;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.KeyValueStoreFactory;
import io.liquid5gc.runtime.store.MeteredKeyValueStore;
import io.liquid5gc.runtime.store.RegistryProperties;
import io.liquid5gc.runtime.store.StoreConnections;
import io.liquid5gc.runtime.store.StoreProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The function runtime of every NF process: the dispatcher of the functions deployed here, the placement
 * client through which they call each other, the HTTP endpoint, and the state and registry stores.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@EnableConfigurationProperties({PlacementProperties.class, ServeProperties.class, StoreProperties.class, RegistryProperties.class})
@org.springframework.context.annotation.Import({io.liquid5gc.runtime.security.SbiSecurityConfiguration.class,
        io.liquid5gc.runtime.metering.MeteringAutoConfiguration.class, io.liquid5gc.runtime.metrics.JvmMetricsConfiguration.class})
public class Liquid5gcRuntimeAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(Liquid5gcRuntimeAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock liquid5gcClock() {
        return Clock.systemUTC();
    }

    /** {@code liquid5gc.serve.function}: this process is the unit of that one function; the others are not deployed. */
    @Bean
    static SingleFunctionDeployment liquid5gcSingleFunctionDeployment() {
        return new SingleFunctionDeployment();
    }

    @Bean
    FunctionDispatcher functionDispatcher(ListableBeanFactory beans, ObjectProvider<MeterRegistry> meters,
                                          ObjectProvider<io.liquid5gc.runtime.metering.InvocationMeter> metering) {
        return new FunctionDispatcher(beans, meters.getIfAvailable(SimpleMeterRegistry::new),
                metering.getIfAvailable(() -> io.liquid5gc.runtime.metering.InvocationMeter.NONE));
    }

    /** NFs placed http without a URL are found through the NRF (unless liquid5gc.discovery.enabled=false). */
    @Bean
    @ConditionalOnMissingBean
    PeerResolver peerResolver(ObjectProvider<FunctionClient> client, Clock clock, FunctionDispatcher dispatcher,
                              Environment env) {
        if (!env.getProperty("liquid5gc.discovery.enabled", Boolean.class, true)) {
            return PeerResolver.NONE;
        }
        java.time.Duration maxCache = env.getProperty("liquid5gc.discovery.max-cache", java.time.Duration.class, java.time.Duration.ofSeconds(30));
        return new NrfPeerResolver(client, clock, maxCache, () -> dispatcher.deployed().stream()
                .map(f -> io.liquid5gc.sbi.Functions.byName(f).orElseThrow().nf().name()).findFirst().orElse("AF"));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(FunctionClient.class)
    PlacementFunctionClient functionClient(PlacementProperties placement, FunctionDispatcher dispatcher, PeerResolver resolver,
                                           ObjectProvider<ObjectMapper> json, ObjectProvider<MeterRegistry> meters,
                                           ObjectProvider<io.liquid5gc.runtime.security.ConsumerCredentials> credentials) {
        PlacementFunctionClient client = new PlacementFunctionClient(placement, dispatcher, resolver,
                json.getIfAvailable(JsonMapper::new), meters.getIfAvailable(SimpleMeterRegistry::new),
                credentials.getIfAvailable(() -> io.liquid5gc.runtime.security.ConsumerCredentials.NONE));
        log.info("function placement: {}", describe(placement));
        return client;
    }

    static String describe(PlacementProperties p) {
        return java.util.Arrays.stream(io.liquid5gc.sbi.NfType.values())
                .map(nf -> nf.key() + "=" + (p.of(nf).enabled() ? p.of(nf).placement().key() : "off"))
                .collect(Collectors.joining(", "));
    }

    /**
     * The Redis/etcd connections of this process. One that gives up (a configuration error found after the start, the
     * start timeout) reports the process broken: liveness DOWN, so an orchestrator restarts it.
     */
    @Bean
    StoreConnections storeConnections(Clock clock, ObjectProvider<MeterRegistry> meters,
                                      org.springframework.context.ApplicationEventPublisher events) {
        return new StoreConnections(clock, meters.getIfAvailable(SimpleMeterRegistry::new), status ->
                org.springframework.boot.availability.AvailabilityChangeEvent.publish(events, status,
                        org.springframework.boot.availability.LivenessState.BROKEN));
    }

    @Bean(name = "stateStore", destroyMethod = "close")
    @Primary
    @ConditionalOnMissingBean(name = "stateStore")
    KeyValueStore stateStore(StoreProperties properties, List<KeyValueStoreFactory> factories, Clock clock,
                             ObjectProvider<MeterRegistry> meters, StoreConnections connections) {
        KeyValueStore backend;
        if (properties.type().equals("memory")) {
            StoreProperties.Memory m = properties.memory();
            backend = m.journalEnabled()
                    ? new InMemoryKeyValueStore(clock, m.journal(), m.persistentPrefixes())
                    : new InMemoryKeyValueStore(clock);
        } else {
            backend = connections.open("state", factoryFor("liquid5gc.store.type", properties.type(), factories), properties);
        }
        log.info("state store: {}", backend.describe());
        return new MeteredKeyValueStore(backend, "state", properties.type(), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean(name = "registryStore", destroyMethod = "close")
    @ConditionalOnMissingBean(name = "registryStore")
    KeyValueStore registryStore(RegistryProperties properties, StoreProperties store, List<KeyValueStoreFactory> factories,
                                Clock clock, ObjectProvider<MeterRegistry> meters, StoreConnections connections) {
        KeyValueStore backend;
        if (properties.type().equals("memory")) {
            backend = new InMemoryKeyValueStore(clock);
        } else {
            backend = connections.open("registry", factoryFor("liquid5gc.registry.type", properties.type(), factories), store);
        }
        log.info("registry store: {}", backend.describe());
        return new MeteredKeyValueStore(backend, "registry", properties.type(), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Readiness includes {@code stores} (Liquid5gcDefaults): DOWN while a Redis/etcd store does not answer. */
    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class StoreHealth {

        @Bean
        io.liquid5gc.runtime.store.StoreHealthIndicator storesHealthIndicator(StoreConnections connections) {
            return new io.liquid5gc.runtime.store.StoreHealthIndicator(connections);
        }
    }

    private static KeyValueStoreFactory factoryFor(String property, String type, List<KeyValueStoreFactory> factories) {
        return factories.stream().filter(f -> f.type().equals(type)).findFirst().orElseThrow(() ->
                new IllegalStateException(property + "=" + type + " but no such store is on the classpath (available: memory"
                        + factories.stream().map(f -> ", " + f.type()).collect(Collectors.joining())
                        + "); add the module store-" + type + " (an image or unit built with deploy/docker/extract.sh keeps it only"
                        + " when STORES names " + type + ")"));
    }

    /**
     * The FaaS face without a web server (AWS Lambda: the adapter calls functions through the catalog): every
     * invocation authenticated and authorized as an HTTP call is ({@link io.liquid5gc.runtime.invoke.FaasInvocationGuard}).
     */
    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name =
            "org.springframework.cloud.function.context.catalog.FunctionAroundWrapper")
    static class Faas {

        @Bean
        io.liquid5gc.runtime.invoke.FaasInvocationGuard faasInvocationGuard(FunctionDispatcher dispatcher, ServeProperties serve,
                ObjectProvider<ObjectMapper> json, ObjectProvider<io.liquid5gc.runtime.security.CallerAuthentication> authentication) {
            return new io.liquid5gc.runtime.invoke.FaasInvocationGuard(dispatcher,
                    authentication.getIfAvailable(() -> io.liquid5gc.runtime.security.CallerAuthentication.NONE),
                    json.getIfAvailable(JsonMapper::new), serve);
        }
    }

    /** The HTTP face of the functions deployed in this process. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @EnableConfigurationProperties({RegistrationProperties.class, io.liquid5gc.runtime.training.TrainingProperties.class})
    static class Web {

        /** Does nothing unless liquid5gc.training.requests > 0 (an image build's AOT training run). */
        @Bean
        @ConditionalOnMissingBean
        io.liquid5gc.runtime.training.TrainingRun trainingRun(io.liquid5gc.runtime.training.TrainingProperties training,
                FunctionDispatcher dispatcher, ServeProperties serve, io.liquid5gc.runtime.security.SecurityProperties security,
                org.springframework.core.env.Environment env, org.springframework.core.io.ResourceLoader resources, Clock clock) {
            return new io.liquid5gc.runtime.training.TrainingRun(training, dispatcher, serve, security.issuer(), env, resources, clock);
        }

        /** Registers this process's NFs in a remote NRF (by default when the NRF is not local: decided at start). */
        @Bean
        NfSelfRegistration nfSelfRegistration(FunctionClient client, FunctionDispatcher dispatcher, RegistrationProperties registration,
                                              io.liquid5gc.runtime.security.SecurityProperties security,
                                              org.springframework.core.env.Environment env) {
            return new NfSelfRegistration(client, dispatcher, registration, security.nfInstanceId(),
                    io.liquid5gc.runtime.discovery.RegistrationEnabledCondition.enabled(env));
        }

        @Bean
        @org.springframework.context.annotation.Conditional(io.liquid5gc.runtime.discovery.RegistrationEnabledCondition.class)
        @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
        io.liquid5gc.runtime.discovery.NrfRegistrationHealthIndicator nrfRegistrationHealthIndicator(NfSelfRegistration registration) {
            return new io.liquid5gc.runtime.discovery.NrfRegistrationHealthIndicator(registration);
        }

        @Bean(destroyMethod = "close")
        FunctionEndpoint functionEndpoint(FunctionDispatcher dispatcher, ServeProperties serve, ObjectProvider<ObjectMapper> json,
                                          ObjectProvider<io.liquid5gc.runtime.security.CallerAuthentication> authentication) {
            return new FunctionEndpoint(dispatcher, serve, json.getIfAvailable(JsonMapper::new),
                    authentication.getIfAvailable(() -> io.liquid5gc.runtime.security.CallerAuthentication.NONE));
        }

        @Bean
        RouterFunction<ServerResponse> functionRoutes(FunctionEndpoint endpoint) {
            return endpoint.routes();
        }
    }
}
