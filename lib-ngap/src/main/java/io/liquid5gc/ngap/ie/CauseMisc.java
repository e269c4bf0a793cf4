package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.2 miscellaneous causes. */
public enum CauseMisc implements Cause {
    CONTROL_PROCESSING_OVERLOAD("control-processing-overload"),
    NOT_ENOUGH_USER_PLANE_PROCESSING_RESOURCES("not-enough-user-plane-processing-resources"),
    HARDWARE_FAILURE("hardware-failure"),
    OM_INTERVENTION("om-intervention"),
    UNKNOWN_PLMN_OR_SNPN("unknown-PLMN-or-SNPN"),
    UNSPECIFIED("unspecified");

    /** Number of values in the extension root; later ones are extension values. */
    public static final int ROOT_COUNT = 6;
    private static final CauseMisc[] BY_INDEX = values();

    private final String asn1Name;

    CauseMisc(String asn1Name) {
        this.asn1Name = asn1Name;
    }

    @Override
    public Group group() {
        return Group.MISC;
    }

    @Override
    public int index() {
        return ordinal();
    }

    public String asn1Name() {
        return asn1Name;
    }

    /** null when the index is not named in this release. */
    public static CauseMisc fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
