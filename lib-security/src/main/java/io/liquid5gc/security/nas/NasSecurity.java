package io.liquid5gc.security.nas;

import io.liquid5gc.security.Bytes;
import io.liquid5gc.security.snow3g.Uea2;
import io.liquid5gc.security.snow3g.Uia2;
import io.liquid5gc.security.zuc.Eea3;
import io.liquid5gc.security.zuc.Eia3;
import java.util.Objects;

/**
 * NAS integrity and ciphering for the N1 termination (TS 33.501 6.4.3, Annex D): one entry point per operation,
 * dispatching on the negotiated algorithm. Byte-aligned messages; the bit-length primitives are in
 * {@link Nia2}/{@link Nea2}, {@link Uia2}/{@link Uea2} and {@link Eia3}/{@link Eea3}.
 *
 * <p>BEARER is the NAS connection identifier (TS 33.501 6.4.3.1) coded as UEs and cores use it on the wire: 1 for
 * 3GPP access (the default here), 2 for non-3GPP access. UERANSIM, free5GC and Open5GS code it so; with 0, UERANSIM
 * rejects our Security Mode Command ("integrity check failed").
 * COUNT is the 32-bit NAS COUNT (overflow || sequence number). Stateless and thread-safe.
 */
public final class NasSecurity {
    /** BEARER for 3GPP access (TS 33.501 6.4.3.1; the value UEs use, see the class comment). */
    public static final int BEARER_3GPP = 1;
    /** BEARER for non-3GPP access. */
    public static final int BEARER_NON_3GPP = 2;
    public static final int MAC_LENGTH = 4;

    private NasSecurity() {
    }

    /** NAS-MAC of {@code len} octets of {@code msg} from {@code off}, as a big-endian 32-bit value; 0 for NIA0. */
    public static int mac(IntegrityAlgorithm alg, byte[] key, int count, int bearer, Direction direction, byte[] msg,
                          int off, int len) {
        Objects.checkFromIndexSize(off, len, msg.length);
        long bits = len * 8L;
        int dir = direction.bit();
        return switch (alg) {
            case NIA0 -> 0;
            case NIA1 -> Uia2.f9(key, count, (bearer & 0x1f) << 27, dir, msg, off, bits); // FRESH = BEARER||0^27 (TS 33.401 B.2.2)
            case NIA2 -> Nia2.mac(key, count, bearer, dir, msg, off, bits);
            case NIA3 -> Eia3.mac(key, count, bearer, dir, msg, off, bits);
        };
    }

    /** NAS-MAC of a whole message for 3GPP access ({@link #BEARER_3GPP}), as 4 octets. */
    public static byte[] mac(IntegrityAlgorithm alg, byte[] key, int count, Direction direction, byte[] message) {
        byte[] m = new byte[MAC_LENGTH];
        Bytes.putInt(m, 0, mac(alg, key, count, BEARER_3GPP, direction, message, 0, message.length));
        return m;
    }

    /**
     * Checks a received NAS-MAC in constant time. With NIA0 the MAC is not checked and this returns true: the
     * caller decides whether NIA0 is acceptable (emergency only, TS 33.501 5.5.2).
     */
    public static boolean verify(IntegrityAlgorithm alg, byte[] key, int count, int bearer, Direction direction,
                                 byte[] msg, int off, int len, byte[] receivedMac, int macOff) {
        if (alg == IntegrityAlgorithm.NIA0) {
            return true;
        }
        byte[] expected = new byte[MAC_LENGTH];
        Bytes.putInt(expected, 0, mac(alg, key, count, bearer, direction, msg, off, len));
        return Bytes.constantTimeEquals(expected, 0, receivedMac, macOff, MAC_LENGTH);
    }

    /** Ciphers or deciphers {@code len} octets of {@code data} from {@code off} in place (no copy). */
    public static void cipher(CipheringAlgorithm alg, byte[] key, int count, int bearer, Direction direction,
                              byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        long bits = len * 8L;
        int dir = direction.bit();
        switch (alg) {
            case NEA0 -> {
                // null ciphering: the message is unchanged
            }
            case NEA1 -> Uea2.f8(key, count, bearer, dir, data, off, bits);
            case NEA2 -> Nea2.crypt(key, count, bearer, dir, data, off, bits);
            case NEA3 -> Eea3.crypt(key, count, bearer, dir, data, off, bits);
        }
    }

    /** Ciphers a whole message in place for 3GPP access ({@link #BEARER_3GPP}). */
    public static void cipher(CipheringAlgorithm alg, byte[] key, int count, Direction direction, byte[] data) {
        cipher(alg, key, count, BEARER_3GPP, direction, data, 0, data.length);
    }
}
