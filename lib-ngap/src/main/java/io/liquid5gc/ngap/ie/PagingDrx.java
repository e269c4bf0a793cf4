package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.90 Paging DRX. The ordinal is the ASN.1 enumeration index. */
public enum PagingDrx {
    V32, V64, V128, V256;

    /** Values in the extension root. */
    public static final int ROOT_COUNT = 4;
    /** Whether the type has an extension marker. */
    public static final boolean EXTENSIBLE = true;
    private static final PagingDrx[] BY_INDEX = values();

    /** null when the index is not named in this release. */
    public static PagingDrx fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
