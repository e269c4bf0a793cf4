package io.liquid5gc.sbi.amf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The AMF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class AmfApi {

    /** The functions' names as compile-time constants, for {@code @Bean(name = ...)} in the NF that implements them. */
    public static final class Names {
        public static final String INITIAL_REGISTRATION = "amf-initial-registration";
        public static final String DEREGISTRATION = "amf-deregistration";
        public static final String SERVICE_REQUEST = "amf-service-request";
        public static final String PDU_SESSION_RELAY = "amf-pdu-session-relay";
        public static final String HANDOVER = "amf-handover";
        public static final String AUTH_INITIATE = "amf-auth-initiate";

        private Names() {
        }
    }

    /**
     * Registration (TS 24.501 5.5.1, TS 23.502 4.2.2.2): invoked for the Registration Request and again for each of
     * the UE's answers in the procedure (Identity Response, Authentication Response/Failure, Security Mode
     * Complete/Reject, Registration Complete); the progress is kept in the UE context in the store.
     */
    public static final FunctionSpec<UeRequest, UeResult> INITIAL_REGISTRATION =
            new FunctionSpec<>(Names.INITIAL_REGISTRATION, NfType.AMF, UeRequest.class, UeResult.class, false);

    /**
     * De-registration (TS 24.501 5.5.2, TS 23.502 4.2.2.3): the UE's De-registration Request (normal or switch-off),
     * and the UE's De-registration Accept of a network-initiated one; releases the UE's PDU sessions.
     */
    public static final FunctionSpec<UeRequest, UeResult> DEREGISTRATION =
            new FunctionSpec<>(Names.DEREGISTRATION, NfType.AMF, UeRequest.class, UeResult.class, false);

    /**
     * Service request (TS 24.501 5.6.1, TS 23.502 4.2.3.2) and its counterpart, AN release to CM-IDLE (TS 23.502
     * 4.2.6): the Service Request, the gNB's UE Context Release Request, the release complete, and the Initial
     * Context Setup's answer with the re-activated PDU sessions.
     */
    public static final FunctionSpec<UeRequest, UeResult> SERVICE_REQUEST =
            new FunctionSpec<>(Names.SERVICE_REQUEST, NfType.AMF, UeRequest.class, UeResult.class, false);

    /**
     * PDU session relay between the UE/gNB and the SMF (TS 23.502 4.3.2.2.1, 4.3.4.2): UL NAS TRANSPORT with a 5GSM
     * message, and the gNB's PDU Session Resource Setup/Release answers.
     */
    public static final FunctionSpec<UeRequest, UeResult> PDU_SESSION_RELAY =
            new FunctionSpec<>(Names.PDU_SESSION_RELAY, NfType.AMF, UeRequest.class, UeResult.class, false);

    /** N2 handover (TS 23.502 4.9.1.3) and Xn handover path switch (4.9.1.2), driven by the gNBs' N2 events. */
    public static final FunctionSpec<UeRequest, UeResult> HANDOVER =
            new FunctionSpec<>(Names.HANDOVER, NfType.AMF, UeRequest.class, UeResult.class, false);

    /**
     * Authentication initiated by the network for a registered UE (TS 33.501 6.1.2, TS 24.501 5.4.1.3): 5G AKA through
     * the AUSF and a security mode control that takes the new KAMF into use; the UE's answers come back here.
     */
    public static final FunctionSpec<UeRequest, UeResult> AUTH_INITIATE =
            new FunctionSpec<>(Names.AUTH_INITIATE, NfType.AMF, UeRequest.class, UeResult.class, false);

    private AmfApi() {
    }
}
