package io.liquid5gc.nas.ie;

/** Payload container type, TS 24.501 9.11.3.40 (half octet). */
public enum PayloadContainerType {
    N1_SM_INFORMATION(1), SMS(2), LPP(3), SOR_TRANSPARENT_CONTAINER(4), UE_POLICY_CONTAINER(5),
    UE_PARAMETERS_UPDATE(6), LOCATION_SERVICES(7), CIOT_USER_DATA(8), SERVICE_LEVEL_AA(9),
    EVENT_NOTIFICATION(10), MULTIPLE_PAYLOADS(15), RESERVED(0);

    private static final PayloadContainerType[] BY_CODE = new PayloadContainerType[16];

    static {
        for (PayloadContainerType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    public final int code;

    PayloadContainerType(int code) {
        this.code = code;
    }

    /** Unassigned values map to {@link #RESERVED}. */
    public static PayloadContainerType fromCode(int code) {
        PayloadContainerType t = BY_CODE[code & 0x0F];
        return t == null ? RESERVED : t;
    }
}
