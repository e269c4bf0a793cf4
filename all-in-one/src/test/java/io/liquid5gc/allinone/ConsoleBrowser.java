package io.liquid5gc.allinone;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console tests' browser: Debian's headless Chromium driven by Selenium through Debian's chromedriver (both paths
 * given, so Selenium Manager never runs and nothing is downloaded), a fresh profile, screenshots under
 * {@code target/console-screenshots/}. {@link #start()} skips the test, saying why, when chromium or chromedriver is
 * not installed ({@code apt-get install chromium chromium-driver}).
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private ConsoleBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static ConsoleBrowser start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the console's browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): apt-get install chromium chromium-driver");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Files.createDirectories(SCREENSHOTS);
        Path profile = Files.createTempDirectory("liquid5gc-console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setPageLoadStrategy(PageLoadStrategy.EAGER); // the pages' scripts run on DOMContentLoaded
        options.setBinary(CHROMIUM.toFile()); // with the driver's path too, Selenium Manager is not asked for anything
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1500,1100", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT).pageLoadTimeout(WAIT);
        return new ConsoleBrowser(driver, profile);
    }

    /** The live view redraws its tables every 2 s: an element read while it is replaced is found again, not an error. */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Opens the login page at {@code base} ({@code http://127.0.0.1:port}) and submits {@code token}. */
    void logIn(String base, String token) {
        driver.get(base + "/console/login");
        WebElement field = waiting().until(ExpectedConditions.elementToBeClickable(By.id("token")));
        field.clear();
        field.sendKeys(token);
        driver.findElement(By.id("loginButton")).click();
    }

    /** fetch() from the page, as its own scripts would: the status and the body's start. */
    @SuppressWarnings("unchecked")
    Map<String, Object> fetch(String method, String path, Map<String, String> headers) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[1], {method: arguments[0], headers: arguments[2], credentials: 'same-origin'})
                  .then(r => r.text().then(t => done({status: r.status, body: t.substring(0, 300)})))
                  .catch(e => done({status: -1, body: String(e)}));
                """, method, path, headers);
    }

    @Override
    public void close() throws Exception {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
