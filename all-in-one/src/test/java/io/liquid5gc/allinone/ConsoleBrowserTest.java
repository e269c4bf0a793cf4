package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.security.Hex;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator console in a real browser ({@link ConsoleBrowser}: Debian's headless Chromium driven by Selenium through
 * Debian's chromedriver, nothing downloaded), against the all-in-one with an
 * operator token, a simulated gNB and UE (ransim) on N2. The operator logs in, adds a subscriber, sees its UE register
 * and its PDU session with the UE's address appear in the live view, and de-registers it from the page; without a
 * session every page and its calls are refused, and a change without the CSRF token too. Screenshots go to
 * {@code target/console-screenshots/}. Skipped, saying why, only when chromium or chromedriver is not installed
 * ({@code apt-get install chromium chromium-driver}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "liquid5gc.operator.token=" + ConsoleBrowserTest.TOKEN, "liquid5gc.operator.token-file=target/console-browser-test.token"})
class ConsoleBrowserTest {

    static final String TOKEN = "browser-test-operator-token-0123456789abcdef";
    private static final Duration WAIT = ConsoleBrowser.WAIT;
    private static final String K = "465B5CE8B199B49FAA5F0A2EE238A6BC";
    private static final String OPC = "E8ED289DEBA952E4283B54E88E6183CA";
    private static final String MSIN = "0000054321";
    private static final String SUPI = "imsi-00101" + MSIN;
    private static final io.liquid5gc.nas.ie.SNssai NAS_SLICE = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);

    private static ConsoleBrowser chromium;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    N2Server n2;

    private SimGnb gnb;

    @BeforeAll
    static void startBrowser() throws Exception {
        chromium = ConsoleBrowser.start();
        browser = chromium.driver;
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void connectGnb() throws Exception {
        browser.manage().deleteAllCookies();
        gnb = new SimGnb("001", "01", 1, 0x54, List.of(new SNssai(1, 0x010203)));
        assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
    }

    @AfterEach
    void closeGnb() {
        if (gnb != null) {
            gnb.close();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private WebDriverWait waiting() {
        return chromium.waiting();
    }

    private void screenshot(String name) throws Exception {
        chromium.screenshot(name);
    }

    private void logIn(String token) {
        chromium.logIn(url(""), token);
    }

    private Map<String, Object> fetch(String method, String path, Map<String, String> headers) {
        return chromium.fetch(method, path, headers);
    }

    @Test
    void whenTheOperatorAddsASubscriber_thenItsUeRegistersShowsItsSessionAndIsDeregisteredFromThePage() throws Exception {
        browser.get(url("/console/live"));
        waiting().until(ExpectedConditions.urlContains("/console/login"));
        browser.findElement(By.id("token")).sendKeys("wrong-token-wrong-token-wrong");
        screenshot("01-login");
        browser.findElement(By.id("loginButton")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("message"), "That is not the operator token."));

        logIn(TOKEN);
        waiting().until(ExpectedConditions.urlToBe(url("/console/subscribers")));
        waiting().until(ExpectedConditions.textToBe(By.id("operator"), "token"));

        // the API's own validation error is shown
        browser.findElement(By.id("addImsi")).sendKeys("00101" + MSIN);
        browser.findElement(By.id("addK")).sendKeys("0123");
        browser.findElement(By.id("addOp")).sendKeys(OPC);
        browser.findElement(By.id("addButton")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("addResult"), "k: 32 hex digits required"));
        assertThat(browser.findElement(By.id("addResult")).getText()).doesNotContain("0123");

        WebElement k = browser.findElement(By.id("addK"));
        k.clear();
        k.sendKeys(K);
        new Select(browser.findElement(By.id("addOpKind"))).selectByValue("opc");
        WebElement slices = browser.findElement(By.id("addSlices"));
        slices.clear();
        slices.sendKeys("*1-010203: internet, ims");
        browser.findElement(By.id("addButton")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("addResult"), "1 created"));

        WebElement prefix = browser.findElement(By.id("prefix"));
        prefix.sendKeys("00101" + MSIN.substring(0, 7));
        browser.findElement(By.id("searchButton")).click();
        WebElement row = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-imsi='00101" + MSIN + "']")));
        assertThat(row.getText()).contains("1-010203: internet, ims").contains("set").doesNotContain(K).doesNotContain(OPC.toLowerCase());
        screenshot("02-subscribers");

        SimUe ue = new SimUe(54321, "001", "01", MSIN, Hex.decode(K), Hex.decode(OPC), List.of(NAS_SLICE));
        SimUe.Registration registration = ue.register(gnb).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(registration.registered()).as("the subscriber added on the page registers").isTrue();
        SimUe.Session session = ue.establishSession(1, "internet", NAS_SLICE).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(session.established()).isTrue();

        browser.findElement(By.linkText("Live")).click();
        waiting().until(ExpectedConditions.urlToBe(url("/console/live")));
        By ueRow = By.cssSelector("tr[data-supi='" + SUPI + "']");
        waiting().until(d -> d.findElements(ueRow).stream().anyMatch(r -> r.getText().contains(session.address())
                && r.findElement(By.className("gmm")).getText().equals("REGISTERED")
                && r.findElement(By.className("cm")).getText().equals("CONNECTED")));
        String ueLine = waiting().until(d -> d.findElement(ueRow).getText());
        assertThat(ueLine).containsPattern("00101-[0-9a-f]{7}-[0-9a-f]{8}").contains("gnb-54").contains("internet"); // the 5G-GUTI
        String gnbLine = waiting().until(d -> d.findElement(By.cssSelector("tr[data-gnb='gnb-54']")).getText());
        assertThat(gnbLine).contains("gNB 001-01 0x54/").contains("TAC 1").contains("001-01 [1-010203]");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("procedures"), "pdu-session-establishment"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("placement"), "amf-initial-registration"));
        screenshot("03-live");

        waiting().until(d -> {
            d.findElement(ueRow).findElement(By.className("deregister")).click();
            return true;
        });
        WebElement dialog = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmDialog")));
        assertThat(dialog.getText()).contains("De-register " + SUPI);
        screenshot("04-confirm");
        dialog.findElement(By.className("confirm")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("actionResult"), "deregistration request sent"));
        assertThat(ue.networkDeregistration().get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the UE got the network's De-registration Request").isZero();
        waiting().until(d -> d.findElements(ueRow).stream().noneMatch(r -> r.findElement(By.className("gmm")).getText().equals("REGISTERED")));
        screenshot("05-deregistered");
    }

    @Test
    void whenNobodyIsLoggedIn_thenEveryPageAndItsCallsAreRefusedAndAChangeWithoutCsrfTooAfterLogin() throws Exception {
        for (String page : List.of("/console/", "/console/subscribers", "/console/live")) {
            browser.get(url(page));
            waiting().until(ExpectedConditions.urlContains("/console/login"));
            assertThat(browser.findElements(By.id("token"))).as(page).hasSize(1);
        }
        for (String call : List.of("/console/api/session", "/console/api/placement", "/console/api/proxy/ues", "/console/api/proxy/ran-nodes",
                "/console/api/provisioning/subscribers?prefix=&limit=5")) {
            assertThat(fetch("GET", call, Map.of()).get("status")).as(call).isEqualTo(401L);
        }
        assertThat(fetch("POST", "/console/api/proxy/ues/" + SUPI + "/deregistration", Map.of()).get("status")).isIn(401L, 403L);
        assertThat(fetch("DELETE", "/console/api/provisioning/subscribers/imsi-001010000000007", Map.of()).get("status")).isIn(401L, 403L);
        screenshot("10-refused");

        logIn(TOKEN);
        waiting().until(ExpectedConditions.urlToBe(url("/console/subscribers")));
        waiting().until(ExpectedConditions.textToBe(By.id("operator"), "token"));
        Map<String, Object> noCsrf = fetch("DELETE", "/console/api/provisioning/subscribers/imsi-001010000000007", Map.of());
        assertThat(noCsrf.get("status")).isEqualTo(403L);
        assertThat((String) noCsrf.get("body")).contains("CSRF_TOKEN_INVALID");
        assertThat(fetch("POST", "/console/api/proxy/ues/" + SUPI + "/authentication", Map.of("X-CSRF-TOKEN", "guessed")).get("status")).isEqualTo(403L);
        assertThat(fetch("GET", "/console/api/provisioning/subscribers/imsi-001010000000007", Map.of()).get("status"))
                .as("the subscriber is still there").isEqualTo(200L);

        browser.findElement(By.id("logout")).click();
        waiting().until(ExpectedConditions.urlContains("/console/login?logout"));
        assertThat(fetch("GET", "/console/api/session", Map.of()).get("status")).isEqualTo(401L);
    }
}
