package io.liquid5gc.security.suci;

import io.liquid5gc.security.Bytes;

/**
 * A home network private key for SUCI deconcealment (TS 33.501 6.12.2), identified by its home network public
 * key identifier (0..255) and scheme. The private key is 32 octets for both profiles (X25519 scalar,
 * secp256r1 scalar). {@link #toString()} does not show it.
 */
public record HomeNetworkKey(int keyId, SuciScheme scheme, byte[] privateKey) {
    public HomeNetworkKey {
        if (keyId < 0 || keyId > 255) {
            throw new IllegalArgumentException("key id 0..255: " + keyId);
        }
        if (scheme == SuciScheme.NULL) {
            throw new IllegalArgumentException("the null scheme has no key");
        }
        Bytes.requireLength(privateKey, 32, "home network private key");
        privateKey = privateKey.clone();
        if (scheme == SuciScheme.PROFILE_B) {
            Ecies.p256Scalar(privateKey); // 1 <= d < n, else IllegalArgumentException at configuration time
        }
    }

    /** A new random key pair for provisioning (the public key goes to the USIMs, the private key to the UDM). */
    public static HomeNetworkKey generate(int keyId, SuciScheme scheme) {
        return new HomeNetworkKey(keyId, scheme, SuciConcealer.newEphemeralPrivateKey(scheme));
    }

    /** The matching public key (Profile A: 32 octets; Profile B: 33 octets, compressed). */
    public byte[] publicKey() {
        return Ecies.publicKey(scheme, privateKey);
    }

    @Override
    public String toString() {
        return "HomeNetworkKey[keyId=" + keyId + ", scheme=" + scheme + ", privateKey=<redacted>]";
    }
}
