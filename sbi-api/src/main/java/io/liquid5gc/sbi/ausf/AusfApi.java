package io.liquid5gc.sbi.ausf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.JsonObject;
import io.liquid5gc.sbi.NfType;

/** The AUSF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class AusfApi {

    public static final FunctionSpec<JsonObject, JsonObject> AUTHENTICATE =
            new FunctionSpec<>("ausf-authenticate", NfType.AUSF, JsonObject.class, JsonObject.class, false);

    private AusfApi() {
    }
}
