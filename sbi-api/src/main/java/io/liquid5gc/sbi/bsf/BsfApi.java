package io.liquid5gc.sbi.bsf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The BSF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class BsfApi {

    /** The functions' names as compile-time constants, for {@code @Bean(name = ...)} in the NF that implements them. */
    public static final class Names {
        public static final String BINDING_REGISTER = "bsf-binding-register";
        public static final String BINDING_DISCOVER = "bsf-binding-discover";
        public static final String BINDING_DEREGISTER = "bsf-binding-deregister";

        private Names() {
        }
    }

    /** Nbsf_Management_Register (TS 29.521 5.2.2.2). */
    public static final FunctionSpec<PcfBinding, PcfBindingResult> BINDING_REGISTER =
            new FunctionSpec<>(Names.BINDING_REGISTER, NfType.BSF, PcfBinding.class, PcfBindingResult.class, false);

    /** Nbsf_Management_Discovery (TS 29.521 5.2.2.4). */
    public static final FunctionSpec<BindingDiscoveryRequest, PcfBindingResult> BINDING_DISCOVER =
            new FunctionSpec<>(Names.BINDING_DISCOVER, NfType.BSF, BindingDiscoveryRequest.class, PcfBindingResult.class, true);

    /** Nbsf_Management_Deregister (TS 29.521 5.2.2.3). */
    public static final FunctionSpec<BindingDeregisterRequest, BindingDeregisterResult> BINDING_DEREGISTER =
            new FunctionSpec<>(Names.BINDING_DEREGISTER, NfType.BSF, BindingDeregisterRequest.class, BindingDeregisterResult.class, true);

    private BsfApi() {
    }
}
