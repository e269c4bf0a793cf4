package io.liquid5gc.ngap.ie;

/**
 * TS 38.413 9.3.3.5 PLMN Identity: OCTET STRING (SIZE(3)) holding MCC and MNC digits in TBCD
 * (TS 24.008 10.5.1.13: MCC2 MCC1 | MNC3 MCC3 | MNC2 MNC1, MNC3 = F for two-digit MNCs).
 * Kept as the 24-bit value so decoding allocates nothing.
 */
public record PlmnIdentity(int value) {

    public PlmnIdentity {
        if ((value & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("PLMN identity is 3 octets");
        }
    }

    /** From decimal MCC (3 digits) and MNC (2 or 3 digits), e.g. of("001", "01"). */
    public static PlmnIdentity of(String mcc, String mnc) {
        if (mcc.length() != 3 || (mnc.length() != 2 && mnc.length() != 3)) {
            throw new IllegalArgumentException("MCC has 3 digits, MNC 2 or 3");
        }
        int m1 = digit(mcc, 0), m2 = digit(mcc, 1), m3 = digit(mcc, 2);
        int n1 = digit(mnc, 0), n2 = digit(mnc, 1), n3 = mnc.length() == 3 ? digit(mnc, 2) : 0xF;
        return new PlmnIdentity((m2 << 20) | (m1 << 16) | (n3 << 12) | (m3 << 8) | (n2 << 4) | n1);
    }

    private static int digit(String s, int i) {
        int d = s.charAt(i) - '0';
        if (d < 0 || d > 9) {
            throw new IllegalArgumentException("not a digit: " + s);
        }
        return d;
    }

    public String mcc() {
        return "" + hex((value >>> 16) & 0xF) + hex((value >>> 20) & 0xF) + hex((value >>> 8) & 0xF);
    }

    public String mnc() {
        int n3 = (value >>> 12) & 0xF;
        return "" + hex(value & 0xF) + hex((value >>> 4) & 0xF) + (n3 == 0xF ? "" : String.valueOf(hex(n3)));
    }

    private static char hex(int d) {
        return Character.forDigit(d, 16);
    }

    @Override
    public String toString() {
        return "PLMN(" + mcc() + "-" + mnc() + ")";
    }
}
