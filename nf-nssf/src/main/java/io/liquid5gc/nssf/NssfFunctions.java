package io.liquid5gc.nssf;

import io.liquid5gc.sbi.nssf.NssfApi;
import io.liquid5gc.runtime.invoke.PendingFunctions;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.JsonObject;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The NSSF's functions as Spring Cloud Function beans, named as in the contract. An auto-configuration,
 * so that the NSSF application and the all-in-one both deploy them by having this jar on the classpath.
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
public class NssfFunctions {

    /** {@code nssf-slice-select}: Network slice selection (TS 29.531 Nnssf_NSSelection). */
    @Bean(name = "nssf-slice-select")
    Function<JsonObject, JsonObject> nssfSliceSelect() {
        return PendingFunctions.of(NssfApi.SLICE_SELECT, "Network slice selection");
    }
}
