package io.liquid5gc.security.milenage;

/**
 * Outputs of f2..f5 for one RAND (TS 35.206 4.1): RES (64 bits), CK, IK (128 bits), AK (48 bits).
 * {@link #toString()} does not show the values.
 */
public record MilenageResult(byte[] res, byte[] ck, byte[] ik, byte[] ak) {
    @Override
    public String toString() {
        return "MilenageResult[redacted]";
    }
}
