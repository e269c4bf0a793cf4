package io.liquid5gc.security;

import java.util.HexFormat;

/** Hex helpers for logs, tests and configuration (lower-case, no separators). */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    /** Decodes hex, ignoring spaces; throws {@link IllegalArgumentException} on odd length or a non-hex digit. */
    public static byte[] decode(CharSequence hex) {
        String s = hex.toString();
        if (s.indexOf(' ') >= 0) {
            s = s.replace(" ", "");
        }
        return HEX.parseHex(s);
    }

    public static String encode(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static String encode(byte[] bytes, int offset, int length) {
        return HEX.formatHex(bytes, offset, offset + length);
    }
}
