package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;

/** Telephony BCD digit strings: low nibble first, 0xF filler (TS 24.008 10.5.1.4). */
final class Bcd {
    private Bcd() {
    }

    /** Reads all remaining octets as digits; a 0xF nibble ends the string (only allowed last). */
    static String decode(NasReader r) throws NasDecodeException {
        StringBuilder sb = new StringBuilder(r.remaining() * 2);
        while (r.hasRemaining()) {
            int o = r.u8();
            int lo = o & 0x0F, hi = o >> 4;
            if (lo > 9) {
                throw NasReader.invalid("BCD digit");
            }
            sb.append((char) ('0' + lo));
            if (hi == 0xF) {
                if (r.hasRemaining()) {
                    throw NasReader.invalid("BCD filler before end");
                }
                break;
            }
            if (hi > 9) {
                throw NasReader.invalid("BCD digit");
            }
            sb.append((char) ('0' + hi));
        }
        return sb.toString();
    }

    static void encode(String digits, NasWriter w) {
        for (int i = 0; i < digits.length(); i += 2) {
            int lo = digit(digits.charAt(i));
            int hi = i + 1 < digits.length() ? digit(digits.charAt(i + 1)) : 0xF;
            w.u8((hi << 4) | lo);
        }
    }

    static int digit(char c) {
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("not a digit: " + c);
        }
        return c - '0';
    }

    static boolean isDigits(String s, int min, int max) {
        if (s == null || s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
