package io.liquid5gc.nas.ie;

/**
 * NAS key set identifier, TS 24.501 9.11.3.32: bit 4 type of security context (0 native, 1 mapped),
 * bits 3-1 the identifier; 7 means "no key is available".
 */
public record NgKsi(boolean mapped, int ksi) {

    public static final NgKsi NO_KEY = new NgKsi(false, 7);

    public NgKsi {
        if (ksi < 0 || ksi > 7) {
            throw new IllegalArgumentException("ksi 0..7");
        }
    }

    public static NgKsi native_(int ksi) {
        return new NgKsi(false, ksi);
    }

    private static final NgKsi[] BY_HALF = new NgKsi[16];

    static {
        for (int i = 0; i < 16; i++) {
            BY_HALF[i] = new NgKsi((i & 0x08) != 0, i & 0x07);
        }
    }

    /** The (shared) value of a half octet. */
    public static NgKsi fromHalf(int half) {
        return BY_HALF[half & 0x0F];
    }

    public int toHalf() {
        return (mapped ? 0x08 : 0) | ksi;
    }

    public boolean noKeyAvailable() {
        return ksi == 7;
    }
}
