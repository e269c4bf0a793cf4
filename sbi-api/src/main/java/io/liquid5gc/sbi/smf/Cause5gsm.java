package io.liquid5gc.sbi.smf;

/**
 * The 5GSM causes the SMF answers (TS 24.501 9.11.4.2 / Table 9.11.4.2.1), with their value.
 */
public enum Cause5gsm {
    INSUFFICIENT_RESOURCES(26),
    MISSING_OR_UNKNOWN_DNN(27),
    UNKNOWN_PDU_SESSION_TYPE(28),
    USER_AUTHENTICATION_OR_AUTHORIZATION_FAILED(29),
    REQUEST_REJECTED_UNSPECIFIED(31),
    SERVICE_OPTION_NOT_SUPPORTED(32),
    REQUESTED_SERVICE_OPTION_NOT_SUBSCRIBED(33),
    SERVICE_OPTION_TEMPORARILY_OUT_OF_ORDER(34),
    REGULAR_DEACTIVATION(36),
    NETWORK_FAILURE(38),
    PDU_SESSION_TYPE_IPV4_ONLY_ALLOWED(50),
    PDU_SESSION_TYPE_IPV6_ONLY_ALLOWED(51),
    NOT_SUPPORTED_SSC_MODE(68),
    INSUFFICIENT_RESOURCES_FOR_SPECIFIC_SLICE(69),
    INSUFFICIENT_RESOURCES_FOR_SPECIFIC_SLICE_AND_DNN(70);

    private final int value;

    Cause5gsm(int value) {
        this.value = value;
    }

    /** The cause's value in the 5GSM cause IE. */
    public int value() {
        return value;
    }
}
