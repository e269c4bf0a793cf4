package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.2 protocol causes (used with criticality diagnostics, TS 38.413 10). */
public enum CauseProtocol implements Cause {
    TRANSFER_SYNTAX_ERROR("transfer-syntax-error"),
    ABSTRACT_SYNTAX_ERROR_REJECT("abstract-syntax-error-reject"),
    ABSTRACT_SYNTAX_ERROR_IGNORE_AND_NOTIFY("abstract-syntax-error-ignore-and-notify"),
    MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE("message-not-compatible-with-receiver-state"),
    SEMANTIC_ERROR("semantic-error"),
    ABSTRACT_SYNTAX_ERROR_FALSELY_CONSTRUCTED_MESSAGE("abstract-syntax-error-falsely-constructed-message"),
    UNSPECIFIED("unspecified");

    /** Number of values in the extension root; later ones are extension values. */
    public static final int ROOT_COUNT = 7;
    private static final CauseProtocol[] BY_INDEX = values();

    private final String asn1Name;

    CauseProtocol(String asn1Name) {
        this.asn1Name = asn1Name;
    }

    @Override
    public Group group() {
        return Group.PROTOCOL;
    }

    @Override
    public int index() {
        return ordinal();
    }

    public String asn1Name() {
        return asn1Name;
    }

    /** null when the index is not named in this release. */
    public static CauseProtocol fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
