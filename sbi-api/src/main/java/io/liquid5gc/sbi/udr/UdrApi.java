package io.liquid5gc.sbi.udr;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.JsonObject;
import io.liquid5gc.sbi.NfType;

/** The UDR's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class UdrApi {

    public static final FunctionSpec<JsonObject, JsonObject> DATA_READ =
            new FunctionSpec<>("udr-data-read", NfType.UDR, JsonObject.class, JsonObject.class, true);

    public static final FunctionSpec<JsonObject, JsonObject> DATA_WRITE =
            new FunctionSpec<>("udr-data-write", NfType.UDR, JsonObject.class, JsonObject.class, false);

    private UdrApi() {
    }
}
