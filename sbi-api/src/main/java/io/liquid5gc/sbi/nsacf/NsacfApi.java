package io.liquid5gc.sbi.nsacf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.JsonObject;
import io.liquid5gc.sbi.NfType;

/** The NSACF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class NsacfApi {

    public static final FunctionSpec<JsonObject, JsonObject> SLICE_AVAILABILITY_CHECK =
            new FunctionSpec<>("nsacf-slice-availability-check", NfType.NSACF, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> UPDATE_COUNTERS =
            new FunctionSpec<>("nsacf-update-counters", NfType.NSACF, JsonObject.class, JsonObject.class, false);

    private NsacfApi() {
    }
}
