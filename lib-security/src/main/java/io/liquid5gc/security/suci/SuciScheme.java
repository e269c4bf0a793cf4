package io.liquid5gc.security.suci;

/** Protection scheme identifiers (TS 33.501 Annex C.1, TS 24.501 9.11.3.4). */
public enum SuciScheme {
    /** Null scheme (TS 33.501 C.2): the scheme output is the MSIN in clear. */
    NULL(0x0, 0),
    /** ECIES Profile A (TS 33.501 C.3.4.1): X25519, 32-octet ephemeral public key. */
    PROFILE_A(0x1, 32),
    /** ECIES Profile B (TS 33.501 C.3.4.2): secp256r1, 33-octet compressed ephemeral public key. */
    PROFILE_B(0x2, 33);

    private static final SuciScheme[] BY_CODE = {NULL, PROFILE_A, PROFILE_B};

    private final int code;
    private final int ephemeralKeyLength;

    SuciScheme(int code, int ephemeralKeyLength) {
        this.code = code;
        this.ephemeralKeyLength = ephemeralKeyLength;
    }

    public int code() {
        return code;
    }

    int ephemeralKeyLength() {
        return ephemeralKeyLength;
    }

    /** The scheme of a wire code, or null for a reserved or operator-specific code (3..15). */
    public static SuciScheme fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
