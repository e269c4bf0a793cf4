package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.78 Paging Priority. The ordinal is the ASN.1 enumeration index. */
public enum PagingPriority {
    PRIOLEVEL1, PRIOLEVEL2, PRIOLEVEL3, PRIOLEVEL4, PRIOLEVEL5, PRIOLEVEL6, PRIOLEVEL7, PRIOLEVEL8;

    /** Values in the extension root. */
    public static final int ROOT_COUNT = 8;
    /** Whether the type has an extension marker. */
    public static final boolean EXTENSIBLE = true;
    private static final PagingPriority[] BY_INDEX = values();

    /** null when the index is not named in this release. */
    public static PagingPriority fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
