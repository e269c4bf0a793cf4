package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.27 Security Indication: integrity / confidentiality protection indication. The ordinal is the ASN.1 enumeration index. */
public enum ProtectionIndication {
    REQUIRED, PREFERRED, NOT_NEEDED;

    /** Values in the extension root. */
    public static final int ROOT_COUNT = 3;
    /** Whether the type has an extension marker. */
    public static final boolean EXTENSIBLE = true;
    private static final ProtectionIndication[] BY_INDEX = values();

    /** null when the index is not named in this release. */
    public static ProtectionIndication fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
