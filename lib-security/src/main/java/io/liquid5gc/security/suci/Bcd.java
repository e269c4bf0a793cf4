package io.liquid5gc.security.suci;

/** Telephony BCD (TS 24.008 10.5.1.4 style): two digits an octet, the first in the low nibble, 'F' filler. */
final class Bcd {
    private Bcd() {
    }

    static byte[] encode(String digits) {
        byte[] b = new byte[(digits.length() + 1) / 2];
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit: " + digits.charAt(i));
            }
            b[i / 2] |= (byte) ((i & 1) == 0 ? d : d << 4);
        }
        if ((digits.length() & 1) == 1) {
            b[b.length - 1] |= (byte) 0xF0;
        }
        return b;
    }

    /** Decodes BCD digits; null if a nibble is not a digit (only a final high-nibble 'F' filler is allowed). */
    static String decode(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (int i = 0; i < b.length; i++) {
            int lo = b[i] & 0x0F;
            int hi = (b[i] >>> 4) & 0x0F;
            if (lo > 9) {
                return null;
            }
            sb.append((char) ('0' + lo));
            if (hi == 0x0F && i == b.length - 1) {
                break;
            }
            if (hi > 9) {
                return null;
            }
            sb.append((char) ('0' + hi));
        }
        return sb.toString();
    }
}
