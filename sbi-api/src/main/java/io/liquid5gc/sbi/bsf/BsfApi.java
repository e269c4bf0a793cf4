package io.liquid5gc.sbi.bsf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The BSF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class BsfApi {

    /** Nbsf_Management_Register (TS 29.521 5.2.2.2). */
    public static final FunctionSpec<PcfBinding, PcfBindingResult> BINDING_REGISTER =
            new FunctionSpec<>("bsf-binding-register", NfType.BSF, PcfBinding.class, PcfBindingResult.class, false);

    /** Nbsf_Management_Discovery (TS 29.521 5.2.2.4). */
    public static final FunctionSpec<BindingDiscoveryRequest, PcfBindingResult> BINDING_DISCOVER =
            new FunctionSpec<>("bsf-binding-discover", NfType.BSF, BindingDiscoveryRequest.class, PcfBindingResult.class, true);

    /** Nbsf_Management_Deregister (TS 29.521 5.2.2.3). */
    public static final FunctionSpec<BindingDeregisterRequest, BindingDeregisterResult> BINDING_DEREGISTER =
            new FunctionSpec<>("bsf-binding-deregister", NfType.BSF, BindingDeregisterRequest.class, BindingDeregisterResult.class, true);

    private BsfApi() {
    }
}
