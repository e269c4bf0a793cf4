package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.4.3 PDU Session Type. The ordinal is the ASN.1 enumeration index. */
public enum PduSessionType {
    IPV4, IPV6, IPV4V6, ETHERNET, UNSTRUCTURED;

    /** Values in the extension root. */
    public static final int ROOT_COUNT = 5;
    /** Whether the type has an extension marker. */
    public static final boolean EXTENSIBLE = true;
    private static final PduSessionType[] BY_INDEX = values();

    /** null when the index is not named in this release. */
    public static PduSessionType fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
