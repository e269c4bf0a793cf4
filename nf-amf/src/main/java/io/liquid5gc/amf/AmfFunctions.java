package io.liquid5gc.amf;

import io.liquid5gc.runtime.invoke.PendingFunctions;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.JsonObject;
import io.liquid5gc.sbi.amf.AmfApi;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The AMF's functions as Spring Cloud Function beans, named as in the contract. An auto-configuration,
 * so that the AMF application and the all-in-one both deploy them by having this jar on the classpath.
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
public class AmfFunctions {

    /** {@code amf-initial-registration}: Registration (TS 24.501 5.5.1, TS 23.502 4.2.2.2). */
    @Bean(name = "amf-initial-registration")
    Function<JsonObject, JsonObject> amfInitialRegistration() {
        return PendingFunctions.of(AmfApi.INITIAL_REGISTRATION, "Registration");
    }

    /** {@code amf-deregistration}: Deregistration (TS 24.501 5.5.2). */
    @Bean(name = "amf-deregistration")
    Function<JsonObject, JsonObject> amfDeregistration() {
        return PendingFunctions.of(AmfApi.DEREGISTRATION, "Deregistration");
    }

    /** {@code amf-service-request}: Service request (TS 24.501 5.6.1). */
    @Bean(name = "amf-service-request")
    Function<JsonObject, JsonObject> amfServiceRequest() {
        return PendingFunctions.of(AmfApi.SERVICE_REQUEST, "Service request");
    }

    /** {@code amf-pdu-session-relay}: PDU session relay to the SMF (TS 23.502 4.3.2). */
    @Bean(name = "amf-pdu-session-relay")
    Function<JsonObject, JsonObject> amfPduSessionRelay() {
        return PendingFunctions.of(AmfApi.PDU_SESSION_RELAY, "PDU session relay to the SMF");
    }

    /** {@code amf-handover}: N2 handover and Xn path switch (TS 23.502 4.9). */
    @Bean(name = "amf-handover")
    Function<JsonObject, JsonObject> amfHandover() {
        return PendingFunctions.of(AmfApi.HANDOVER, "N2 handover and Xn path switch");
    }

    /** {@code amf-auth-initiate}: Authentication initiation (TS 33.501 6.1.2). */
    @Bean(name = "amf-auth-initiate")
    Function<JsonObject, JsonObject> amfAuthInitiate() {
        return PendingFunctions.of(AmfApi.AUTH_INITIATE, "Authentication initiation");
    }
}
