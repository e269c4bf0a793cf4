package io.liquid5gc.udr;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * UDR settings ({@code liquid5gc.udr.*}).
 *
 * @param maxSqnStep    the largest step of SEQ (TS 33.102 C.1.1) one UPDATE_SQN may make; a jump further (say to
 *                      ffffffffffe0, which would exhaust the subscriber's sequence numbers) is refused with 400
 * @param keyEncryption how K and OPc are encrypted at rest
 */
@ConfigurationProperties("liquid5gc.udr")
public record UdrProperties(@DefaultValue("1048576") long maxSqnStep, @DefaultValue KeyEncryption keyEncryption) {

    /** The declared defaults: what binding no {@code liquid5gc.udr.*} property gives. */
    public static UdrProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.udr", UdrProperties.class);
    }

    public UdrProperties {
        if (maxSqnStep < 1) {
            throw new IllegalArgumentException("liquid5gc.udr.max-sqn-step must be at least 1");
        }
        Objects.requireNonNull(keyEncryption, "liquid5gc.udr.key-encryption");
    }

    /**
     * Key-encryption keys (AES-256, TS 33.501 5.2.5 / TS 29.505 protectionParameterId names the one used). The last
     * entry of {@code keys} encrypts every write; the others still decrypt (rotation: add a key at the end, then run
     * the provisioning CLI's {@code re-encrypt}). Without {@code keys}: the lab KEK in {@code generatedFile}, created
     * on first start (mode 0600, WARN; refused by the production profile).
     *
     * @param keys          {@code liquid5gc.udr.key-encryption.keys[0].id=kek-2024}, {@code .key=<64 hex digits>}
     *                      (e.g. {@code LIQUID5GC_UDR_KEYENCRYPTION_KEYS_0_KEY} from a secret) or {@code .file=<path>}
     *                      holding the 64 hex digits (a mounted secret)
     * @param generatedFile the lab KEK file
     */
    public record KeyEncryption(List<Kek> keys, @DefaultValue("data/subscriber-kek") Path generatedFile) {
        public KeyEncryption {
            keys = keys == null ? List.of() : List.copyOf(keys);
            Objects.requireNonNull(generatedFile, "liquid5gc.udr.key-encryption.generated-file");
        }
    }

    /** One key-encryption key; {@link #toString()} never shows it. */
    public record Kek(String id, String key, Path file) {
        @Override
        public String toString() {
            return "Kek[id=" + id + (file != null ? ", file=" + file : "") + ", key=***]";
        }
    }
}
