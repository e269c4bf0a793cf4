package io.liquid5gc.sbi.amf;

/**
 * The 5GS registration type value of a Registration Request (TS 24.501 9.11.3.7, bits 3-1), with its code. The
 * enum names are the JSON form (the strings of the contract before this type existed). The codec reads the unused
 * values as initial registration (9.11.3.7), so every code 1..7 has exactly one value here.
 */
public enum RegistrationType {
    /** 001 initial registration. */
    INITIAL(1),
    /** 010 mobility registration updating. */
    MOBILITY_UPDATING(2),
    /** 011 periodic registration updating. */
    PERIODIC_UPDATING(3),
    /** 100 emergency registration. */
    EMERGENCY(4),
    /** 101 SNPN onboarding registration. */
    SNPN_ONBOARDING(5),
    /** 110 disaster roaming mobility registration updating. */
    DISASTER_ROAMING_MOBILITY(6),
    /** 111 disaster roaming initial registration. */
    DISASTER_ROAMING_INITIAL(7);

    private final int code;

    RegistrationType(int code) {
        this.code = code;
    }

    /** The value of bits 3-1 of the IE. */
    public int code() {
        return code;
    }

    /** Mobility or periodic registration updating (TS 24.501 5.5.1.3), the registrations of a UE already registered. */
    public boolean isUpdating() {
        return this == MOBILITY_UPDATING || this == PERIODIC_UPDATING;
    }
}
