package io.liquid5gc.sbi.amf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.JsonObject;
import io.liquid5gc.sbi.NfType;

/** The AMF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class AmfApi {

    public static final FunctionSpec<JsonObject, JsonObject> INITIAL_REGISTRATION =
            new FunctionSpec<>("amf-initial-registration", NfType.AMF, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> DEREGISTRATION =
            new FunctionSpec<>("amf-deregistration", NfType.AMF, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> SERVICE_REQUEST =
            new FunctionSpec<>("amf-service-request", NfType.AMF, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> PDU_SESSION_RELAY =
            new FunctionSpec<>("amf-pdu-session-relay", NfType.AMF, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> HANDOVER =
            new FunctionSpec<>("amf-handover", NfType.AMF, JsonObject.class, JsonObject.class, false);

    public static final FunctionSpec<JsonObject, JsonObject> AUTH_INITIATE =
            new FunctionSpec<>("amf-auth-initiate", NfType.AMF, JsonObject.class, JsonObject.class, false);

    private AmfApi() {
    }
}
