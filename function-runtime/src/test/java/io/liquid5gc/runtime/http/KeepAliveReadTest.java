package io.liquid5gc.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A keep-alive connection keeps being read after a request that arrived while the previous exchange was still running
 * (reactor-netty issue 4361: Reactor Netty 1.3.6, which Boot 4.1.0 brings, buffers such a request and, when the buffer
 * drains, never asks the channel for more, so the connection's next request is never read; seen as operator-console
 * requests unanswered for 60 s). The project uses Reactor Netty 1.3.8, which has the fix (checked: this test fails on
 * every try with 1.3.6, with and without Reactor Netty's {@code lastFlushWhenNoRead} switch).
 */
class KeepAliveReadTest {

    private static ConfigurableApplicationContext app;
    private static int port;

    @RestController
    static class Answers {
        @GetMapping(value = "/answers/slow", produces = "text/plain")
        Mono<String> slow() {
            return Mono.delay(Duration.ofMillis(50)).thenReturn("done");
        }

        @GetMapping(value = "/answers/fast", produces = "text/plain")
        String fast() {
            return "done";
        }
    }

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(HardenedServer.class, Answers.class).properties(
                "server.port=0",
                "liquid5gc.store.memory.journal=none",
                "liquid5gc.discovery.enabled=false").run();
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void whenARequestArrivesBeforeThePreviousExchangeEnded_thenTheConnectionsNextRequestIsStillAnswered() throws Exception {
        String slow = "GET /answers/slow HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String fast = "GET /answers/fast HTTP/1.1\r\nHost: localhost\r\n\r\n";
        for (int round = 0; round < 5; round++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                // generous: on a busy machine an answer may take seconds; the bug is no answer at all
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write((slow + fast).getBytes(StandardCharsets.US_ASCII)); // the second waits for the first
                out.flush();
                assertThat(readAnswers(socket.getInputStream(), 2)).as("round %d: the two first answers", round).isEqualTo(2);
                out.write(fast.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(readAnswers(socket.getInputStream(), 1)).as("round %d: the next request on the connection", round)
                        .isEqualTo(1);
            }
        }
    }

    /** Reads until {@code wanted} 200 answers with the body "done" arrived; returns how many did before a timeout. */
    private static int readAnswers(InputStream in, int wanted) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int answers = 0;
        try {
            while (answers < wanted) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                got.write(c);
                String text = got.toString(StandardCharsets.US_ASCII);
                if (text.startsWith("HTTP/1.1 200") && text.endsWith("\r\n\r\ndone")) {
                    answers++;
                    got.reset();
                }
            }
        } catch (SocketTimeoutException unanswered) {
            // counted below
        }
        return answers;
    }
}
