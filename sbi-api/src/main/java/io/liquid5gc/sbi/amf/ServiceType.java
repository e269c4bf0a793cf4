package io.liquid5gc.sbi.amf;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * The service type of a Service Request (TS 24.501 9.11.3.50), with its code. The enum names are the JSON form (the
 * strings of the contract before this type existed). The codes 0111 to 1111 are unused in 9.11.3.50 and arrive
 * as {@link #UNUSED}; the contract used to name them UNUSED_7 .. UNUSED_15, which are still read.
 */
public enum ServiceType {
    /** 0000 signalling. */
    SIGNALLING(0),
    /** 0001 data. */
    DATA(1),
    /** 0010 mobile terminated services. */
    MOBILE_TERMINATED_SERVICES(2),
    /** 0011 emergency services. */
    EMERGENCY_SERVICES(3),
    /** 0100 emergency services fallback. */
    EMERGENCY_SERVICES_FALLBACK(4),
    /** 0101 high priority access. */
    HIGH_PRIORITY_ACCESS(5),
    /** 0110 elevated signalling. */
    ELEVATED_SIGNALLING(6),
    /** 0111 to 1111, unused; -1 as the code since the value received is not kept. */
    @JsonAlias({"UNUSED_7", "UNUSED_8", "UNUSED_9", "UNUSED_10", "UNUSED_11", "UNUSED_12", "UNUSED_13", "UNUSED_14", "UNUSED_15"})
    UNUSED(-1);

    private final int code;

    ServiceType(int code) {
        this.code = code;
    }

    /** The value of the half octet, -1 for {@link #UNUSED}. */
    public int code() {
        return code;
    }
}
