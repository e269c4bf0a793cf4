package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.http.RawHttp;
import io.liquid5gc.runtime.safety.StartupSafety;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The all-in-one exposed on every interface (as a deployment would be): the operator APIs want the token before any
 * body, the network procedures validate the SUPI without echoing it and audit what they do, the start-up report
 * names every lab default, and the production profile refuses to start with them.
 */
@ExtendWith(OutputCaptureExtension.class)
class HardeningAllInOneTest {

    private static final String TOKEN = "all-in-one-operator-token-" + UUID.randomUUID();
    private static ConfigurableApplicationContext core;
    private static int port;

    @BeforeAll
    static void start() {
        // as arguments: they must override the all-in-one's application.yaml (server.address 127.0.0.1)
        core = new SpringApplicationBuilder(AllInOneApplication.class).run("--server.port=0", "--server.address=0.0.0.0",
                "--liquid5gc.store.memory.journal=none", "--liquid5gc.proxy.sctp.udp-port=0", "--liquid5gc.operator.token=" + TOKEN,
                "--liquid5gc.udr.key-encryption.generated-file=target/hardening-test/kek-" + UUID.randomUUID());
        port = Integer.parseInt(core.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (core != null) {
            core.close();
        }
    }

    private static String post(String path, String authorization) throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n");
            return http.readAnswer();
        }
    }

    @Test
    void whenANetworkProcedureIsAskedAnonymously_thenItIs401AndAudited(CapturedOutput output) throws Exception {
        assertThat(post("/proxy/ues/imsi-001010000000001/deregistration", null)).startsWith("HTTP/1.1 401").contains("application/problem+json");
        assertThat(post("/proxy/ues/imsi-001010000000001/authentication", "Bearer guess")).startsWith("HTTP/1.1 401");
        assertThat(output.getOut()).contains("who=unauthenticated from=127.0.0.1:").contains("action=network-procedures.post");
    }

    @Test
    void whenTheSupiIsNotOne_thenItIs400WithoutEchoingIt() throws Exception {
        String junk = "imsi-" + "9".repeat(3000);
        String answer = post("/proxy/ues/" + junk + "/deregistration", "Bearer " + TOKEN);
        assertThat(answer).startsWith("HTTP/1.1 400").contains("MANDATORY_IE_INCORRECT").doesNotContain("9".repeat(100));
        String nul = post("/proxy/ues/imsi-00101%000000001/authentication", "Bearer " + TOKEN);
        assertThat(nul).startsWith("HTTP/1.1 400").doesNotContain("%00").doesNotContain("\u0000");
    }

    @Test
    void whenAnOperatorDeregistersAnUnknownUe_thenItIs404AndTheAuditSaysWhoAndWhat(CapturedOutput output) throws Exception {
        assertThat(post("/proxy/ues/imsi-001019999999999/deregistration", "Bearer " + TOKEN)).startsWith("HTTP/1.1 404")
                .contains("CONTEXT_NOT_FOUND");
        assertThat(output.getOut()).contains("who=token from=127.0.0.1:")
                .contains("action=network.deregistration subject=imsi-001019999999999 outcome=404").doesNotContain(TOKEN);
    }

    @Test
    void whenTheCoreStartedWithLabDefaults_thenEachIsNamedInTheWarnBlock() {
        assertThat(core.getBean(StartupSafety.class).found()).extracting(s -> s.id()).contains("test-suci-keys", "default-subscribers",
                "binds-on-all-interfaces", "lab-key-encryption-key", "any-serving-plmn").doesNotContain("operator-auth-off");
    }

    @Test
    void whenTheProductionProfileMeetsLabDefaults_thenTheCoreRefusesToStartNamingThem() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(AllInOneApplication.class).properties("server.port=0",
                "liquid5gc.store.memory.journal=none", "liquid5gc.proxy.sctp.udp-port=0", "liquid5gc.profile=production",
                "liquid5gc.udr.key-encryption.generated-file=target/hardening-test/kek-" + UUID.randomUUID()).run().close())
                .isInstanceOf(StartupSafety.UnsafeConfigurationException.class)
                .hasMessageContaining("liquid5gc.profile=production refuses to start")
                .hasMessageContaining("[test-suci-keys]").hasMessageContaining("[default-subscribers]")
                .hasMessageContaining("[lab-key-encryption-key]").hasMessageContaining("[any-serving-plmn]")
                .hasMessageContaining("[operator-auth-off]")
                .hasMessageNotContaining("c53c22208b61860b06c62e5406a7b330");
    }
}
