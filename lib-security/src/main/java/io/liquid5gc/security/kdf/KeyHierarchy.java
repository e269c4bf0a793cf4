package io.liquid5gc.security.kdf;

import io.liquid5gc.security.Bytes;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The 5G key hierarchy derivations of TS 33.501 Annex A, each a {@link Kdf} call (TS 33.220 B.2) with the FC
 * value and parameters of its clause. All methods are static, stateless and thread-safe.
 */
public final class KeyHierarchy {
    static final int FC_KAUSF = 0x6A;
    static final int FC_RES_STAR = 0x6B;
    static final int FC_KSEAF = 0x6C;
    static final int FC_KAMF = 0x6D;
    static final int FC_ALG_KEY = 0x69;
    static final int FC_KGNB = 0x6E;
    static final int FC_NH = 0x6F;
    static final int FC_KAMF_PRIME = 0x72;

    /** The ABBA value the SEAF sets (TS 33.501 A.7.1). */
    public static final byte[] DEFAULT_ABBA = {0x00, 0x00};

    private KeyHierarchy() {
    }

    private static byte[] ckIk(byte[] ck, byte[] ik) {
        Bytes.requireLength(ck, 16, "CK");
        Bytes.requireLength(ik, 16, "IK");
        byte[] key = new byte[32];
        System.arraycopy(ck, 0, key, 0, 16);
        System.arraycopy(ik, 0, key, 16, 16);
        return key;
    }

    /** KAUSF (TS 33.501 A.2): KEY = CK||IK, FC = 0x6A, P0 = serving network name, P1 = SQN xor AK. */
    public static byte[] kausf(byte[] ck, byte[] ik, ServingNetworkName snn, byte[] sqnXorAk) {
        Bytes.requireLength(sqnXorAk, 6, "SQN xor AK");
        return Kdf.derive(ckIk(ck, ik), FC_KAUSF, snn.bytes(), sqnXorAk);
    }

    /**
     * RES* / XRES* (TS 33.501 A.4): KEY = CK||IK, FC = 0x6B, P0 = serving network name, P1 = RAND, P2 = RES;
     * the result is the 128 least significant bits of the KDF output.
     */
    public static byte[] resStar(byte[] ck, byte[] ik, ServingNetworkName snn, byte[] rand, byte[] res) {
        Bytes.requireLength(rand, 16, "RAND");
        if (res.length < 4 || res.length > 16) {
            throw new IllegalArgumentException("RES is 4..16 bytes: " + res.length);
        }
        return Kdf.lsb(Kdf.derive(ckIk(ck, ik), FC_RES_STAR, snn.bytes(), rand, res), 16);
    }

    /**
     * HRES* / HXRES* (TS 33.501 A.5): the 128 least significant bits of SHA-256(RAND || RES*).
     */
    public static byte[] hresStar(byte[] rand, byte[] resStar) {
        Bytes.requireLength(rand, 16, "RAND");
        Bytes.requireLength(resStar, 16, "RES*");
        org.bouncycastle.crypto.Digest sha = SHA256Digest.newInstance();
        sha.update(rand, 0, 16);
        sha.update(resStar, 0, 16);
        byte[] h = new byte[32];
        sha.doFinal(h, 0);
        return Kdf.lsb(h, 16);
    }

    /** KSEAF (TS 33.501 A.6): KEY = KAUSF, FC = 0x6C, P0 = serving network name. */
    public static byte[] kseaf(byte[] kausf, ServingNetworkName snn) {
        Bytes.requireLength(kausf, 32, "KAUSF");
        return Kdf.derive(kausf, FC_KSEAF, snn.bytes());
    }

    /**
     * KAMF (TS 33.501 A.7): KEY = KSEAF, FC = 0x6D, P0 = SUPI as a character string (the IMSI digits for an
     * IMSI-based SUPI, or the NAI), P1 = ABBA.
     */
    public static byte[] kamf(byte[] kseaf, String supiValue, byte[] abba) {
        Bytes.requireLength(kseaf, 32, "KSEAF");
        return Kdf.derive(kseaf, FC_KAMF, supiValue.getBytes(StandardCharsets.UTF_8), abba);
    }

    /**
     * Algorithm key (TS 33.501 A.8): KEY = KAMF (or KgNB), FC = 0x69, P0 = algorithm type distinguisher,
     * P1 = algorithm identity (0..15 in the low nibble); the 128 least significant bits of the output.
     */
    public static byte[] algorithmKey(byte[] key, AlgorithmTypeDistinguisher type, int algorithmIdentity) {
        Bytes.requireLength(key, 32, "KAMF/KgNB");
        if (algorithmIdentity < 0 || algorithmIdentity > 15) {
            throw new IllegalArgumentException("algorithm identity 0..15: " + algorithmIdentity);
        }
        return Kdf.lsb(Kdf.derive(key, FC_ALG_KEY, new byte[] {(byte) type.code()},
            new byte[] {(byte) algorithmIdentity}), 16);
    }

    /** KNASenc and KNASint for the selected algorithms (TS 33.501 A.8 with N-NAS-enc-alg / N-NAS-int-alg). */
    public static NasKeys nasKeys(byte[] kamf, int cipheringAlgorithm, int integrityAlgorithm) {
        return new NasKeys(algorithmKey(kamf, AlgorithmTypeDistinguisher.N_NAS_ENC, cipheringAlgorithm),
            algorithmKey(kamf, AlgorithmTypeDistinguisher.N_NAS_INT, integrityAlgorithm));
    }

    /**
     * KgNB / KN3IWF (TS 33.501 A.9): KEY = KAMF, FC = 0x6E, P0 = uplink NAS COUNT (4 octets), P1 = access type
     * distinguisher.
     */
    public static byte[] kgnb(byte[] kamf, long uplinkNasCount, AccessType accessType) {
        Bytes.requireLength(kamf, 32, "KAMF");
        return Kdf.derive(kamf, FC_KGNB, count(uplinkNasCount), new byte[] {(byte) accessType.code()});
    }

    /** NH (TS 33.501 A.10): KEY = KAMF, FC = 0x6F, P0 = SYNC-input (the new KgNB, or the previous NH). */
    public static byte[] nh(byte[] kamf, byte[] syncInput) {
        Bytes.requireLength(kamf, 32, "KAMF");
        Bytes.requireLength(syncInput, 32, "SYNC-input");
        return Kdf.derive(kamf, FC_NH, syncInput);
    }

    /**
     * KAMF' from KAMF in mobility (TS 33.501 A.13): FC = 0x72, P0 = DIRECTION (0x00 idle mobility with the
     * uplink NAS COUNT of the Registration Request, 0x01 handover with the downlink NAS COUNT), P1 = COUNT.
     */
    public static byte[] kamfPrime(byte[] kamf, int direction, long nasCount) {
        Bytes.requireLength(kamf, 32, "KAMF");
        if (direction != 0 && direction != 1) {
            throw new IllegalArgumentException("DIRECTION is 0 or 1: " + direction);
        }
        return Kdf.derive(kamf, FC_KAMF_PRIME, new byte[] {(byte) direction}, count(nasCount));
    }

    private static byte[] count(long count) {
        if (count < 0 || count > 0xffffffffL) {
            throw new IllegalArgumentException("NAS COUNT is 32 bits: " + count);
        }
        byte[] c = new byte[4];
        Bytes.putInt(c, 0, (int) count);
        return c;
    }
}
