package io.liquid5gc.security.milenage;

import io.liquid5gc.security.Bytes;

/**
 * A 48-bit sequence number SQN = SEQ || IND (TS 33.102 Annex C.1.2): IND is the {@code indBits} least
 * significant bits (default 5, TS 33.102 C.3.2), SEQ the rest.
 */
public record Sqn(long value) implements Comparable<Sqn> {
    public static final long MASK = (1L << 48) - 1;
    public static final int DEFAULT_IND_BITS = 5;

    public Sqn {
        if ((value & ~MASK) != 0) {
            throw new IllegalArgumentException("SQN is 48 bits: " + value);
        }
    }

    public static Sqn of(long seq, long ind, int indBits) {
        if (ind < 0 || ind >= 1L << indBits) {
            throw new IllegalArgumentException("IND out of range: " + ind);
        }
        return new Sqn(((seq << indBits) | ind) & MASK);
    }

    public static Sqn fromBytes(byte[] sqn) {
        Bytes.requireLength(sqn, 6, "SQN");
        return new Sqn(Bytes.getUint48(sqn, 0));
    }

    /** Parses 12 hex digits, as the UDR stores it (TS 29.505 SequenceNumber.sqn). */
    public static Sqn fromHex(String hex) {
        if (hex.length() != 12) {
            throw new IllegalArgumentException("SQN is 12 hex digits: " + hex);
        }
        return new Sqn(Long.parseLong(hex, 16));
    }

    public long seq(int indBits) {
        return value >>> indBits;
    }

    public int ind(int indBits) {
        return (int) (value & ((1L << indBits) - 1));
    }

    public byte[] toBytes() {
        byte[] b = new byte[6];
        Bytes.putUint48(b, 0, value);
        return b;
    }

    public String toHex() {
        return String.format("%012x", value);
    }

    @Override
    public int compareTo(Sqn o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return "Sqn[" + toHex() + "]";
    }
}
