package io.liquid5gc.udr.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.sbi.common.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Subscriber files read as streams: each entry is handed on before the rest of the stream is read. */
class SubscriberFilesTest {

    private static final String K = "465B5CE8B199B49FAA5F0A2EE238A6BC";
    private static final String OPC = "E8ED289DEBA952E4283B54E88E6183CA";
    private static final JsonMapper JSON = new JsonMapper();

    /** The text, then a stream that fails: what was handed on before the failure was read without the rest. */
    private static InputStream thenFailing(String text) {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the rest has not arrived");
            }
        };
        return new SequenceInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), failing);
    }

    private static List<SubscriberFiles.Entry> readUntilFailure(String text, SubscriberFiles.Format format) {
        List<SubscriberFiles.Entry> got = new ArrayList<>();
        assertThatThrownBy(() -> SubscriberFiles.read(thenFailing(text), format, JSON, got::add)).isInstanceOf(RuntimeException.class);
        return got;
    }

    @Test
    void whenACsvStreamStopsAfterTwoRows_thenBothRowsWereHandedOnWithTheirLines() {
        List<SubscriberFiles.Entry> got = readUntilFailure("imsi,k,opc\n# comment\n00101000000001," + K + "," + OPC + "\n00101000000002,"
                + K + "," + OPC + "\n", SubscriberFiles.Format.CSV);
        assertThat(got).extracting(SubscriberFiles.Entry::where).containsExactly("csv line 3", "csv line 4");
        assertThat(got.get(1).profile().imsi()).isEqualTo("00101000000002");
    }

    @Test
    void whenAJsonArrayStreamStopsAfterTwoElements_thenBothWereHandedOn() {
        List<SubscriberFiles.Entry> got = readUntilFailure("[\n{\"imsi\":\"00101000000001\",\"k\":\"" + K + "\",\"opc\":\"" + OPC + "\"},\n"
                + "{\"imsi\":\"00101000000002\",\"k\":\"" + K + "\",\"opc\":\"" + OPC + "\"},\n", SubscriberFiles.Format.JSON);
        assertThat(got).extracting(SubscriberFiles.Entry::where).containsExactly("subscribers[0] (line 2)", "subscribers[1] (line 3)");
    }

    @Test
    void whenAYamlSequenceStreamStopsAfterTwoItems_thenBothWereHandedOn() {
        List<SubscriberFiles.Entry> got = readUntilFailure("subscribers:\n  - { imsi: \"00101000000001\", k: \"" + K + "\", opc: \"" + OPC
                + "\" }\n  - { imsi: \"00101000000002\", k: \"" + K + "\", opc: \"" + OPC + "\" }\n  - ", SubscriberFiles.Format.YAML);
        assertThat(got).extracting(SubscriberFiles.Entry::where).containsExactly("subscribers[0] (line 2)", "subscribers[1] (line 3)");
    }

    @Test
    void whenYamlItemsMergeAnAnchoredDefault_thenTheDefaultsAreThere() {
        String yaml = "defaults: &d { k: \"" + K + "\", opc: \"" + OPC + "\", slices: [ { sst: 1, sd: 0x010203, dnns: [internet] } ] }\n"
                + "subscribers:\n  - { imsi: \"00101000000001\", k: \"" + K + "\", opc: \"" + OPC + "\" }\n"
                + "  - { <<: *d, imsi: \"00101000000002\" }\n";
        List<SubscriberProfile> got = SubscriberFiles.parse(yaml, SubscriberFiles.Format.YAML, JSON);
        assertThat(got).hasSize(2);
        assertThat(got.get(1).k()).isEqualTo(K);
        assertThat(got.get(1).slices()).singleElement().satisfies(s -> assertThat(s.sd()).isEqualTo("010203"));
    }

    @Test
    void whenAYamlEntryOrAJsonElementIsHuge_thenItIsRefusedNamingIt() {
        String big = "x".repeat(200 * 1024);
        assertThatThrownBy(() -> SubscriberFiles.parse("[{\"imsi\":\"00101000000001\",\"k\":\"" + big + "\"}]", SubscriberFiles.Format.JSON, JSON))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail())
                        .startsWith("subscribers[0] (line 1): larger than about 65536 bytes").doesNotContain("xxx"));
        assertThatThrownBy(() -> SubscriberFiles.parse("- { imsi: \"00101000000001\", k: \"" + big + "\" }\n", SubscriberFiles.Format.YAML, JSON))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail())
                        .startsWith("subscribers[0]: larger than about 65536 bytes")); // SnakeYAML scans ahead before the item's line is known
        assertThatThrownBy(() -> SubscriberFiles.parse("imsi,k\n1," + big + "\n", SubscriberFiles.Format.CSV, JSON))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail())
                        .isEqualTo("csv line 2: longer than 65536 bytes (one subscriber per line)"));
    }

    @Test
    void whenTheShapeIsWrong_thenTheProblemSaysWhatIsExpected() {
        for (SubscriberFiles.Format f : List.of(SubscriberFiles.Format.JSON, SubscriberFiles.Format.YAML)) {
            assertThatThrownBy(() -> SubscriberFiles.parse(f == SubscriberFiles.Format.JSON ? "{\"other\":[1,2]}" : "other: [1, 2]\n", f, JSON))
                    .hasMessageContaining("expected a list of subscribers");
        }
        assertThat(SubscriberFiles.parse("", SubscriberFiles.Format.YAML, JSON)).isEmpty();
        assertThat(SubscriberFiles.parse("[]", SubscriberFiles.Format.JSON, JSON)).isEmpty();
        assertThatThrownBy(() -> SubscriberFiles.parse("[{\"imsi\":\"1\"}] x", SubscriberFiles.Format.JSON, JSON)).hasMessageContaining("not valid JSON");
    }
}
