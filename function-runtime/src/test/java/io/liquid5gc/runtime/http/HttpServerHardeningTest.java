package io.liquid5gc.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hardened HTTP server for real (Netty on a loopback port, raw sockets): operator authentication before the body,
 * body limits before buffering, problem+json for every error, idle and half-sent connections closed.
 */
class HttpServerHardeningTest {

    static final String TOKEN = "test-operator-token-0123456789";
    static final Pattern JAVA_CLASS = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(Exception|Error)\\b|\\bjava\\.");
    private static ConfigurableApplicationContext app;
    private static int port;

    @RestController
    static class Echo {
        @PostMapping(value = "/echo/json", consumes = "application/json", produces = "application/json")
        String echo(@RequestBody String body) {
            return body;
        }
    }

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(HardenedServer.class, Echo.class).properties(
                "server.port=0",
                "liquid5gc.operator.token=" + TOKEN,
                "liquid5gc.http-server.idle-timeout=2s",
                "liquid5gc.http-server.read-timeout=2s",
                "liquid5gc.http-server.request-timeout=10s",
                "liquid5gc.http-server.max-body-size=1MB",
                "liquid5gc.store.memory.journal=none",
                "liquid5gc.discovery.enabled=false").run();
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void reset() {
        HardenedServer.BODY_BYTES_READ.set(0);
        HardenedServer.HANDLER_CALLS.set(0);
    }

    private static String upload(long declaredLength, String authorization, int bytesActuallySent) throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /ops/change HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                    + declaredLength + "\r\n" + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n");
            http.send(new byte[bytesActuallySent]);
            return http.readAnswer();
        }
    }

    @Test
    void whenA30MibUploadCarriesABadToken_thenItIsRefused401WithoutTheBodyBeingRead() throws Exception {
        // 30 MiB declared, 64 KiB sent: the answer can only come if the server does not wait for the body
        String answer = upload(30L * 1024 * 1024, "Bearer not-the-token", 64 * 1024);
        assertThat(answer).startsWith("HTTP/1.1 401").contains("application/problem+json").contains("WWW-Authenticate: Bearer")
                .contains("\"cause\":\"UNAUTHORIZED\"").contains("\"instance\":\"/ops/change\"").doesNotContain("not-the-token")
                .containsIgnoringCase("connection: close");
        assertThat(HardenedServer.HANDLER_CALLS.get()).isZero();
        assertThat(HardenedServer.BODY_BYTES_READ.get()).isZero();
    }

    @Test
    void whenNoTokenIsSent_thenTheOperatorApiAnswers401() throws Exception {
        assertThat(upload(2, null, 2)).startsWith("HTTP/1.1 401").contains("Bearer realm");
        assertThat(HardenedServer.HANDLER_CALLS.get()).isZero();
    }

    @Test
    void whenTheTokenIsRight_thenTheHandlerRuns() throws Exception {
        assertThat(upload(10, "Bearer " + TOKEN, 10)).startsWith("HTTP/1.1 200").contains("{\"read\":10}");
    }

    @Test
    void whenTheDeclaredBodyIsOverTheLimit_thenItIs413ProblemBeforeAnythingIsRead() throws Exception {
        String answer = upload(30L * 1024 * 1024, "Bearer " + TOKEN, 64 * 1024);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("\"instance\":\"/ops/change\"").contains("limit of 1048576 bytes");
        assertThat(HardenedServer.HANDLER_CALLS.get()).isZero();
    }

    @Test
    void whenAChunkedBodyPassesTheLimit_thenReadingStopsThere() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /ops/change HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n");
            byte[] chunk = new byte[64 * 1024];
            String head = Integer.toHexString(chunk.length) + "\r\n";
            try {
                for (int i = 0; i < 32; i++) { // 2 MiB offered
                    http.send(head);
                    http.send(chunk);
                    http.send("\r\n");
                }
                http.send("0\r\n\r\n");
            } catch (java.io.IOException closed) {
                // the server may close before we are done sending
            }
            assertThat(http.readAnswer()).startsWith("HTTP/1.1 413");
        }
        assertThat(HardenedServer.BODY_BYTES_READ.get()).isLessThanOrEqualTo(1024 * 1024);
    }

    @Test
    void whenAPathIsUnknown_thenTheAnswerIs404ProblemJson() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /no/such/thing HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(http.readAnswer()).startsWith("HTTP/1.1 404").contains("application/problem+json")
                    .contains("\"cause\":\"RESOURCE_URI_STRUCTURE_NOT_FOUND\"").contains("\"instance\":\"/no/such/thing\"");
        }
    }

    @Test
    void whenTheMethodIsWrong_thenTheAnswerIs405ProblemJsonWithoutClassNames() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /echo/json HTTP/1.1\r\nHost: localhost\r\n\r\n");
            String answer = http.readAnswer();
            assertThat(answer).startsWith("HTTP/1.1 405").contains("application/problem+json").contains("\"status\":405")
                    .contains("\"instance\":\"/echo/json\"").contains("allowed: POST");
            assertThat(JAVA_CLASS.matcher(answer).find()).as(answer).isFalse();
        }
    }

    @Test
    void whenTheContentTypeIsNotAccepted_thenTheAnswerIs415ProblemJson() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /echo/json HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi");
            String answer = http.readAnswer();
            assertThat(answer).startsWith("HTTP/1.1 415").contains("application/problem+json").contains("\"instance\":\"/echo/json\"");
            assertThat(JAVA_CLASS.matcher(answer).find()).as(answer).isFalse();
        }
    }

    @Test
    void whenNoAcceptableTypeExists_thenTheAnswerIs406ProblemJson() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /echo/json HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAccept: image/png\r\nContent-Length: 2\r\n\r\n{}");
            String answer = http.readAnswer();
            assertThat(answer).startsWith("HTTP/1.1 406").contains("application/problem+json").contains("\"instance\":\"/echo/json\"");
            assertThat(JAVA_CLASS.matcher(answer).find()).as(answer).isFalse();
        }
    }

    @Test
    void whenAConnectionStaysIdle_thenTheServerClosesIt() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.timeout(60_000); // generous: the server's idle timeout is 2 s
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void whenARequestIsHalfSent_thenTheServerDoesNotHoldItForever() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /ops/change HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Length: 100\r\n\r\nabc");
            http.timeout(60_000);
            String answer = http.readAnswer();
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("\"cause\":\"REQUEST_TIMEOUT\"");
        }
    }

    @Test
    void whenHeadersAreHalfSent_thenTheServerClosesTheConnection() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /ops/change HTTP/1.1\r\nHost: local");
            http.timeout(60_000);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void whenAMessageNamesAClass_thenScrubRemovesIt() {
        assertThat(ProblemJsonExceptionHandler.scrub("Failed to read: java.lang.IllegalStateException: boom"))
                .isEqualTo("Failed to read: boom");
        assertThat(ProblemJsonExceptionHandler.scrub("tools.jackson.core.exc.StreamReadException at line 1")).isEqualTo("at line 1");
    }
}
