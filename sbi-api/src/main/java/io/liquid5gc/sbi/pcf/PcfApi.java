package io.liquid5gc.sbi.pcf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The PCF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class PcfApi {

    /** The functions' names as compile-time constants, for {@code @Bean(name = ...)} in the NF that implements them. */
    public static final class Names {
        public static final String POLICY_CREATE = "pcf-policy-create";
        public static final String POLICY_GET = "pcf-policy-get";

        private Names() {
        }
    }

    /** Npcf_SMPolicyControl_Create (TS 29.512 4.2.2): an SM policy association for a PDU session. */
    public static final FunctionSpec<SmPolicyContextData, SmPolicyControl> POLICY_CREATE =
            new FunctionSpec<>(Names.POLICY_CREATE, NfType.PCF, SmPolicyContextData.class, SmPolicyControl.class, false);

    /** Npcf_SMPolicyControl get (TS 29.512 4.2.5): 404 CONTEXT_NOT_FOUND for an unknown association. */
    public static final FunctionSpec<SmPolicyGetRequest, SmPolicyControl> POLICY_GET =
            new FunctionSpec<>(Names.POLICY_GET, NfType.PCF, SmPolicyGetRequest.class, SmPolicyControl.class, true);

    private PcfApi() {
    }
}
