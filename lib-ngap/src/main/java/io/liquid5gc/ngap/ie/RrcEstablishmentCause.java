package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.111 RRC Establishment Cause. The ordinal is the ASN.1 enumeration index. */
public enum RrcEstablishmentCause {
    EMERGENCY, HIGH_PRIORITY_ACCESS, MT_ACCESS, MO_SIGNALLING, MO_DATA, MO_VOICE_CALL, MO_VIDEO_CALL, MO_SMS, MPS_PRIORITY_ACCESS, MCS_PRIORITY_ACCESS, NOT_AVAILABLE, MO_EXCEPTION_DATA;

    /** Values in the extension root. */
    public static final int ROOT_COUNT = 10;
    /** Whether the type has an extension marker. */
    public static final boolean EXTENSIBLE = true;
    private static final RrcEstablishmentCause[] BY_INDEX = values();

    /** null when the index is not named in this release. */
    public static RrcEstablishmentCause fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
