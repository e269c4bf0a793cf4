package io.liquid5gc.security.suci;

import io.liquid5gc.security.Bytes;
import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The ECIES scheme of TS 33.501 C.3 for Profiles A and B: ECDH shared secret, ANSI-X9.63-KDF with SHA-256
 * (SharedInfo = the ephemeral public key as sent), EK = K[0..15], ICB = K[16..31], MK = K[32..63],
 * AES-128-CTR with ICB, MAC tag = HMAC-SHA-256(MK, ciphertext)[0..7]. Package-private: callers use
 * {@link SuciConcealer} and {@link SuciDeconcealer}.
 */
final class Ecies {
    static final int MAC_LENGTH = 8;
    static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

    private Ecies() {
    }

    /** Keys derived from the shared secret (exposed to tests to check the C.4 intermediate values). */
    record DerivedKeys(byte[] encKey, byte[] icb, byte[] macKey) {
        @Override
        public String toString() {
            return "DerivedKeys[redacted]";
        }
    }

    static byte[] publicKey(SuciScheme scheme, byte[] privateKey) {
        return switch (scheme) {
            case PROFILE_A -> {
                byte[] pub = new byte[32];
                X25519.scalarMultBase(privateKey, 0, pub, 0);
                yield pub;
            }
            case PROFILE_B -> new FixedPointCombMultiplier().multiply(P256.getG(), p256Scalar(privateKey))
                .normalize().getEncoded(true);
            case NULL -> throw new IllegalArgumentException("null scheme");
        };
    }

    static BigInteger p256Scalar(byte[] privateKey) {
        BigInteger d = new BigInteger(1, privateKey);
        if (d.signum() == 0 || d.compareTo(P256.getN()) >= 0) {
            throw new IllegalArgumentException("secp256r1 private key out of range");
        }
        return d;
    }

    /**
     * ECDH shared secret (X25519 output, or the affine x-coordinate for secp256r1); null if the peer key is not a
     * valid point or the result is the all-zero value / point at infinity.
     */
    static byte[] sharedSecret(SuciScheme scheme, byte[] privateKey, byte[] peerPublic) {
        switch (scheme) {
            case PROFILE_A -> {
                if (peerPublic.length != 32) {
                    return null;
                }
                byte[] z = new byte[32];
                return X25519.calculateAgreement(privateKey, 0, peerPublic, 0, z, 0) ? z : null;
            }
            case PROFILE_B -> {
                try {
                    ECPoint q = P256.getCurve().decodePoint(peerPublic);
                    ECPoint s = q.multiply(p256Scalar(privateKey)).normalize();
                    if (s.isInfinity()) {
                        return null;
                    }
                    return s.getAffineXCoord().getEncoded();
                } catch (RuntimeException e) {
                    // BC signals an off-curve point or a bad encoding with IllegalArgumentException.
                    return null;
                }
            }
            default -> throw new IllegalArgumentException("no ECIES for " + scheme);
        }
    }

    /** ANSI X9.63 KDF with SHA-256, 64 octets: K = H(Z || 00000001 || SI) || H(Z || 00000002 || SI). */
    static DerivedKeys kdf(byte[] z, byte[] sharedInfo) {
        Digest sha = SHA256Digest.newInstance();
        byte[] k = new byte[64];
        byte[] counter = new byte[4];
        for (int i = 0; i < 2; i++) {
            Bytes.putInt(counter, 0, i + 1);
            sha.update(z, 0, z.length);
            sha.update(counter, 0, 4);
            sha.update(sharedInfo, 0, sharedInfo.length);
            sha.doFinal(k, 32 * i);
        }
        byte[] ek = new byte[16];
        byte[] icb = new byte[16];
        byte[] mk = new byte[32];
        System.arraycopy(k, 0, ek, 0, 16);
        System.arraycopy(k, 16, icb, 0, 16);
        System.arraycopy(k, 32, mk, 0, 32);
        return new DerivedKeys(ek, icb, mk);
    }

