package io.liquid5gc.udm;

import io.liquid5gc.sbi.udm.UdmApi;
import io.liquid5gc.runtime.invoke.PendingFunctions;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.JsonObject;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The UDM's functions as Spring Cloud Function beans, named as in the contract. An auto-configuration,
 * so that the UDM application and the all-in-one both deploy them by having this jar on the classpath.
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
public class UdmFunctions {

    /** {@code udm-generate-auth-data}: Authentication vector generation (TS 29.503 Nudm_UEAU). */
    @Bean(name = "udm-generate-auth-data")
    Function<JsonObject, JsonObject> udmGenerateAuthData() {
        return PendingFunctions.of(UdmApi.GENERATE_AUTH_DATA, "Authentication vector generation");
    }

    /** {@code udm-get-subscriber-data}: Subscriber data retrieval (TS 29.503 Nudm_SDM). */
    @Bean(name = "udm-get-subscriber-data")
    Function<JsonObject, JsonObject> udmGetSubscriberData() {
        return PendingFunctions.of(UdmApi.GET_SUBSCRIBER_DATA, "Subscriber data retrieval");
    }
}
