package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.105 Overload Action (in Overload Response, 9.3.1.104). The ordinal is the ASN.1 enumeration index. */
public enum OverloadAction {
    REJECT_NON_EMERGENCY_MO_DT, REJECT_RRC_CR_SIGNALLING, PERMIT_EMERGENCY_SESSIONS_AND_MOBILE_TERMINATED_SERVICES_ONLY,
    PERMIT_HIGH_PRIORITY_SESSIONS_AND_MOBILE_TERMINATED_SERVICES_ONLY;

    /** Values in the extension root. */
    public static final int ROOT_COUNT = 4;
}
