package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.3 Criticality Diagnostics, Type of Error. The ordinal is the ASN.1 enumeration index. */
public enum TypeOfError {
    NOT_UNDERSTOOD, MISSING;

    /** Values in the extension root. */
    public static final int ROOT_COUNT = 2;
    /** Whether the type has an extension marker. */
    public static final boolean EXTENSIBLE = true;
    private static final TypeOfError[] BY_INDEX = values();

    /** null when the index is not named in this release. */
    public static TypeOfError fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
