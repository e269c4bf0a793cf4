package io.liquid5gc.ngap.ie;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable octet string with value equality (records holding byte[] would compare by reference). */
public final class Octets {
    private static final HexFormat HEX = HexFormat.of();
    public static final Octets EMPTY = new Octets(new byte[0]);

    private final byte[] bytes;

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies. */
    public static Octets of(byte[] bytes) {
        return new Octets(bytes.clone());
    }

    public static Octets of(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return new Octets(b);
    }

    /** Takes ownership of a freshly allocated array the caller will not touch again (decoder use). */
    public static Octets wrap(byte[] owned) {
        return new Octets(owned);
    }

    public static Octets ofHex(String hex) {
        return new Octets(HEX.parseHex(hex));
    }

    public int length() {
        return bytes.length;
    }

    public byte get(int i) {
        return bytes[i];
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The internal array, not to be modified (for encoders). */
    public byte[] unsafeArray() {
        return bytes;
    }

    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Octets other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.length <= 64 ? toHex() : HEX.formatHex(bytes, 0, 64) + "...(" + bytes.length + " octets)";
    }
}
