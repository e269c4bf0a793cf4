package io.liquid5gc.security.kdf;

/** KNASenc and KNASint (128 bits each, TS 33.501 A.8). {@link #toString()} does not show the keys. */
public record NasKeys(byte[] encryptionKey, byte[] integrityKey) {
    @Override
    public String toString() {
        return "NasKeys[redacted]";
    }
}
