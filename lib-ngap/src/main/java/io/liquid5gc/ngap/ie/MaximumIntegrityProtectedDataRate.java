package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.27 Maximum Integrity Protected Data Rate. The ordinal is the ASN.1 enumeration index. */
public enum MaximumIntegrityProtectedDataRate {
    BITRATE_64KBS, MAXIMUM_UE_RATE;

    /** Values in the extension root. */
    public static final int ROOT_COUNT = 2;
    /** Whether the type has an extension marker. */
    public static final boolean EXTENSIBLE = true;
    private static final MaximumIntegrityProtectedDataRate[] BY_INDEX = values();

    /** null when the index is not named in this release. */
    public static MaximumIntegrityProtectedDataRate fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
