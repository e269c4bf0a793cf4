package io.liquid5gc.security.nas;

/** 5G NAS ciphering algorithm identities (TS 33.501 5.11.1.1, TS 24.501 9.11.3.34: type of ciphering algorithm). */
public enum CipheringAlgorithm {
    /** Null ciphering. */
    NEA0(0),
    /** 128-NEA1, SNOW 3G based. */
    NEA1(1),
    /** 128-NEA2, AES-128-CTR. */
    NEA2(2),
    /** 128-NEA3, ZUC based. */
    NEA3(3);

    private static final CipheringAlgorithm[] BY_CODE = values();

    private final int code;

    CipheringAlgorithm(int code) {
        this.code = code;
    }

    /** The 4-bit identity used on the wire and as KDF input (TS 33.501 A.8). */
    public int code() {
        return code;
    }

    /** The algorithm of a wire code, or null for the unassigned codes 4..15. */
    public static CipheringAlgorithm fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
