package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.3 Criticality Diagnostics, Triggering Message. The ordinal is the ASN.1 enumeration index. */
public enum TriggeringMessage {
    INITIATING_MESSAGE, SUCCESSFUL_OUTCOME, UNSUCCESSFUL_OUTCOME;

    /** Values in the extension root. */
    public static final int ROOT_COUNT = 3;
    /** Whether the type has an extension marker. */
    public static final boolean EXTENSIBLE = false;
    private static final TriggeringMessage[] BY_INDEX = values();

    /** null when the index is not named in this release. */
    public static TriggeringMessage fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
