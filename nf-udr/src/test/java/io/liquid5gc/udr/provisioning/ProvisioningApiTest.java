package io.liquid5gc.udr.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.udr.UdrApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The provisioning REST API of a running UDR, driven by the CLI; the default subscribers are imported at start. */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class ProvisioningApiTest {

    private static final String K = "465B5CE8B199B49FAA5F0A2EE238A6BC";
    private static final String OPC = "E8ED289DEBA952E4283B54E88E6183CA";
    private static ConfigurableApplicationContext udr;
    private static String url;

    @BeforeAll
    static void startUdr() {
        udr = new SpringApplicationBuilder(UdrApplication.class).properties("server.port=0", "server.address=127.0.0.1",
                "liquid5gc.store.memory.journal=none", "liquid5gc.provisioning.default-subscribers=classpath:test-subscribers.yaml",
                "liquid5gc.provisioning.token=test-token",
                "liquid5gc.udr.key-encryption.generated-file=target/provisioning-api-test/kek-" + java.util.UUID.randomUUID()).run();
        url = "http://127.0.0.1:" + udr.getEnvironment().getProperty("local.server.port");
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
        return cli(Map.of("LIQUID5GC_PROVISIONING_TOKEN", "test-token"), args);
    }

    private static Result cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--url";
        all[1] = url;
        System.arraycopy(args, 0, all, 2, args.length);
        int code = ProvisioningCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whenTheUdrStartsOnAnEmptyStore_thenTheDefaultSubscribersAreThere() {
        Result r = cli("show", "001019990000002");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"imsi\":\"001019990000002\"").contains("\"k\":\"***\"").contains("\"opc\":\"***\"")
                .contains("010203").doesNotContainIgnoringCase(K).doesNotContainIgnoringCase(OPC);
    }

    @Test
    void whenAddedShownListedAndRemovedThroughTheCli_thenEachAnswersAndNoSecretIsPrinted() {
        Map<String, String> env = new HashMap<>(Map.of("LIQUID5GC_PROVISIONING_TOKEN", "test-token", "MY_K", K));
        Result add = cli(env, "add", "--imsi", "001010000000777", "--k", "env:MY_K", "--opc", OPC, "--slice", "1-010203:internet|ims",
                "--slice", "2:iot", "--msisdn", "4917012345");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("\"created\":1");
        Result again = cli(env, "add", "--imsi", "001010000000777", "--k", "env:MY_K", "--opc", OPC);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("409").contains("SUBSCRIBER_EXISTS");

        Result show = cli("show", "imsi-001010000000777");
        assertThat(show.out()).contains("\"dnns\":[\"internet\",\"ims\"]").contains("\"iot\"").contains("4917012345").doesNotContainIgnoringCase(K);
        Result list = cli("list", "--limit", "100000");
        assertThat(list.out()).contains("001010000000777").contains("001019990000001").doesNotContainIgnoringCase(K)
                .doesNotContainIgnoringCase(OPC);

        assertThat(cli("remove", "001010000000777").code()).isZero();
        Result gone = cli("show", "001010000000777");
        assertThat(gone.code()).isEqualTo(1);
        assertThat(gone.err()).contains("404").contains("USER_NOT_FOUND");
    }

    @Test
    void whenACsvFileIsImported_thenTheRangeIsProvisioned(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("subs.csv");
        Files.writeString(csv, "imsi,count,k,opc,slices\n001018880000000,1000," + K + "," + OPC + ",1-010203:internet\n");
        Result r = cli("import", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"created\":1000").contains("imsi-001018880000999");
        assertThat(cli("show", "001018880000500").out()).contains("\"sqn\":\"000000000000\"");
    }

    @Test
    void whenACsvOf5000RowsIsImported_thenAllAreProvisioned(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("imsi,k,opc,amf,sqn,slices\n");
        for (int i = 0; i < 5000; i++) { // ~500 KiB, above WebFlux's default in-memory limit
            csv.append(String.format("00101777%07d,%s,%s,8000,000000000000,1-010203:internet|ims;2:iot%n", i, K, OPC));
        }
        Path file = dir.resolve("many.csv");
        Files.writeString(file, csv);
        Result r = cli("import", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"created\":5000");
    }

    @Test
    void whenTheTokenIsMissingOrTheInputBad_thenSpecificErrors() {
        Result noToken = cli(Map.of(), "list");
        assertThat(noToken.code()).isEqualTo(1);
        assertThat(noToken.err()).contains("401");
        Result bad = cli("add", "--imsi", "00101", "--k", "nothex", "--opc", OPC);
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("400").contains("k:").doesNotContain("nothex");
        assertThat(cli("frobnicate").code()).isEqualTo(2);
        Result typo = cli("add", "--imsi", "001010000000888", "--k", K, "--opc", OPC, "--count", "x1");
        assertThat(typo.code()).isEqualTo(2);
    }

    private static int port() {
        return Integer.parseInt(udr.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void whenA30MibImportCarriesABadToken_thenItIs401BeforeTheBodyIsRead() throws Exception {
        try (io.liquid5gc.runtime.http.RawHttp http = new io.liquid5gc.runtime.http.RawHttp(port())) {
            http.send("POST /provisioning/subscribers/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Authorization: Bearer wrong\r\nContent-Length: " + (30 * 1024 * 1024) + "\r\n\r\n");
            http.send(new byte[64 * 1024]); // of 30 MiB: the answer cannot wait for the rest
            assertThat(http.readAnswer()).startsWith("HTTP/1.1 401").contains("application/problem+json").doesNotContain("wrong");
        }
    }

    @Test
    void whenAnImportDeclaresMoreThanMaxImportBody_thenItIs413BeforeTheBodyIsRead() throws Exception {
        try (io.liquid5gc.runtime.http.RawHttp http = new io.liquid5gc.runtime.http.RawHttp(port())) {
            http.send("POST /provisioning/subscribers/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Authorization: Bearer test-token\r\nContent-Length: " + (300L * 1024 * 1024) + "\r\n\r\n"); // default 256 MB
            http.send(new byte[64 * 1024]);
            assertThat(http.readAnswer()).startsWith("HTTP/1.1 413").contains("\"instance\":\"/provisioning/subscribers/import\"");
        }
    }

    @Test
    void whenOneRequestAsksForMoreThanMaxBulk_thenItIs413AndNothingIsCreated() {
        Result r = cli("add", "--imsi", "001016660000000", "--k", K, "--opc", OPC, "--count", "100000");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("413").contains("at most 10000").contains("max-bulk");
        assertThat(cli("show", "001016660000000").err()).contains("404");
    }

    @Test
    void whenTheImsiIsMalformed_thenTheProblemDoesNotEchoIt() throws Exception {
        String longImsi = "1".repeat(3000);
        try (io.liquid5gc.runtime.http.RawHttp http = new io.liquid5gc.runtime.http.RawHttp(port())) {
            http.send("GET /provisioning/subscribers/%00" + longImsi + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer test-token\r\n\r\n");
            String answer = http.readAnswer();
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").doesNotContain(longImsi).doesNotContain("%00");
        }
    }

    @Test
    void whenSubscribersChange_thenEachChangeIsAnAuditLineWithoutSecrets(org.springframework.boot.test.system.CapturedOutput output) {
        assertThat(cli("add", "--imsi", "001015550000001", "--k", K, "--opc", OPC, "--count", "3").code()).isZero();
        assertThat(cli("remove", "001015550000002").code()).isZero();
        assertThat(cli("re-encrypt").out()).contains("\"reencrypted\":0");
        assertThat(output.getOut()).contains("who=token from=127.0.0.1:").contains("action=provisioning.add subject=imsi-001015550000001..imsi-001015550000003 outcome=201")
                .contains("action=provisioning.remove subject=imsi-001015550000002 outcome=204")
                .contains("action=provisioning.re-encrypt").doesNotContainIgnoringCase(K).doesNotContainIgnoringCase(OPC).doesNotContain("test-token");
    }
}
