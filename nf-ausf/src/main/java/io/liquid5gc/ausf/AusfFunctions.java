package io.liquid5gc.ausf;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.ausf.AusfApi;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.ausf.AusfAuthenticateRequest;
import io.liquid5gc.sbi.ausf.AusfAuthenticateResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AUSF's functions as Spring Cloud Function beans, named as in the contract. An auto-configuration,
 * so that the AUSF application and the all-in-one both deploy them by having this jar on the classpath.
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@EnableConfigurationProperties(AusfProperties.class)
public class AusfFunctions {

    @Bean
    UeAuthenticationService ueAuthenticationService(FunctionClient client, @Qualifier("stateStore") KeyValueStore store,
                                                    ObjectProvider<ObjectMapper> json, Clock clock, AusfProperties properties,
                                                    ObjectProvider<MeterRegistry> meters) {
        return new UeAuthenticationService(client, store, json.getIfAvailable(JsonMapper::new), clock, properties,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** {@code ausf-authenticate}: 5G AKA authentication and confirmation (TS 29.509 5.2.2.2, TS 33.501 6.1.3.2). */
    @Bean
    io.liquid5gc.runtime.safety.UnsafeSettingCheck ausfServingPlmnCheck(AusfProperties properties) {
        return new ServingPlmnCheck(properties);
    }

    @Bean(name = AusfApi.Names.AUTHENTICATE)
    Function<AusfAuthenticateRequest, AusfAuthenticateResponse> ausfAuthenticate(UeAuthenticationService service) {
        return service::handle;
    }
}
