package io.liquid5gc.sbi.pcf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.JsonObject;
import io.liquid5gc.sbi.NfType;

/** The PCF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class PcfApi {

    public static final FunctionSpec<JsonObject, JsonObject> POLICY_CREATE =
            new FunctionSpec<>("pcf-policy-create", NfType.PCF, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> POLICY_GET =
            new FunctionSpec<>("pcf-policy-get", NfType.PCF, JsonObject.class, JsonObject.class, true);

    private PcfApi() {
    }
}
