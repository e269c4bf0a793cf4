package io.liquid5gc.udr.keys;

import io.liquid5gc.sbi.udr.AuthenticationSubscription;
import io.liquid5gc.security.Hex;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * K and OPc at rest: AES-256-GCM under a key-encryption key (KEK), 96-bit random nonce, 128-bit tag, the SUPI and the
 * field name as additional data (a ciphertext moved to another subscriber or field does not decrypt). Stored as
 * {@code encPermanentKey} / {@code encOpcKey} = hex(nonce || ciphertext || tag) with {@code protectionParameterId} =
 * the KEK's id (TS 29.505 5.2.2.2.2 names the protection of these two fields so). {@code "none"} marks data written
 * before encryption existed: read as clear, encrypted at its next write.
 */
public final class SubscriberKeyCipher {

    public static final String CLEAR = "none";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys;
    private final String current;
    private final SecureRandom random = new SecureRandom();

    /** @param keys id to 32-octet key; the last one encrypts */
    public SubscriberKeyCipher(Map<String, byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key-encryption key is required");
        }
        Map<String, SecretKeySpec> k = new LinkedHashMap<>();
        String last = null;
        for (Map.Entry<String, byte[]> e : keys.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getKey().equals(CLEAR)) {
                throw new IllegalArgumentException("a key-encryption key needs an id (not 'none')");
            }
            if (e.getValue().length != 32) {
                throw new IllegalArgumentException("key-encryption key " + e.getKey() + ": 32 octets (64 hex digits) required");
            }
            k.put(e.getKey(), new SecretKeySpec(e.getValue(), "AES"));
            last = e.getKey();
        }
        this.keys = Map.copyOf(k);
        this.current = last;
    }

    /** The id of the key that encrypts writes. */
    public String currentKeyId() {
        return current;
    }

    /** The subscription with K and OPc encrypted under the current key (already encrypted ones are re-encrypted). */
    public AuthenticationSubscription protect(String supi, AuthenticationSubscription a) {
        if (a == null) {
            return null;
        }
        AuthenticationSubscription clear = unprotect(supi, a);
        return new AuthenticationSubscription(clear.authenticationMethod(), encrypt(supi, "encPermanentKey", clear.encPermanentKey()), current,
                clear.sequenceNumber(), clear.authenticationManagementField(), clear.algorithmId(),
                encrypt(supi, "encOpcKey", clear.encOpcKey()), clear.supi());
    }

    /** The subscription with K and OPc in clear ({@code protectionParameterId "none"}), as the UDM uses them. */
    public AuthenticationSubscription unprotect(String supi, AuthenticationSubscription a) {
        if (a == null || a.protectionParameterId() == null || a.protectionParameterId().equals(CLEAR)) {
            return a == null ? null : new AuthenticationSubscription(a.authenticationMethod(), a.encPermanentKey(), CLEAR, a.sequenceNumber(),
                    a.authenticationManagementField(), a.algorithmId(), a.encOpcKey(), a.supi());
        }
        SecretKeySpec key = keys.get(a.protectionParameterId());
        if (key == null) {
            throw new KeyProtectionException("the keys of " + supi + " are encrypted under key-encryption key '" + a.protectionParameterId()
                    + "', which liquid5gc.udr.key-encryption.keys does not hold (holds " + keys.keySet() + ")");
        }
        return new AuthenticationSubscription(a.authenticationMethod(), decrypt(supi, "encPermanentKey", a.encPermanentKey(), key, a.protectionParameterId()),
                CLEAR, a.sequenceNumber(), a.authenticationManagementField(), a.algorithmId(),
                decrypt(supi, "encOpcKey", a.encOpcKey(), key, a.protectionParameterId()), a.supi());
    }

    /** True when the subscription is stored under the current key. */
    public boolean isCurrent(AuthenticationSubscription a) {
        return a == null || current.equals(a.protectionParameterId());
    }

    private String encrypt(String supi, String field, String hex) {
        if (hex == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(supi, field));
            byte[] sealed = c.doFinal(Hex.decode(hex));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return Hex.encode(out);
        } catch (GeneralSecurityException e) {
            throw new KeyProtectionException("AES-GCM unavailable: " + e.getMessage());
        }
    }

    private static String decrypt(String supi, String field, String hex, SecretKeySpec key, String keyId) {
        if (hex == null) {
            return null;
        }
        byte[] in;
        try {
            in = Hex.decode(hex);
        } catch (IllegalArgumentException e) {
            throw new KeyProtectionException(field + " of " + supi + " is not an encrypted value");
        }
        if (in.length <= NONCE + TAG_BITS / 8) {
            throw new KeyProtectionException(field + " of " + supi + " is too short to be encrypted under '" + keyId + "'");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
            c.updateAAD(aad(supi, field));
            return Hex.encode(c.doFinal(in, NONCE, in.length - NONCE));
        } catch (AEADBadTagException e) {
            throw new KeyProtectionException("key-encryption key '" + keyId + "' does not decrypt " + field + " of " + supi
                    + ": wrong key-encryption key (liquid5gc.udr.key-encryption.keys) or altered data");
        } catch (GeneralSecurityException e) {
            throw new KeyProtectionException("AES-GCM unavailable: " + e.getMessage());
        }
    }

    private static byte[] aad(String supi, String field) {
        return (supi + "|" + field).getBytes(StandardCharsets.UTF_8);
    }

    /** K or OPc cannot be protected or recovered; the message names the subscriber and key id, never a value. */
    public static final class KeyProtectionException extends IllegalStateException {
        public KeyProtectionException(String message) {
            super(message);
        }
    }
}
