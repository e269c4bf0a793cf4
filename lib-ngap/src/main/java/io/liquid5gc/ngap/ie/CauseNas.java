package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.2 NAS causes. */
public enum CauseNas implements Cause {
    NORMAL_RELEASE("normal-release"),
    AUTHENTICATION_FAILURE("authentication-failure"),
    DEREGISTER("deregister"),
    UNSPECIFIED("unspecified"),
    UE_NOT_IN_PLMN_SERVING_AREA("uE-not-in-PLMN-serving-area");

    /** Number of values in the extension root; later ones are extension values. */
    public static final int ROOT_COUNT = 4;
    private static final CauseNas[] BY_INDEX = values();

    private final String asn1Name;

    CauseNas(String asn1Name) {
        this.asn1Name = asn1Name;
    }

    @Override
    public Group group() {
        return Group.NAS;
    }

    @Override
    public int index() {
        return ordinal();
    }

    public String asn1Name() {
        return asn1Name;
    }

    /** null when the index is not named in this release. */
    public static CauseNas fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
