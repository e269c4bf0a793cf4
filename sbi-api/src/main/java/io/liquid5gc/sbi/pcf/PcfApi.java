package io.liquid5gc.sbi.pcf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The PCF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class PcfApi {

    /** Npcf_SMPolicyControl_Create (TS 29.512 4.2.2): an SM policy association for a PDU session. */
    public static final FunctionSpec<SmPolicyContextData, SmPolicyControl> POLICY_CREATE =
            new FunctionSpec<>("pcf-policy-create", NfType.PCF, SmPolicyContextData.class, SmPolicyControl.class, false);

    /** Npcf_SMPolicyControl get (TS 29.512 4.2.5): 404 CONTEXT_NOT_FOUND for an unknown association. */
    public static final FunctionSpec<SmPolicyGetRequest, SmPolicyControl> POLICY_GET =
            new FunctionSpec<>("pcf-policy-get", NfType.PCF, SmPolicyGetRequest.class, SmPolicyControl.class, true);

    private PcfApi() {
    }
}
