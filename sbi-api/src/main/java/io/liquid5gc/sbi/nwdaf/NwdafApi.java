package io.liquid5gc.sbi.nwdaf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.JsonObject;
import io.liquid5gc.sbi.NfType;

/** The NWDAF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class NwdafApi {

    public static final FunctionSpec<JsonObject, JsonObject> ANALYTICS_SUBSCRIBE =
            new FunctionSpec<>("nwdaf-analytics-subscribe", NfType.NWDAF, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> DATA_COLLECT =
            new FunctionSpec<>("nwdaf-data-collect", NfType.NWDAF, JsonObject.class, JsonObject.class, false);

    private NwdafApi() {
    }
}
