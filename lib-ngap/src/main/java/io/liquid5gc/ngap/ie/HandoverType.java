package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.22 Handover Type. The ordinal is the ASN.1 enumeration index. */
public enum HandoverType {
    INTRA_5GS, FIVEGS_TO_EPS, EPS_TO_5GS, FIVEGS_TO_UTRAN;

    /** Values in the extension root. */
    public static final int ROOT_COUNT = 3;
    /** Whether the type has an extension marker. */
    public static final boolean EXTENSIBLE = true;
    private static final HandoverType[] BY_INDEX = values();

    /** null when the index is not named in this release. */
    public static HandoverType fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
