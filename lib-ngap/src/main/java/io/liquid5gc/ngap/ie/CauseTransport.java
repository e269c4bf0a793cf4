package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.2 transport layer causes. */
public enum CauseTransport implements Cause {
    TRANSPORT_RESOURCE_UNAVAILABLE("transport-resource-unavailable"),
    UNSPECIFIED("unspecified");

    /** Number of values in the extension root; later ones are extension values. */
    public static final int ROOT_COUNT = 2;
    private static final CauseTransport[] BY_INDEX = values();

    private final String asn1Name;

    CauseTransport(String asn1Name) {
        this.asn1Name = asn1Name;
    }

    @Override
    public Group group() {
        return Group.TRANSPORT;
    }

    @Override
    public int index() {
        return ordinal();
    }

    public String asn1Name() {
        return asn1Name;
    }

    /** null when the index is not named in this release. */
    public static CauseTransport fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
