package io.liquid5gc.security.kdf;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The generic key derivation function of TS 33.220 Annex B.2: derived key = HMAC-SHA-256(Key, S) with
 * S = FC || P0 || L0 || P1 || L1 || ... where Ln is the 2-octet length of Pn.
 */
public final class Kdf {
    public static final int OUTPUT_LENGTH = 32;

    private Kdf() {
    }

    /** KDF(key, FC, P0, P1, ...) (TS 33.220 B.2.0). Each parameter must be shorter than 65536 octets. */
    public static byte[] derive(byte[] key, int fc, byte[]... params) {
        int len = 1;
        for (byte[] p : params) {
            if (p.length > 0xffff) {
                throw new IllegalArgumentException("KDF parameter too long: " + p.length);
            }
            len += p.length + 2;
        }
        byte[] s = new byte[len];
        s[0] = (byte) fc;
        int off = 1;
        for (byte[] p : params) {
            System.arraycopy(p, 0, s, off, p.length);
            off += p.length;
            s[off++] = (byte) (p.length >>> 8);
            s[off++] = (byte) p.length;
        }
        return hmacSha256(key, s);
    }

    /** HMAC-SHA-256 (RFC 2104) with Bouncy Castle's lightweight API: no JCA provider lookup per call. */
    public static byte[] hmacSha256(byte[] key, byte[] data) {
        HMac mac = new HMac(SHA256Digest.newInstance());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[OUTPUT_LENGTH];
        mac.doFinal(out, 0);
        return out;
    }

    /** The last {@code n} octets (the n*8 least significant bits) of a KDF output, as used by A.4 and A.8. */
    static byte[] lsb(byte[] kdfOutput, int n) {
        byte[] r = new byte[n];
        System.arraycopy(kdfOutput, kdfOutput.length - n, r, 0, n);
        return r;
    }
}
