package io.liquid5gc.udr.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.http.RawHttp;
import io.liquid5gc.udr.UdrApplication;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The streamed import of a running UDR ({@code POST /provisioning/subscribers/import}): large files, errors naming
 * their line, max-bulk while streaming, over-long lines and bodies over max-import-body. max-bulk is 60,000 here and
 * max-import-body 16 MB (far above max-body, 4 MB, which the import no longer buffers up to).
 */
@ExtendWith(OutputCaptureExtension.class)
class SubscriberImportApiTest {

    private static final String K = "465B5CE8B199B49FAA5F0A2EE238A6BC";
    private static final String OPC = "E8ED289DEBA952E4283B54E88E6183CA";
    private static final String BAD_K = "465B5CE8B199B49FAA5F0A2EE238A6ZZ";
    private static ConfigurableApplicationContext udr;
    private static String url;
    private static int port;

    @BeforeAll
    static void startUdr() {
        udr = new SpringApplicationBuilder(UdrApplication.class).properties("server.port=0", "server.address=127.0.0.1",
                "liquid5gc.store.memory.journal=none", "liquid5gc.provisioning.default-subscribers=none",
                "liquid5gc.provisioning.token=test-token", "liquid5gc.provisioning.max-bulk=60000",
                "liquid5gc.provisioning.max-import-body=16MB",
                "liquid5gc.udr.key-encryption.generated-file=target/subscriber-import-api-test/kek-" + java.util.UUID.randomUUID()).run();
        port = Integer.parseInt(udr.getEnvironment().getProperty("local.server.port"));
        url = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopUdr() {
        if (udr != null) {
            udr.close();
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--url";
        all[1] = url;
        System.arraycopy(args, 0, all, 2, args.length);
        int code = ProvisioningCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("LIQUID5GC_OPERATOR_TOKEN", "test-token"));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String row(String imsi) {
        return imsi + "," + K + "," + OPC + ",8000,000000000000,1-010203:internet|ims;2:iot\n";
    }

    @Test
    void whenACsvOf50000SubscribersIsImported_thenAllAreCreatedAndAgainAllSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("# 50,000 subscribers, generated\nimsi,k,opc,amf,sqn,slices\n");
            for (int i = 0; i < 50_000; i++) {
                w.write(row(String.format("0010140%08d", i)));
            }
        }
        assertThat(Files.size(file)).isGreaterThan(4L * 1024 * 1024); // over max-body: the import does not buffer it
        Result r = cli("import", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"created\":50000,\"replaced\":0,\"skipped\":0")
                .contains("\"first\":\"imsi-001014000000000\",\"last\":\"imsi-001014000049999\"");
        assertThat(cli("show", "001014000049999").out()).contains("\"iot\"").doesNotContainIgnoringCase(K);

        Result again = cli("import", file.toString());
        assertThat(again.out()).contains("\"created\":0,\"replaced\":0,\"skipped\":50000");
    }

    @Test
    void whenACsvLineIsBad_thenTheProblemNamesTheLineNotTheValueAndSaysWhatWasWritten(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        StringBuilder csv = new StringBuilder("imsi,k,opc,amf,sqn,slices\n");
        for (int i = 0; i < 300; i++) { // lines 2..301: more than a batch
            csv.append(row(String.format("0010141%08d", i)));
        }
        csv.append("001014200000000,").append(BAD_K).append(',').append(OPC).append(",8000,000000000000,1:internet\n"); // line 302
        csv.append(row("001014200000001"));
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, csv);
        Result r = cli("import", file.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("400").contains("csv line 302: k: 32 hex digits required")
                .contains("written before it: imsi-001014100000000..imsi-001014100000299 (300 created, 0 replaced, 0 already there)")
                .doesNotContainIgnoringCase(BAD_K).doesNotContainIgnoringCase(OPC);
        assertThat(cli("show", "001014100000299").code()).isZero();
        assertThat(cli("show", "001014200000001").err()).contains("404");
        assertThat(output.getOut()).contains("action=provisioning.import subject=imsi-001014100000000..imsi-001014100000299 outcome=400")
                .doesNotContainIgnoringCase(BAD_K);
    }

