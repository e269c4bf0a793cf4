package io.liquid5gc.nas.security;

/** Security header type, TS 24.501 9.3.1 (bits 4-1 of octet 2 of a 5GMM message). */
public enum SecurityHeaderType {
    PLAIN(0, false, false),
    INTEGRITY_PROTECTED(1, false, false),
    INTEGRITY_PROTECTED_AND_CIPHERED(2, true, false),
    INTEGRITY_PROTECTED_WITH_NEW_CONTEXT(3, false, true),
    INTEGRITY_PROTECTED_AND_CIPHERED_WITH_NEW_CONTEXT(4, true, true);

    private static final SecurityHeaderType[] BY_CODE = values();

    public final int code;
    private final boolean ciphered;
    private final boolean newContext;

    SecurityHeaderType(int code, boolean ciphered, boolean newContext) {
        this.code = code;
        this.ciphered = ciphered;
        this.newContext = newContext;
    }

    /** The type for {@code code}, or null for the reserved values 5-15. */
    public static SecurityHeaderType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    public boolean ciphered() {
        return ciphered;
    }

    /** Types 3 and 4: the message establishes a new 5G NAS security context (SMC / its completion). */
    public boolean newSecurityContext() {
        return newContext;
    }
}
