package io.liquid5gc.r17.bsf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.bsf.BsfApi;
import io.liquid5gc.sbi.bsf.BindingDeregisterRequest;
import io.liquid5gc.sbi.bsf.BindingDeregisterResult;
import io.liquid5gc.sbi.bsf.BindingDiscoveryRequest;
import io.liquid5gc.sbi.bsf.PcfBinding;
import io.liquid5gc.sbi.bsf.PcfBindingResult;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The BSF's functions (Release 17), deployed unless {@code liquid5gc.nf.bsf.enabled=false}; when off,
 * callers skip the BSF (see {@code FunctionClient#isEnabled}).
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@ConditionalOnBooleanProperty(name = "liquid5gc.nf.bsf.enabled", matchIfMissing = true)
public class BsfFunctions {

    @Bean
    PcfBindings bsfPcfBindings(@Qualifier("stateStore") KeyValueStore store, ObjectProvider<ObjectMapper> json) {
        return new PcfBindings(store, json.getIfAvailable(JsonMapper::new));
    }

    /** {@code bsf-binding-register}: PCF binding registration (TS 29.521 Nbsf_Management_Register). */
    @Bean(name = BsfApi.Names.BINDING_REGISTER)
    Function<PcfBinding, PcfBindingResult> bsfBindingRegister(PcfBindings bindings) {
        return bindings::handleRegister;
    }

    /** {@code bsf-binding-discover}: PCF binding discovery (TS 29.521 Nbsf_Management_Discovery). */
    @Bean(name = BsfApi.Names.BINDING_DISCOVER)
    Function<BindingDiscoveryRequest, PcfBindingResult> bsfBindingDiscover(PcfBindings bindings) {
        return bindings::handleDiscover;
    }

    /** {@code bsf-binding-deregister}: PCF binding deregistration (TS 29.521 Nbsf_Management_Deregister). */
    @Bean(name = BsfApi.Names.BINDING_DEREGISTER)
    Function<BindingDeregisterRequest, BindingDeregisterResult> bsfBindingDeregister(PcfBindings bindings) {
        return bindings::handleDeregister;
    }
}
