package io.liquid5gc.udr.keys;

import io.liquid5gc.security.Hex;
import java.util.LinkedHashMap;
import java.util.Map;

/** Key-encryption keys for tests (random per run: no test depends on a fixed key). */
public final class TestKeks {

    public static final byte[] KEK_1 = random();
    public static final byte[] KEK_2 = random();

    private TestKeks() {
    }

    public static SubscriberKeyCipher cipher() {
        return new SubscriberKeyCipher(Map.of("test-kek-1", KEK_1));
    }

    /** kek-1 then kek-2: kek-2 encrypts, both decrypt. */
    public static SubscriberKeyCipher rotated() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("test-kek-1", KEK_1);
        keys.put("test-kek-2", KEK_2);
        return new SubscriberKeyCipher(keys);
    }

    public static String hex(byte[] key) {
        return Hex.encode(key);
    }

    private static byte[] random() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }
}
