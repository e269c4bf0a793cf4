package io.liquid5gc.security.kdf;

/** Algorithm type distinguishers of TS 33.501 Annex A.8, table A.8-1. */
public enum AlgorithmTypeDistinguisher {
    N_NAS_ENC(0x01),
    N_NAS_INT(0x02),
    N_RRC_ENC(0x03),
    N_RRC_INT(0x04),
    N_UP_ENC(0x05),
    N_UP_INT(0x06);

    private static final AlgorithmTypeDistinguisher[] BY_CODE = new AlgorithmTypeDistinguisher[7];

    static {
        for (AlgorithmTypeDistinguisher d : values()) {
            BY_CODE[d.code] = d;
        }
    }

    private final int code;

    AlgorithmTypeDistinguisher(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The distinguisher of a wire code, or null if the code is reserved/unknown. */
    public static AlgorithmTypeDistinguisher fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
