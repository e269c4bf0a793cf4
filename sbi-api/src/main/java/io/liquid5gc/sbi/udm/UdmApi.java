package io.liquid5gc.sbi.udm;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.JsonObject;
import io.liquid5gc.sbi.NfType;

/** The UDM's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class UdmApi {

    public static final FunctionSpec<JsonObject, JsonObject> GENERATE_AUTH_DATA =
            new FunctionSpec<>("udm-generate-auth-data", NfType.UDM, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> GET_SUBSCRIBER_DATA =
            new FunctionSpec<>("udm-get-subscriber-data", NfType.UDM, JsonObject.class, JsonObject.class, true);

    private UdmApi() {
    }
}
