package io.liquid5gc.sbi.chf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.JsonObject;
import io.liquid5gc.sbi.NfType;

/** The CHF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class ChfApi {

    public static final FunctionSpec<JsonObject, JsonObject> CHARGING_CREATE =
            new FunctionSpec<>("chf-charging-create", NfType.CHF, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> CHARGING_UPDATE =
            new FunctionSpec<>("chf-charging-update", NfType.CHF, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> CHARGING_RELEASE =
            new FunctionSpec<>("chf-charging-release", NfType.CHF, JsonObject.class, JsonObject.class, false);

    private ChfApi() {
    }
}
