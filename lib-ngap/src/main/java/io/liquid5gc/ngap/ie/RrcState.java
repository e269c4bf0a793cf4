package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.92 RRC State. The ordinal is the ASN.1 enumeration index. */
public enum RrcState {
    INACTIVE, CONNECTED;

    /** Values in the extension root. */
    public static final int ROOT_COUNT = 2;
    /** Whether the type has an extension marker. */
    public static final boolean EXTENSIBLE = true;
    private static final RrcState[] BY_INDEX = values();

    /** null when the index is not named in this release. */
    public static RrcState fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
