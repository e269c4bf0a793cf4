package io.liquid5gc.sbi.smf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.JsonObject;
import io.liquid5gc.sbi.NfType;

/** The SMF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class SmfApi {

    public static final FunctionSpec<JsonObject, JsonObject> PDU_SESSION_CREATE =
            new FunctionSpec<>("smf-pdu-session-create", NfType.SMF, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> PDU_SESSION_UPDATE =
            new FunctionSpec<>("smf-pdu-session-update", NfType.SMF, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> PDU_SESSION_RELEASE =
            new FunctionSpec<>("smf-pdu-session-release", NfType.SMF, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> N4_SESSION_SETUP =
            new FunctionSpec<>("smf-n4-session-setup", NfType.SMF, JsonObject.class, JsonObject.class, false);

    private SmfApi() {
    }
}
