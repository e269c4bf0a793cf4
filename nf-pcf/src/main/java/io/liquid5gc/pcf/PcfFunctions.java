package io.liquid5gc.pcf;

import io.liquid5gc.sbi.pcf.PcfApi;
import io.liquid5gc.runtime.invoke.PendingFunctions;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.JsonObject;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The PCF's functions as Spring Cloud Function beans, named as in the contract. An auto-configuration,
 * so that the PCF application and the all-in-one both deploy them by having this jar on the classpath.
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
public class PcfFunctions {

    /** {@code pcf-policy-create}: SM policy association create (TS 29.512 Npcf_SMPolicyControl). */
    @Bean(name = "pcf-policy-create")
    Function<JsonObject, JsonObject> pcfPolicyCreate() {
        return PendingFunctions.of(PcfApi.POLICY_CREATE, "SM policy association create");
    }

    /** {@code pcf-policy-get}: SM policy association get (TS 29.512). */
    @Bean(name = "pcf-policy-get")
    Function<JsonObject, JsonObject> pcfPolicyGet() {
        return PendingFunctions.of(PcfApi.POLICY_GET, "SM policy association get");
    }
}
