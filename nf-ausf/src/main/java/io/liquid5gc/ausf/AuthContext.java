package io.liquid5gc.ausf;

import java.time.Instant;

/**
 * The AUSF's state of one 5G AKA between its two steps (TS 33.501 6.1.3.2.0 steps 5 and 11), in the store at
 * {@code ausf/auth-ctx/<authCtxId>}: XRES* and KAUSF (hex) stay here. After the confirmation the context is replaced
 * by a {@link #confirmed()} marker without them, so that a second confirmation can be told apart.
 */
record AuthContext(String state, String supi, String servingNetworkName, String xresStar, String kausf, Instant expiresAt) {

    static final String WAITING = "WAITING_CONFIRMATION";
    static final String CONFIRMED = "CONFIRMED";

    AuthContext confirmed() {
        return new AuthContext(CONFIRMED, supi, servingNetworkName, null, null, expiresAt);
    }

    @Override
    public String toString() {
        return "AuthContext[state=" + state + ", supi=" + supi + ", servingNetworkName=" + servingNetworkName + ", expiresAt=" + expiresAt + "]";
    }
}
