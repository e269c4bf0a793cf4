package io.liquid5gc.ngap.ie;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * TS 38.413 9.3.2.4 Transport Layer Address: BIT STRING (SIZE(1..160, ...)) — an IPv4 (32), IPv6 (128) or
 * both (160) address; bits left-aligned in the octets.
 */
public record TransportLayerAddress(Octets bits, int bitLength) {

    public TransportLayerAddress {
        if (bitLength < 1 || bitLength > bits.length() * 8 || bits.length() != (bitLength + 7) / 8) {
            throw new IllegalArgumentException("bit length " + bitLength + " does not match " + bits.length() + " octets");
        }
    }

    public static TransportLayerAddress of(InetAddress address) {
        byte[] b = address.getAddress();
        return new TransportLayerAddress(Octets.of(b), b.length * 8);
    }

    public static TransportLayerAddress ipv4(int a, int b, int c, int d) {
        return new TransportLayerAddress(Octets.of(a, b, c, d), 32);
    }

    /** The IPv4 or IPv6 address, or null for other lengths (160 = both: use {@link #bits()}). */
    public InetAddress toInetAddress() {
        if (bitLength != 32 && bitLength != 128) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bits.toByteArray());
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
