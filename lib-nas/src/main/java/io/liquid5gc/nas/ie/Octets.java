package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A pass-through IE value: EAP message (TS 24.501 9.11.2.2), extended protocol configuration
 * options (9.11.4.6), 5GMM capability (9.11.3.1), 5GS network feature support (9.11.3.5) and
 * other IEs whose contents the core does not interpret. Value equality on the octets.
 */
public record Octets(byte[] value) {

    public static Octets of(byte[] b) {
        return new Octets(b);
    }

    public static Octets ofHex(String hex) {
        return new Octets(HexFormat.of().parseHex(hex));
    }

    public static Octets decode(NasReader r) {
        return new Octets(r.rest());
    }

    public void encode(NasWriter w) {
        w.bytes(value);
    }

    public int length() {
        return value.length;
    }

    /** Bit {@code bit} (8..1) of octet {@code index} (0-based), false if absent. */
    public boolean bit(int index, int bit) {
        return index < value.length && (value[index] & (1 << (bit - 1))) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Octets x && Arrays.equals(x.value, value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(value);
    }
}
