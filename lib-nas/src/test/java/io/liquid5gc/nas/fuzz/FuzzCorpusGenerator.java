package io.liquid5gc.nas.fuzz;

import io.liquid5gc.nas.NasMessage;
import io.liquid5gc.nas.NasTestMessages;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.security.SecurityHeaderType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

/**
 * Writes the seed corpus (every factory message, the golden vectors, protected wrappers and a few
 * truncations) into the regression corpus directory. Run by hand when messages are added:
 * see lib-nas/README.md.
 */
public final class FuzzCorpusGenerator {
    private FuzzCorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0]
                : "src/test/resources/io/liquid5gc/nas/fuzz/NasDecoderFuzzTestInputs/decodePdu");
        Files.createDirectories(dir);
        int n = 0;
        for (Map.Entry<String, NasMessage> e : NasTestMessages.all().entrySet()) {
            byte[] b = NasCodec.encode(e.getValue());
            Files.write(dir.resolve("seed-" + e.getKey()), b);
            if (b.length > 6) {
                Files.write(dir.resolve("trunc-" + e.getKey()), java.util.Arrays.copyOf(b, b.length / 2 + 1));
            }
            n++;
        }
        Files.write(dir.resolve("seed-Protected-SecurityModeCommand"), NasCodec.protect(
                SecurityHeaderType.INTEGRITY_PROTECTED_WITH_NEW_CONTEXT, new byte[] {9, 8, 7, 6}, 0,
                NasCodec.encode(NasTestMessages.all().get("SecurityModeCommand"))));
        String golden = Files.readString(Path.of("src/test/resources/golden/nas-5gs-vectors.txt"), StandardCharsets.UTF_8);
        String name = null;
        for (String line : golden.split("\n")) {
            if (line.startsWith("name = ")) {
                name = line.substring(7).trim();
            } else if (line.startsWith("hex = ")) {
                Files.write(dir.resolve("golden-" + name), HexFormat.of().parseHex(line.substring(6).trim()));
                n++;
            }
        }
        System.out.println("wrote " + n + " seeds to " + dir);
    }
}
