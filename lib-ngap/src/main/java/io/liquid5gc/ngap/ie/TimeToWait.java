package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.56 Time to Wait. The ordinal is the ASN.1 enumeration index. */
public enum TimeToWait {
    V1S, V2S, V5S, V10S, V20S, V60S;

    /** Values in the extension root. */
    public static final int ROOT_COUNT = 6;
    /** Whether the type has an extension marker. */
    public static final boolean EXTENSIBLE = true;
    private static final TimeToWait[] BY_INDEX = values();

    /** null when the index is not named in this release. */
    public static TimeToWait fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
