package io.liquid5gc.sbi.bsf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.JsonObject;
import io.liquid5gc.sbi.NfType;

/** The BSF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class BsfApi {

    public static final FunctionSpec<JsonObject, JsonObject> BINDING_REGISTER =
            new FunctionSpec<>("bsf-binding-register", NfType.BSF, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> BINDING_DISCOVER =
            new FunctionSpec<>("bsf-binding-discover", NfType.BSF, JsonObject.class, JsonObject.class, true);

    public static final FunctionSpec<JsonObject, JsonObject> BINDING_DEREGISTER =
            new FunctionSpec<>("bsf-binding-deregister", NfType.BSF, JsonObject.class, JsonObject.class, true);

    private BsfApi() {
    }
}
