package io.liquid5gc.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The training run's socket client against the JDK's HTTP server: framing by length and by chunks, reconnects. */
class LoopbackHttpTest {

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectionsClosed = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/length", x -> {
            seen.add(x.getRequestHeaders().getFirst("Authorization") + " " + new String(x.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(201, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", x -> {
            x.getRequestBody().readAllBytes();
            x.sendResponseHeaders(400, 0); // 0: chunked
            try (OutputStream out = x.getResponseBody()) {
                out.write("{\"cause\":".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("\"MANDATORY_IE_MISSING\"}".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/close", x -> {
            x.getRequestBody().readAllBytes();
            connectionsClosed.incrementAndGet(); // before the answer: the client may check as soon as it has it
            x.getResponseHeaders().add("Connection", "close");
            byte[] body = "bye".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void whenAnswersAreFramedByLengthOrChunks_thenStatusAndBodyAreReadOnOneConnection() throws IOException {
        try (LoopbackHttp http = new LoopbackHttp(server.getAddress().getPort(), Duration.ofSeconds(30))) {
            for (int i = 0; i < 3; i++) {
                LoopbackHttp.Answer a = http.post("/length", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                        "Authorization: Bearer t" + i);
                assertThat(a.status()).isEqualTo(201);
                assertThat(new String(a.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
                LoopbackHttp.Answer c = http.post("/chunked", new byte[0]);
                assertThat(c.status()).isEqualTo(400);
                assertThat(new String(c.body(), StandardCharsets.UTF_8)).isEqualTo("{\"cause\":\"MANDATORY_IE_MISSING\"}");
            }
        }
        assertThat(seen).containsExactly("Bearer t0 {\"n\":0}", "Bearer t1 {\"n\":1}", "Bearer t2 {\"n\":2}");
    }

    @Test
    void whenTheServerClosesTheConnection_thenTheNextCallConnectsAgain() throws IOException {
        try (LoopbackHttp http = new LoopbackHttp(server.getAddress().getPort(), Duration.ofSeconds(30))) {
            for (int i = 0; i < 3; i++) {
                LoopbackHttp.Answer a = http.post("/close", new byte[0]);
                assertThat(a.status()).isEqualTo(200);
                assertThat(new String(a.body(), StandardCharsets.UTF_8)).isEqualTo("bye");
            }
        }
        assertThat(connectionsClosed).hasValue(3);
    }

    @Test
    void whenNothingListens_thenTheCallFails() throws IOException {
        int port = server.getAddress().getPort();
        server.stop(0);
        try (LoopbackHttp http = new LoopbackHttp(port, Duration.ofSeconds(5))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.post("/length", new byte[0]))
                    .isInstanceOf(java.net.ConnectException.class);
        }
    }
}
