package io.liquid5gc.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.testing.MovableClock;
import io.liquid5gc.runtime.operator.OperatorApi;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's security over real HTTP (Netty, the JDK client with a cookie store as the browser): without a session
 * every page redirects to the login and every call is refused; the login takes only the operator token; a change needs
 * the CSRF token; the gateway reaches only operator APIs, as the session's operator; the bearer-token API is unchanged
 * and takes no session cookie; logout and the bounded lifetime end the session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ConsoleSecurityTest.App.class, properties = {
        "liquid5gc.operator.token=" + ConsoleSecurityTest.TOKEN,
        "liquid5gc.nf.nrf.placement=http", "liquid5gc.nf.nrf.url=http://user:secret@nrf.example:8080",
        "liquid5gc.discovery.enabled=false", "liquid5gc.registration.enabled=false"})
class ConsoleSecurityTest {

    static final Instant START = Instant.parse("2026-11-01T10:00:00Z");

    static final String TOKEN = "console-test-operator-token-0123456789";
    private static final JsonMapper JSON = new JsonMapper();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        /** An operator API of the test: echoes what reached it. */
        @Bean
        OperatorApi testOperatorApi() {
            return new OperatorApi("test-api", "/test/");
        }

        @Bean
        RouterFunction<ServerResponse> testRoutes() {
            return RouterFunctions.route()
                    .GET("/test/echo", r -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("path", r.path(), "query", r.uri().getRawQuery() == null ? "" : r.uri().getRawQuery())))
                    .POST("/test/change", r -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("changed", true)))
                    .build();
        }

        @Bean
        MovableClock clock() {
            return new MovableClock(START); // the session's lifetime is checked on this clock
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;

    private HttpClient browser;
    private CookieManager cookies;

    @BeforeEach
    void newBrowser() {
        cookies = new CookieManager();
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b.build());
    }

    /**
     * A request the server leaves unanswered for 60 s has been seen on a very busy machine (load 20-45), cause unknown:
     * the server runs in this JVM, so its threads at that moment go to target/console-unanswered-*.txt for the diagnosis.
     */
    private HttpResponse<String> send(HttpRequest request) throws Exception {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException unanswered) {
            StringBuilder dump = new StringBuilder(request.method() + " " + request.uri() + " unanswered after 60 s\n\n");
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                dump.append(thread).append(' ').append(thread.getState()).append('\n');
                for (StackTraceElement e : stack) {
                    dump.append("    at ").append(e).append('\n');
                }
                dump.append('\n');
            });
            java.nio.file.Path file = java.nio.file.Path.of("target", "console-unanswered-" + System.currentTimeMillis() + ".txt");
            java.nio.file.Files.writeString(file, dump);
            throw new java.net.http.HttpTimeoutException(unanswered.getMessage() + " (" + request.method() + " " + request.uri().getPath()
                    + "; the threads at that moment: " + file.toAbsolutePath() + ")");
        }
    }

    private HttpResponse<String> login(String token) throws Exception {
        return post("/console/login", "token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    private JsonNode session() throws Exception {
        HttpResponse<String> r = get("/console/api/session");
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void whenThereIsNoSession_thenEveryPageRedirectsToTheLoginAndEveryCallIsRefused() throws Exception {
        for (String page : List.of("/console/", "/console/subscribers", "/console/live", "/console/assets/console.js", "/console/assets/live.js")) {
            HttpResponse<String> r = get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(page).hasValue("/console/login");
        }
        for (String call : List.of("/console/api/session", "/console/api/placement", "/console/api/test/echo", "/console/api/nothing")) {
            HttpResponse<String> r = get(call);
            assertThat(r.statusCode()).as(call).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type")).as(call).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        // a change without a session has no CSRF token either: refused before anything else
        assertThat(post("/console/api/test/change", "{}", Map.of("Content-Type", "application/json")).statusCode()).isIn(401, 403);
        assertThat(post("/console/api/test/change", "{}", Map.of("Content-Type", "application/json", "X-CSRF-TOKEN", "made-up")).statusCode()).isIn(401, 403);
        // no session was created for the anonymous visitor
        assertThat(cookies.getCookieStore().getCookies()).isEmpty();

        HttpResponse<String> loginPage = get("/console/login");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).contains("name=\"token\"");
        assertThat(loginPage.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c -> assertThat(c).contains("script-src 'self'"));
        assertThat(loginPage.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(get("/console/assets/console.css").statusCode()).isEqualTo(200);
    }

    @Test
    void whenTheTokenIsWrong_thenNoSessionAndBackToTheLogin() throws Exception {
        HttpResponse<String> r = login("not-the-token-at-all-0123456789");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/console/login?error");
        assertThat(get("/console/api/session").statusCode()).isEqualTo(401);
        assertThat(login("").headers().firstValue("Location")).hasValue("/console/login?error");
    }

    @Test
    void whenTheOperatorLogsIn_thenTheSessionCookieIsHttpOnlyStrictAndTheConsoleWorks() throws Exception {
        HttpResponse<String> r = login(TOKEN);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/console/");
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("LIQUID5GC_CONSOLE=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/console/")
                .doesNotContain("Secure"); // plain HTTP here; over TLS the resolver adds Secure
        assertThat(setCookie).doesNotContain(TOKEN);

        JsonNode s = session();
        assertThat(s.get("operator").asString()).isEqualTo("token");
        assertThat(s.get("csrfHeader").asString()).isEqualTo("X-CSRF-TOKEN");
        assertThat(s.get("csrfToken").asString()).isNotBlank();
        assertThat(s.get("apis").toString()).contains("/console/api/test/");
        assertThat(s.toString()).doesNotContain(TOKEN);
        assertThat(get("/console/subscribers").statusCode()).isEqualTo(200);
        assertThat(get("/console/live").body()).contains("Recent procedures");
    }

    @Test
    void whenAChangeHasNoOrAWrongCsrfToken_thenItIsRefusedAndWithTheTokenItGoesThrough() throws Exception {
        login(TOKEN);
        String csrf = session().get("csrfToken").asString();
        HttpResponse<String> none = post("/console/api/test/change", "{}", Map.of("Content-Type", "application/json"));
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("CSRF_TOKEN_INVALID");
        assertThat(post("/console/api/test/change", "{}", Map.of("Content-Type", "application/json", "X-CSRF-TOKEN", csrf + "x")).statusCode()).isEqualTo(403);
        HttpResponse<String> ok = post("/console/api/test/change", "{}", Map.of("Content-Type", "application/json", "X-CSRF-TOKEN", csrf));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("changed");
        // a CSRF token of another session is no good either
        String mine = csrf;
        newBrowser();
        login(TOKEN);
        assertThat(post("/console/api/test/change", "{}", Map.of("Content-Type", "application/json", "X-CSRF-TOKEN", mine)).statusCode()).isEqualTo(403);
    }

    @Test
    void whenTheConsoleCallsAnOperatorApi_thenItGetsThereWithItsQueryAndNothingElseIsReachable() throws Exception {
        login(TOKEN);
        HttpResponse<String> echo = get("/console/api/test/echo?prefix=00101&after=imsi-1");
        assertThat(echo.statusCode()).isEqualTo(200);
        JsonNode e = JSON.readTree(echo.body());
        assertThat(e.get("path").asString()).isEqualTo("/test/echo");
        assertThat(e.get("query").asString()).isEqualTo("prefix=00101&after=imsi-1");
        // not an operator API (a function, actuator), or written to climb out of one: refused
        for (String path : List.of("/console/api/actuator/health", "/console/api/nrf-discover", "/console/api/test/%2e%2e/actuator",
                "/console/api/test/..%2factuator")) {
            HttpResponse<String> r;
            try {
                r = get(path);
            } catch (java.net.http.HttpTimeoutException timeout) {
                throw new AssertionError("no answer to " + path, timeout);
            }
            assertThat(r.statusCode()).as(path).isIn(400, 404);
        }
        HttpResponse<String> placement = get("/console/api/placement");
        assertThat(placement.statusCode()).isEqualTo(200);
        assertThat(placement.body()).contains("\"nf\":\"nrf\"").contains("http://nrf.example:8080/nrf-register").doesNotContain("secret");
    }

    @Test
    void whenTheBearerTokenApiIsCalled_thenItWorksAsBeforeAndASessionCookieIsNoCredentialThere() throws Exception {
        HttpResponse<String> bearer = browser.send(HttpRequest.newBuilder(uri("/test/echo")).header("Authorization", "Bearer " + TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(get("/test/echo").statusCode()).isEqualTo(401);
        login(TOKEN);
        assertThat(cookies.getCookieStore().getCookies()).isNotEmpty();
        // the cookie is for /console/ only; even sent by hand, /test/ wants the bearer token
        String cookie = cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString).findFirst().orElseThrow();
        HttpResponse<String> withCookie = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/test/echo")).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withCookie.statusCode()).isEqualTo(401);
    }

    @Test
    void whenTheOperatorLogsOut_thenTheSessionIsGone() throws Exception {
        login(TOKEN);
        String csrf = session().get("csrfToken").asString();
        assertThat(post("/console/logout", "", Map.of()).statusCode()).as("logout without CSRF").isEqualTo(403);
        assertThat(get("/console/api/session").statusCode()).isEqualTo(200);
        HttpResponse<String> out = post("/console/logout", "", Map.of("X-CSRF-TOKEN", csrf));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/console/login?logout");
        assertThat(get("/console/api/session").statusCode()).isEqualTo(401);
    }

    @Test
    void whenTheSessionIsOlderThanItsMaxLifetime_thenItNoLongerCounts() throws Exception {
        login(TOKEN);
        assertThat(get("/console/api/session").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(8).plusSeconds(1));
        try {
            assertThat(get("/console/api/session").statusCode()).isEqualTo(401);
            assertThat(get("/console/live").statusCode()).isEqualTo(303);
        } finally {
            clock.set(START);
        }
    }
}
