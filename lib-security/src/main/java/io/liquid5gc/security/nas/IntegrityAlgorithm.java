package io.liquid5gc.security.nas;

/** 5G NAS integrity algorithm identities (TS 33.501 5.11.1.2, TS 24.501 9.11.3.34: type of integrity algorithm). */
public enum IntegrityAlgorithm {
    /** Null integrity (emergency only). */
    NIA0(0),
    /** 128-NIA1, SNOW 3G based. */
    NIA1(1),
    /** 128-NIA2, AES-128-CMAC. */
    NIA2(2),
    /** 128-NIA3, ZUC based. */
    NIA3(3);

    private static final IntegrityAlgorithm[] BY_CODE = values();

    private final int code;

    IntegrityAlgorithm(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The algorithm of a wire code, or null for the unassigned codes 4..15. */
    public static IntegrityAlgorithm fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
