package io.liquid5gc.udr.provisioning;

import io.liquid5gc.runtime.http.RequestBodyLimit;
import io.liquid5gc.runtime.operator.OperatorApi;
import io.liquid5gc.runtime.safety.UnsafeSetting;
import io.liquid5gc.runtime.safety.UnsafeSettingCheck;
import io.liquid5gc.udr.SubscriberRepository;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Subscriber provisioning wherever the UDR runs: the REST API, and the default subscribers at startup. */
@AutoConfiguration(afterName = "io.liquid5gc.udr.UdrFunctions")
@EnableConfigurationProperties(ProvisioningProperties.class)
public class ProvisioningAutoConfiguration {

    @Bean
    SubscriberProvisioning subscriberProvisioning(SubscriberRepository repository) {
        return new SubscriberProvisioning(repository);
    }

    /** The all-in-one's default set: public test credentials, one K shared by every subscriber. */
    @Bean
    UnsafeSettingCheck defaultSubscribersSafetyCheck(ProvisioningProperties properties) {
        return () -> properties.defaultSubscribers() == null ? List.of() : List.of(new UnsafeSetting("default-subscribers",
                "the default subscribers of " + properties.defaultSubscribers() + " are imported into an empty store: public test "
                        + "credentials (one published K for all of them)",
                "set liquid5gc.provisioning.default-subscribers=none and provision real subscribers"));
    }

    @Bean
    DefaultSubscribers defaultSubscribers(SubscriberProvisioning provisioning, ProvisioningProperties properties,
                                          ResourceLoader resources, ObjectProvider<ObjectMapper> json) {
        return new DefaultSubscribers(provisioning, properties, resources, json.getIfAvailable(JsonMapper::new));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnProperty(name = "liquid5gc.provisioning.api-enabled", havingValue = "true", matchIfMissing = true)
    static class Api {

        @Bean
        RouterFunction<ServerResponse> provisioningRoutes(SubscriberProvisioning provisioning, ProvisioningProperties properties,
                                                          ObjectProvider<ObjectMapper> json) {
            return new ProvisioningRoutes(provisioning, json.getIfAvailable(JsonMapper::new), properties).routes();
        }

        /** Everything under /provisioning/ needs the operator's credentials (function-runtime's operator filter). */
        @Bean
        OperatorApi provisioningOperatorApi() {
            return new OperatorApi("provisioning", "/provisioning/");
        }

        @Bean
        RequestBodyLimit provisioningBodyLimit(ProvisioningProperties properties) {
            return new RequestBodyLimit("/provisioning/", properties.maxBody().toBytes());
        }

        /** The import is streamed: its own, larger limit (the longest prefix wins). */
        @Bean
        RequestBodyLimit provisioningImportBodyLimit(ProvisioningProperties properties) {
            return new RequestBodyLimit(ProvisioningRoutes.BASE + "/import", properties.maxImportBody().toBytes());
        }
    }
}
