package io.liquid5gc.ausf;

import io.liquid5gc.sbi.ausf.AusfApi;
import io.liquid5gc.runtime.invoke.PendingFunctions;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.JsonObject;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The AUSF's functions as Spring Cloud Function beans, named as in the contract. An auto-configuration,
 * so that the AUSF application and the all-in-one both deploy them by having this jar on the classpath.
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
public class AusfFunctions {

    /** {@code ausf-authenticate}: 5G-AKA authentication (TS 29.509 Nausf_UEAuthentication, TS 33.501 6.1.3.2). */
    @Bean(name = "ausf-authenticate")
    Function<JsonObject, JsonObject> ausfAuthenticate() {
        return PendingFunctions.of(AusfApi.AUTHENTICATE, "5G-AKA authentication");
    }
}
