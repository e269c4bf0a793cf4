package io.liquid5gc.security.aka;

import io.liquid5gc.security.Bytes;
import io.liquid5gc.security.Hex;

/** AUTN = (SQN xor AK) || AMF || MAC (TS 33.102 6.3.2), 16 octets. */
public record Autn(byte[] sqnXorAk, byte[] amf, byte[] mac) {
    public static final int LENGTH = 16;

    public Autn {
        Bytes.requireLength(sqnXorAk, 6, "SQN xor AK");
        Bytes.requireLength(amf, 2, "AMF");
        Bytes.requireLength(mac, 8, "MAC");
    }

    public static Autn parse(byte[] autn) {
        Bytes.requireLength(autn, LENGTH, "AUTN");
        byte[] s = new byte[6];
        byte[] a = new byte[2];
        byte[] m = new byte[8];
        System.arraycopy(autn, 0, s, 0, 6);
        System.arraycopy(autn, 6, a, 0, 2);
        System.arraycopy(autn, 8, m, 0, 8);
        return new Autn(s, a, m);
    }

    public byte[] toBytes() {
        byte[] b = new byte[LENGTH];
        System.arraycopy(sqnXorAk, 0, b, 0, 6);
        System.arraycopy(amf, 0, b, 6, 2);
        System.arraycopy(mac, 0, b, 8, 8);
        return b;
    }

    /** The AMF separation bit (bit 0, the most significant bit) that marks a 5G/EPS vector (TS 33.102 Annex H, checked by the ME per TS 33.501 6.1.3.2.0). */
    public boolean separationBit() {
        return (amf[0] & 0x80) != 0;
    }

    @Override
    public String toString() {
        return "Autn[" + Hex.encode(toBytes()) + "]";
    }
}
