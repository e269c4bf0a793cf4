package io.liquid5gc.udr.keys;

import io.liquid5gc.runtime.app.PrivateFiles;
import io.liquid5gc.runtime.safety.UnsafeSetting;
import io.liquid5gc.security.Hex;
import io.liquid5gc.udr.UdrProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the key-encryption keys from configuration, their files, or the generated lab KEK file. */
public final class KeyEncryptionKeys {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeys.class);
    static final String LAB_KEY_ID = "lab-kek";

    private final SubscriberKeyCipher cipher;
    private final boolean generated;
    private final Path generatedFile;

    private KeyEncryptionKeys(SubscriberKeyCipher cipher, boolean generated, Path generatedFile) {
        this.cipher = cipher;
        this.generated = generated;
        this.generatedFile = generatedFile;
    }

    public static KeyEncryptionKeys load(UdrProperties.KeyEncryption config) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (int i = 0; i < config.keys().size(); i++) {
            UdrProperties.Kek k = config.keys().get(i);
            String where = "liquid5gc.udr.key-encryption.keys[" + i + "]";
            if (k.id() == null || k.id().isBlank() || (k.key() == null) == (k.file() == null)) {
                throw new IllegalStateException(where + ": an id and exactly one of key (64 hex digits) and file are required");
            }
            String hex = k.key() != null ? k.key() : read(k.file(), where + ".file");
            keys.put(k.id().strip(), decode(hex, where + " (" + k.id() + ")"));
        }
        if (!keys.isEmpty()) {
            return new KeyEncryptionKeys(new SubscriberKeyCipher(keys), false, null);
        }
        Path file = config.generatedFile();
        try {
            if (!Files.exists(file)) {
                byte[] kek = new byte[32];
                new SecureRandom().nextBytes(kek);
                PrivateFiles.createWith(file, (Hex.encode(kek) + "\n").getBytes(StandardCharsets.US_ASCII));
                log.warn("K and OPc are encrypted at rest under a lab key-encryption key generated into {} (mode 0600): keep that file "
                        + "with the data, or subscribers cannot be read; for real use set liquid5gc.udr.key-encryption.keys from a secret",
                        file.toAbsolutePath());
            }
            keys.put(LAB_KEY_ID, decode(read(file, "liquid5gc.udr.key-encryption.generated-file"), "the lab KEK file " + file));
        } catch (IOException e) {
            throw new IllegalStateException("no key-encryption key configured (liquid5gc.udr.key-encryption.keys) and the lab KEK file "
                    + file + " cannot be created: " + e.getMessage(), e);
        }
        return new KeyEncryptionKeys(new SubscriberKeyCipher(keys), true, file);
    }

    private static String read(Path file, String where) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IllegalStateException(where + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] decode(String hex, String where) {
        try {
            byte[] b = Hex.decode(hex.strip());
            if (b.length == 32) {
                return b;
            }
        } catch (IllegalArgumentException e) {
            // fall through: never quote the value
        }
        throw new IllegalStateException(where + ": a key-encryption key is 64 hex digits (AES-256)");
    }

    public SubscriberKeyCipher cipher() {
        return cipher;
    }

    public List<UnsafeSetting> unsafeSettings() {
        return generated ? List.of(new UnsafeSetting("lab-key-encryption-key",
                "K and OPc are encrypted under a generated lab key-encryption key kept beside the data (" + generatedFile + ")",
                "set liquid5gc.udr.key-encryption.keys[0].id/.key (or .file) from a secret, then run the provisioning CLI's re-encrypt"))
                : List.of();
    }
}
