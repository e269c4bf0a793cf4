package io.liquid5gc.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.operator.OperatorApi;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console of a split deployment over real HTTP, three applications on their own ports: a peer with the
 * network-procedures API ({@code /proxy/}, its own operator token, no console) stands for the ngap-proxy; a console
 * whose process has no {@code /proxy/} reaches it through {@code liquid5gc.console.live-view-url} with
 * {@code liquid5gc.console.peer-token}, and names an unreachable UDR as {@code subscribers-url}; a second console has
 * the wrong peer token. The peer sees the console's credentials, never the browser's header, cookie or forwarding
 * headers; a change needs the session's CSRF token before anything reaches the peer; an unreachable peer or refused
 * credentials are a 502 problem naming the setting, not a 401 or a 500.
 */
class ConsolePeerTest {

    static final String PEER_TOKEN = "peer-operator-token-0123456789abcdef";
    static final String CONSOLE_TOKEN = "console-operator-token-0123456789abcdef";
    private static final JsonMapper JSON = new JsonMapper();
    /** How many calls reached the peer's handlers. */
    static final AtomicInteger REACHED = new AtomicInteger();

    /** The peer: the network-procedures API's paths, echoing what reached them. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Peer {
        @Bean
        OperatorApi peerOperatorApi() {
            return new OperatorApi("network-procedures", "/proxy/");
        }

        @Bean
        RouterFunction<ServerResponse> peerRoutes() {
            return RouterFunctions.route()
                    .GET("/proxy/ues", r -> {
                        REACHED.incrementAndGet();
                        Map<String, Object> seen = new LinkedHashMap<>();
                        seen.put("query", r.uri().getRawQuery() == null ? "" : r.uri().getRawQuery());
                        seen.put("cookie", r.headers().firstHeader("Cookie") != null);
                        seen.put("forwardedFor", r.headers().firstHeader("X-Forwarded-For") != null);
                        seen.put("csrfHeader", r.headers().firstHeader("X-CSRF-TOKEN") != null);
                        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).header("Set-Cookie", "peer=1").bodyValue(seen);
                    })
                    .POST("/proxy/ues/{supi}/deregistration", r -> r.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> {
                        REACHED.incrementAndGet();
                        return ServerResponse.accepted().contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("outcome", "DEREGISTRATION_REQUEST_SENT", "supi", r.pathVariable("supi"), "body", body));
                    }))
                    .build();
        }
    }

    /** A console's process: an operator API of its own (so the console is there), no {@code /proxy/}. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ConsoleProcess {
        @Bean
        OperatorApi ownOperatorApi() {
            return new OperatorApi("nf-registry", "/registry/");
        }
    }

    private static ConfigurableApplicationContext peer;
    private static ConfigurableApplicationContext console;
    private static ConfigurableApplicationContext wrongToken;
    private static int closedPort;

    private static int port(ConfigurableApplicationContext c) {
        return ((WebServerApplicationContext) c).getWebServer().getPort();
    }

    private static String[] common(String token) {
        return new String[] {"server.port=0", "server.address=127.0.0.1", "liquid5gc.operator.token=" + token,
                "liquid5gc.discovery.enabled=false", "liquid5gc.registration.enabled=false"};
    }

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // nothing listens there once closed
        }
        peer = new SpringApplicationBuilder(Peer.class).properties(common(PEER_TOKEN)).properties("liquid5gc.console.enabled=false").run();
        String liveView = "liquid5gc.console.live-view-url=http://127.0.0.1:" + port(peer);
        console = new SpringApplicationBuilder(ConsoleProcess.class).properties(common(CONSOLE_TOKEN))
                .properties(liveView, "liquid5gc.console.peer-token=" + PEER_TOKEN,
                        "liquid5gc.console.subscribers-url=http://127.0.0.1:" + closedPort + "/").run();
        // no peer token: its own operator token, which is not the peer's
        wrongToken = new SpringApplicationBuilder(ConsoleProcess.class).properties(common(CONSOLE_TOKEN)).properties(liveView).run();
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {wrongToken, console, peer}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private HttpClient browser;

    @BeforeEach
    void newBrowser() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    private HttpResponse<String> send(ConfigurableApplicationContext at, String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(at) + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String logIn(ConfigurableApplicationContext at) throws Exception {
        HttpResponse<String> r = send(at, "POST", "/console/login", "token=" + java.net.URLEncoder.encode(CONSOLE_TOKEN, StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(r.headers().firstValue("Location")).hasValue("/console/");
        return session(at).get("csrfToken").asString();
    }

    private JsonNode session(ConfigurableApplicationContext at) throws Exception {
        HttpResponse<String> r = send(at, "GET", "/console/api/session", null, Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void whenTheLiveViewPeerIsConfigured_thenTheConsoleCallsItWithItsOwnCredentialsAndNothingOfTheBrowsers() throws Exception {
        logIn(console);
        JsonNode apis = session(console).get("apis");
        assertThat(apis.toString()).contains("\"name\":\"network-procedures\"").contains("\"remote\":\"http://127.0.0.1:" + port(peer) + "\"")
                .contains("liquid5gc.console.live-view-url").contains("\"name\":\"nf-registry\"").doesNotContain(PEER_TOKEN);

        HttpResponse<String> r = send(console, "GET", "/console/api/proxy/ues?limit=5", null,
                Map.of("Authorization", "Bearer " + CONSOLE_TOKEN, "X-Forwarded-For", "10.9.9.9", "Accept", "application/json"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode seen = JSON.readTree(r.body());
        assertThat(seen.get("query").asString()).isEqualTo("limit=5");
        assertThat(seen.get("cookie").asBoolean()).as("the console's session cookie stays with the console").isFalse();
        assertThat(seen.get("forwardedFor").asBoolean()).isFalse();
        assertThat(r.headers().allValues("Set-Cookie")).as("the peer's headers stay with the console").noneMatch(c -> c.startsWith("peer="));
        assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));

        // the peer itself takes only its own token: the browser's bearer header could not have got it there
        HttpResponse<String> direct = send(peer, "GET", "/proxy/ues", null, Map.of("Authorization", "Bearer " + CONSOLE_TOKEN));
        assertThat(direct.statusCode()).isEqualTo(401);
    }

    @Test
    void whenAChangeGoesToThePeer_thenItNeedsTheSessionAndItsCsrfTokenFirst() throws Exception {
        int before = REACHED.get();
        assertThat(send(console, "GET", "/console/api/proxy/ues", null, Map.of()).statusCode()).as("no session").isEqualTo(401);
        assertThat(send(console, "POST", "/console/api/proxy/ues/imsi-001010000000001/deregistration", "", Map.of()).statusCode()).isIn(401, 403);
        String csrf = logIn(console);
        HttpResponse<String> noCsrf = send(console, "POST", "/console/api/proxy/ues/imsi-001010000000001/deregistration", "", Map.of());
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(REACHED.get()).as("nothing refused reached the peer").isEqualTo(before);

        HttpResponse<String> ok = send(console, "POST", "/console/api/proxy/ues/imsi-001010000000001/deregistration", "{\"x\":1}",
                Map.of("X-CSRF-TOKEN", csrf, "Content-Type", "application/json"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(ok.body());
        assertThat(answer.get("supi").asString()).isEqualTo("imsi-001010000000001");
        assertThat(answer.get("body").asString()).isEqualTo("{\"x\":1}");
        assertThat(REACHED.get()).isEqualTo(before + 1);
        HttpResponse<String> empty = send(console, "POST", "/console/api/proxy/ues/imsi-001010000000001/deregistration", "",
                Map.of("X-CSRF-TOKEN", csrf));
        assertThat(empty.statusCode()).as("a POST without a body, as the live page sends it: " + empty.body()).isEqualTo(202);
        assertThat(REACHED.get()).isEqualTo(before + 2);

        // dot segments never leave for the peer
        assertThat(send(console, "GET", "/console/api/proxy/%2e%2e/actuator/env", null, Map.of()).statusCode()).as("the firewall or the gateway").isIn(400, 404);
    }

    @Test
    void whenThePeerIsUnreachableOrRefusesTheCredentials_thenThePageGetsA502SayingWhichSetting() throws Exception {
        logIn(console);
        HttpResponse<String> unreachable = send(console, "GET", "/console/api/provisioning/subscribers?limit=5", null, Map.of());
        assertThat(unreachable.statusCode()).isEqualTo(502);
        assertThat(unreachable.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(unreachable.body()).contains("PEER_UNREACHABLE").contains("liquid5gc.console.subscribers-url")
                .contains("127.0.0.1:" + closedPort);

        logIn(wrongToken);
        HttpResponse<String> refused = send(wrongToken, "GET", "/console/api/proxy/ues", null, Map.of());
        assertThat(refused.statusCode()).as("not a 401: the page would send the operator to its login").isEqualTo(502);
        assertThat(refused.body()).contains("PEER_REFUSED_CREDENTIALS").contains("liquid5gc.console.peer-token").doesNotContain(CONSOLE_TOKEN);
    }
}