    @Test
    void whenAnImportGoesOverMaxBulk_thenItIs413AtTheEntryThatWentOver(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("many.csv");
        Files.writeString(file, "imsi,count,k,opc\n001014300000000,3," + K + "," + OPC + "\n001014300000100,59998," + K + "," + OPC
                + "\n001014300000000,1," + K + "," + OPC + "\n");
        Result r = cli("import", file.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("413").contains("more than 60000 subscribers in one request (at csv line 3), at most 60000")
                .contains("max-bulk").contains("written before it: imsi-001014300000000..imsi-001014300000002 (3 created");
        assertThat(cli("show", "001014300000100").err()).contains("404");

        Files.writeString(file, "imsi,count,k,opc\n001014400000000,60001," + K + "," + OPC + "\n");
        Result first = cli("import", file.toString());
        assertThat(first.err()).contains("413").contains("(at csv line 2)").contains("nothing was written");
    }

    @Test
    void whenOneLineIs30Mib_thenItIs400NamingTheLine() throws Exception {
        int size = 30 * 1024 * 1024;
        try (RawHttp http = new RawHttp(port)) {
            String head = "imsi,k,opc\n"; // chunked: no Content-Length for the filter to refuse it by
            http.send("POST /provisioning/subscribers/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Authorization: Bearer test-token\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(head.length()) + "\r\n" + head + "\r\n");
            CompletableFuture<Integer> sent = CompletableFuture.supplyAsync(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'A');
                int n = 0;
                try {
                    for (; n < size; n += chunk.length) {
                        http.send(Integer.toHexString(chunk.length) + "\r\n");
                        http.send(chunk);
                        http.send("\r\n");
                    }
                    http.send("0\r\n\r\n");
                } catch (java.io.IOException closed) {
                    // the server answered and closed: the rest is never read
                }
                return n;
            });
            String answer = http.readAnswer();
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("csv line 2: longer than 65536 bytes").contains("nothing was written").doesNotContain("AAAA");
            sent.cancel(true);
        }
    }

    @Test
    void whenAChunkedImportPassesMaxImportBody_thenItIs413() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /provisioning/subscribers/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Authorization: Bearer test-token\r\nTransfer-Encoding: chunked\r\n\r\n");
            CompletableFuture.runAsync(() -> {
                byte[] line = ("# a comment line of a file larger than max-import-body" + " ".repeat(960) + "\n").getBytes(StandardCharsets.US_ASCII);
                ByteArrayOutputStream chunk = new ByteArrayOutputStream();
                for (int i = 0; i < 64; i++) {
                    chunk.writeBytes(line);
                }
                byte[] body = chunk.toByteArray();
                byte[] frame = (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (long sent = 0; sent < 20L * 1024 * 1024; sent += body.length) { // 20 MB of a 16 MB limit
                        http.send(frame);
                        http.send(body);
                        http.send("\r\n");
                    }
                    http.send("0\r\n\r\n");
                } catch (java.io.IOException closed) {
                    // the server answered and closed
                }
            });
            String answer = http.readAnswer();
            assertThat(answer).startsWith("HTTP/1.1 413").contains("max-import-body").contains("nothing was written");
        }
    }

    @Test
    void whenAJsonArrayIsImported_thenEachEntryIsReadAndABadOneNamesItsIndexAndLine(@TempDir Path dir) throws Exception {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < 2000; i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"imsi\":\"").append(String.format("0010145%08d", i)).append("\",\"k\":\"").append(K)
                    .append("\",\"opc\":\"").append(OPC).append("\",\"slices\":[{\"sst\":1,\"sd\":\"010203\",\"dnns\":[\"internet\"]}]}");
        }
        json.append("\n]\n");
        Path file = dir.resolve("subs.json");
        Files.writeString(file, json);
        Result r = cli("import", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"created\":2000").contains("\"last\":\"imsi-001014500001999\"");

        Files.writeString(file, "{\"subscribers\": [\n {\"imsi\":\"001014600000000\",\"k\":\"" + K + "\",\"opc\":\"" + OPC + "\"},\n"
                + " {\"imsi\":\"001014600000001\",\"k\":\"" + BAD_K + "\",\"opc\":\"" + OPC + "\"}\n]}");
        Result bad = cli("import", file.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("400").contains("subscribers[1] (line 3): k: 32 hex digits required")
                .contains("written before it: imsi-001014600000000..imsi-001014600000000").doesNotContainIgnoringCase(BAD_K);
    }

    @Test
    void whenAYamlSequenceIsImported_thenItemByItemWithAnchorsAndABadItemNamesItsLine(@TempDir Path dir) throws Exception {
        StringBuilder yaml = new StringBuilder("defaults: &d { k: \"" + K + "\", opc: \"" + OPC + "\", slices: [ { sst: 1, sd: 0x010203, dnns: [internet] } ] }\n"
                + "subscribers:\n");
        for (int i = 0; i < 500; i++) {
            yaml.append("  - { imsi: \"").append(String.format("0010147%08d", i)).append("\", k: \"").append(K).append("\", opc: \"")
                    .append(OPC).append("\" }\n");
        }
        yaml.append("  - { <<: *d, imsi: \"001014700000500\" }\n");
        Path file = dir.resolve("subs.yaml");
        Files.writeString(file, yaml);
        Result r = cli("import", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"created\":501");
        assertThat(cli("show", "001014700000500").out()).contains("\"sd\":\"010203\"");

        Files.writeString(file, "- { imsi: \"001014800000000\", k: \"" + K + "\", opc: \"" + OPC + "\" }\n- { imsi: 1234, k: \"" + K + "\" }\n");
        Result bad = cli("import", file.toString());
        assertThat(bad.err()).contains("400").contains("subscribers[1].imsi (line 2): must be a quoted string");
    }
}
