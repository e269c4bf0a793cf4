package io.liquid5gc.r17.bsf;

import io.liquid5gc.sbi.bsf.BsfApi;
import io.liquid5gc.runtime.invoke.PendingFunctions;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.JsonObject;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * The BSF's functions (Release 17), deployed unless {@code liquid5gc.nf.bsf.enabled=false}; when off,
 * callers skip the BSF (see {@code FunctionClient#isEnabled}).
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@ConditionalOnBooleanProperty(name = "liquid5gc.nf.bsf.enabled", matchIfMissing = true)
public class BsfFunctions {

    /** {@code bsf-binding-register}: PCF binding register (TS 29.521 Nbsf_Management). */
    @Bean(name = "bsf-binding-register")
    Function<JsonObject, JsonObject> bsfBindingRegister() {
        return PendingFunctions.of(BsfApi.BINDING_REGISTER, "PCF binding register");
    }

    /** {@code bsf-binding-discover}: PCF binding discovery (TS 29.521). */
    @Bean(name = "bsf-binding-discover")
    Function<JsonObject, JsonObject> bsfBindingDiscover() {
        return PendingFunctions.of(BsfApi.BINDING_DISCOVER, "PCF binding discovery");
    }

    /** {@code bsf-binding-deregister}: PCF binding deregister (TS 29.521). */
    @Bean(name = "bsf-binding-deregister")
    Function<JsonObject, JsonObject> bsfBindingDeregister() {
        return PendingFunctions.of(BsfApi.BINDING_DEREGISTER, "PCF binding deregister");
    }
}
