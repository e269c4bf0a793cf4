package io.liquid5gc.udr;

import io.liquid5gc.sbi.udr.UdrApi;
import io.liquid5gc.runtime.invoke.PendingFunctions;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.JsonObject;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The UDR's functions as Spring Cloud Function beans, named as in the contract. An auto-configuration,
 * so that the UDR application and the all-in-one both deploy them by having this jar on the classpath.
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
public class UdrFunctions {

    /** {@code udr-data-read}: Subscription data read (TS 29.504 Nudr_DataRepository). */
    @Bean(name = "udr-data-read")
    Function<JsonObject, JsonObject> udrDataRead() {
        return PendingFunctions.of(UdrApi.DATA_READ, "Subscription data read");
    }

    /** {@code udr-data-write}: Subscription data write (TS 29.504 Nudr_DataRepository). */
    @Bean(name = "udr-data-write")
    Function<JsonObject, JsonObject> udrDataWrite() {
        return PendingFunctions.of(UdrApi.DATA_WRITE, "Subscription data write");
    }
}