    /** AES-128 in counter mode from the initial counter block ICB (128-bit counter), in place. */
    static void aesCtr(byte[] key, byte[] icb, byte[] data, int off, int len) {
        BlockCipher aes = AESEngine.newInstance();
        aes.init(true, new KeyParameter(key));
        byte[] ctr = icb.clone();
        byte[] ks = new byte[16];
        for (int pos = 0; pos < len; pos += 16) {
            aes.processBlock(ctr, 0, ks, 0);
            int n = Math.min(16, len - pos);
            for (int i = 0; i < n; i++) {
                data[off + pos + i] ^= ks[i];
            }
            for (int i = 15; i >= 0 && ++ctr[i] == 0; i--) {
                // carry
            }
        }
    }

    static byte[] macTag(byte[] macKey, byte[] data, int off, int len) {
        HMac mac = new HMac(SHA256Digest.newInstance());
        mac.init(new KeyParameter(macKey));
        mac.update(data, off, len);
        byte[] full = new byte[32];
        mac.doFinal(full, 0);
        byte[] tag = new byte[MAC_LENGTH];
        System.arraycopy(full, 0, tag, 0, MAC_LENGTH);
        return tag;
    }

    /** Encrypts: scheme output = ephemeral public key || ciphertext || MAC tag (TS 33.501 C.3.2). */
    static byte[] encrypt(SuciScheme scheme, byte[] hnPublicKey, byte[] ephemeralPrivate, byte[] plaintext) {
        byte[] ephPub = publicKey(scheme, ephemeralPrivate);
        byte[] z = sharedSecret(scheme, ephemeralPrivate, hnPublicKey);
        if (z == null) {
            throw new IllegalArgumentException("invalid home network public key");
        }
        DerivedKeys keys = kdf(z, ephPub);
        byte[] out = new byte[ephPub.length + plaintext.length + MAC_LENGTH];
        System.arraycopy(ephPub, 0, out, 0, ephPub.length);
        System.arraycopy(plaintext, 0, out, ephPub.length, plaintext.length);
        aesCtr(keys.encKey(), keys.icb(), out, ephPub.length, plaintext.length);
        byte[] tag = macTag(keys.macKey(), out, ephPub.length, plaintext.length);
        System.arraycopy(tag, 0, out, ephPub.length + plaintext.length, MAC_LENGTH);
        return out;
    }

    /** Decrypts a scheme output (TS 33.501 C.3.3): the plaintext, or the error. MAC is checked before decrypting. */
    static Object decrypt(SuciScheme scheme, byte[] hnPrivateKey, byte[] schemeOutput) {
        int ephLen = scheme.ephemeralKeyLength();
        int ctLen = schemeOutput.length - ephLen - MAC_LENGTH;
        if (ctLen <= 0) {
            return new SuciError.WrongLength("scheme output of " + schemeOutput.length + " octets for " + scheme);
        }
        byte[] ephPub = new byte[ephLen];
        System.arraycopy(schemeOutput, 0, ephPub, 0, ephLen);
        if (scheme == SuciScheme.PROFILE_B && ephPub[0] != 0x02 && ephPub[0] != 0x03) {
            // Profile B always uses point compression (TS 33.501 C.3.4.2)
            return new SuciError.MalformedPoint();
        }
        byte[] z = sharedSecret(scheme, hnPrivateKey, ephPub);
        if (z == null) {
            return new SuciError.MalformedPoint();
        }
        DerivedKeys keys = kdf(z, ephPub);
        byte[] tag = macTag(keys.macKey(), schemeOutput, ephLen, ctLen);
        if (!Bytes.constantTimeEquals(tag, 0, schemeOutput, ephLen + ctLen, MAC_LENGTH)) {
            return new SuciError.BadMac();
        }
        byte[] plain = new byte[ctLen];
        System.arraycopy(schemeOutput, ephLen, plain, 0, ctLen);
        aesCtr(keys.encKey(), keys.icb(), plain, 0, ctLen);
        return plain;
    }
}
