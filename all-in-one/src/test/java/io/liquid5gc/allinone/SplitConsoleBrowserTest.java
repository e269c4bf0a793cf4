package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.security.Hex;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The console of a split deployment in a real browser ({@link ConsoleBrowser}): the NRF runs alone in its own JVM
 * (only nf-nrf and the console on its class path) and serves the console; the core with the N2 proxy, the AMF and the
 * UDR runs in this JVM with its own console off. The NRF's console reaches the core's {@code /proxy/} through
 * {@code liquid5gc.console.live-view-url} and its {@code /provisioning/} through {@code liquid5gc.console.subscribers-url},
 * with the deployment's operator token (its own {@code liquid5gc.operator.token}, from the environment as from a
 * Secret). Without a login every page and call of the NRF's console is refused; after it the operator adds a
 * subscriber there, a simulated UE (ransim) registers on the core's N2 and opens a PDU session, and the NRF's live
 * page shows the gNB, the UE with its address, the procedures and the NF instances registered in the NRF, and
 * de-registers the UE; once the core is gone the page says the live view's peer is unreachable. Screenshots:
 * {@code target/console-screenshots/split-*.png}.
 */
class SplitConsoleBrowserTest {

    private static final String TOKEN = "split-console-operator-token-0123456789abcdef";
    private static final Duration WAIT = ConsoleBrowser.WAIT;
    private static final String K = "465B5CE8B199B49FAA5F0A2EE238A6BC";
    private static final String OPC = "E8ED289DEBA952E4283B54E88E6183CA";
    private static final String MSIN = "0000054322";
    private static final String AMF_ID = "4ea3c5a2-5d1e-4b7e-9c55-54322a5f0001";
    private static final String SUPI = "imsi-00101" + MSIN;
    private static final io.liquid5gc.nas.ie.SNssai NAS_SLICE = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);

    private static ConfigurableApplicationContext core;
    private static Process nrf;
    private static int corePort;
    private static int nrfPort;
    private static ConsoleBrowser chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = ConsoleBrowser.start(); // skips first when there is no browser
        corePort = freePort();
        nrfPort = freePort();
        nrf = launchNrf(); // its cold start runs beside the core's
        core = new SpringApplicationBuilder(AllInOneApplication.class).properties("server.port=" + corePort, "server.address=127.0.0.1",
                "liquid5gc.operator.token=" + TOKEN, "liquid5gc.operator.token-file=target/split-console-test.token",
                "liquid5gc.console.enabled=false", "liquid5gc.registration.enabled=false").run();
        awaitNrfReady();
        // the core's AMF registers in the NRF as an AMF process of a split deployment would (NFRegister, TS 29.510
        // 5.2.2.2; the NRF bound to loopback, trusting loopback, takes it without a token)
        HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(nrfUrl("/nrf-register")))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"nfInstanceId": "%s", "nfType": "AMF", "nfStatus": "REGISTERED", "heartBeatTimer": 600, "ipv4Addresses": ["127.0.0.1"],
                         "nfServices": [{"serviceInstanceId": "1", "serviceName": "namf-comm", "scheme": "http", "apiPrefix": "http://127.0.0.1:%d"}]}
                        """.formatted(AMF_ID, corePort))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isBetween(200, 201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (nrf != null) {
            nrf.destroy();
            nrf.waitFor(30, TimeUnit.SECONDS);
        }
        if (core != null) {
            core.close();
        }
    }

    /** The NRF alone: its module's class path, its own port, the peers' URLs; the operator token from the environment. */
    private static Process launchNrf() throws IOException {
        String coreUrl = "http://127.0.0.1:" + corePort;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", HttpPlacementEndToEndTest.classPathWithOnly("nf-nrf"),
                "io.liquid5gc.nrf.NrfApplication", "--server.port=" + nrfPort, "--server.address=127.0.0.1",
                "--liquid5gc.store.memory.journal=none", "--liquid5gc.registration.advertised-url=http://127.0.0.1:" + nrfPort,
                "--liquid5gc.operator.token-file=target/split-console-nrf.token",
                // SBI tokens are not what this test is about: the NRF takes the test's NFRegister from loopback (a lab setting)
                "--liquid5gc.security.trust-loopback=true",
                "--liquid5gc.console.live-view-url=" + coreUrl, "--liquid5gc.console.subscribers-url=" + coreUrl));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LIQUID5GC_OPERATOR_TOKEN", TOKEN); // as from a Kubernetes Secret
        return pb.redirectErrorStream(true).redirectOutput(Path.of("target", "split-console-nrf.log").toFile()).start();
    }

    private static void awaitNrfReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!nrf.isAlive()) {
                throw new IllegalStateException("the NRF exited with " + nrf.exitValue() + "; see target/split-console-nrf.log");
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(nrfUrl("/actuator/health/readiness")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the NRF is not ready; see target/split-console-nrf.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String nrfUrl(String path) {
        return "http://127.0.0.1:" + nrfPort + path;
    }

    @Test
    void whenTheNrfAloneServesTheConsole_thenItIsRefusedWithoutLoginAndShowsTheCoresLiveViewAndSubscribersAfterIt() throws Exception {
        WebDriver browser = chromium.driver;
        // without a login: every page goes to the login, every call (its own, and those for the peers) is a 401
        for (String page : List.of("/console/", "/console/subscribers", "/console/live")) {
            browser.get(nrfUrl(page));
            chromium.waiting().until(ExpectedConditions.urlContains("/console/login"));
        }
        for (String call : List.of("/console/api/session", "/console/api/registry/nf-instances", "/console/api/proxy/ues",
                "/console/api/provisioning/subscribers?prefix=&limit=5")) {
            assertThat(chromium.fetch("GET", call, Map.of()).get("status")).as(call).isEqualTo(401L);
        }
        assertThat(chromium.fetch("POST", "/console/api/proxy/ues/" + SUPI + "/deregistration", Map.of()).get("status")).isIn(401L, 403L);
        chromium.screenshot("split-01-nrf-login");

        chromium.logIn(nrfUrl(""), TOKEN);
        chromium.waiting().until(ExpectedConditions.urlToBe(nrfUrl("/console/subscribers")));
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("remoteSource"), "http://127.0.0.1:" + corePort));

        // a subscriber added on the NRF's page, in the core's UDR
        browser.findElement(By.id("addImsi")).sendKeys("00101" + MSIN);
        browser.findElement(By.id("addK")).sendKeys(K);
        browser.findElement(By.id("addOp")).sendKeys(OPC);
        new Select(browser.findElement(By.id("addOpKind"))).selectByValue("opc");
        WebElement slices = browser.findElement(By.id("addSlices"));
        slices.clear();
        slices.sendKeys("*1-010203: internet");
        browser.findElement(By.id("addButton")).click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("addResult"), "1 created"));

        try (SimGnb gnb = new SimGnb("001", "01", 1, 0x56, List.of(new SNssai(1, 0x010203)))) {
            assertThat(gnb.connect(core.getBean(N2Server.class).udpAddress())).isInstanceOf(NgSetup.Response.class);
            SimUe ue = new SimUe(54322, "001", "01", MSIN, Hex.decode(K), Hex.decode(OPC), List.of(NAS_SLICE));
            assertThat(ue.register(gnb).get(WAIT.toSeconds(), TimeUnit.SECONDS).registered()).as("the subscriber added on the NRF's page registers").isTrue();
            SimUe.Session session = ue.establishSession(1, "internet", NAS_SLICE).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(session.established()).isTrue();

            browser.findElement(By.linkText("Live")).click();
            chromium.waiting().until(ExpectedConditions.urlToBe(nrfUrl("/console/live")));
            chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("remoteSource"), "liquid5gc.console.live-view-url"));
            By ueRow = By.cssSelector("tr[data-supi='" + SUPI + "']");
            chromium.waiting().until(d -> d.findElements(ueRow).stream().anyMatch(r -> r.getText().contains(session.address())
                    && r.findElement(By.className("gmm")).getText().equals("REGISTERED")
                    && r.findElement(By.className("cm")).getText().equals("CONNECTED")));
            String gnbLine = chromium.waiting().until(d -> d.findElement(By.cssSelector("tr[data-gnb='gnb-56']")).getText());
            assertThat(gnbLine).contains("TAC 1").contains("001-01 [1-010203]");
            chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("procedures"), "pdu-session-establishment"));
            // the placement view of the NRF alone: the NF instances registered in it
            String amf = chromium.waiting().until(d -> d.findElement(By.cssSelector("tr[data-nf-instance='" + AMF_ID + "']")).getText());
            assertThat(amf).contains("AMF").contains("REGISTERED").contains("namf-comm http://127.0.0.1:" + corePort);
            assertThat(browser.findElement(By.id("noN2")).isDisplayed()).isFalse();
            chromium.screenshot("split-02-nrf-live");

            chromium.waiting().until(d -> {
                d.findElement(ueRow).findElement(By.className("deregister")).click();
                return true;
            });
            WebElement dialog = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmDialog")));
            dialog.findElement(By.className("confirm")).click();
            chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("actionResult"), "deregistration request sent"));
            assertThat(ue.networkDeregistration().get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the UE got the network's De-registration Request").isZero();
            chromium.waiting().until(d -> d.findElements(ueRow).stream().noneMatch(r -> r.findElement(By.className("gmm")).getText().equals("REGISTERED")));
            chromium.screenshot("split-03-nrf-deregistered");
        }

        // the core goes away: the NRF's live page says which peer is unreachable and which setting names it
        core.close();
        core = null;
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("gnbError"),
                "at http://127.0.0.1:" + corePort + " (liquid5gc.console.live-view-url) is unreachable"));
        chromium.waiting().until(ExpectedConditions.textToBe(By.id("ues"), "Not available."));
        assertThat(browser.findElements(By.cssSelector("tr[data-supi]"))).as("no stale UE rows under the error").isEmpty();
        assertThat(browser.findElement(By.id("nfInstances")).getText()).as("the NRF's own part goes on").contains("AMF");
        chromium.screenshot("split-04-nrf-peer-unreachable");
    }
}
