package io.liquid5gc.sbi.amf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.JsonObject;
import io.liquid5gc.sbi.NfType;

/** The AMF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class AmfApi {

    /**
     * Registration (TS 24.501 5.5.1, TS 23.502 4.2.2.2): invoked for the Registration Request and again for each of
     * the UE's answers in the procedure (Identity Response, Authentication Response/Failure, Security Mode
     * Complete/Reject, Registration Complete); the progress is kept in the UE context in the store.
     */
    public static final FunctionSpec<UeN1Request, UeN1Result> INITIAL_REGISTRATION =
            new FunctionSpec<>("amf-initial-registration", NfType.AMF, UeN1Request.class, UeN1Result.class, false);

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
