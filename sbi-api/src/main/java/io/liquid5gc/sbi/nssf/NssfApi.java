package io.liquid5gc.sbi.nssf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.JsonObject;
import io.liquid5gc.sbi.NfType;

/** The NSSF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class NssfApi {

    public static final FunctionSpec<JsonObject, JsonObject> SLICE_SELECT =
            new FunctionSpec<>("nssf-slice-select", NfType.NSSF, JsonObject.class, JsonObject.class, true);

    private NssfApi() {
    }
}
