package io.liquid5gc.runtime.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client closes a pooled connection it has left idle before a server would: a real keep-alive HTTP/1.1 server
 * on a loopback socket counts the connections it accepts. Reused while busy, replaced after an idle time longer than
 * twice the client's maximum (its evictor's period), so that no server's idle close can race a reuse.
 */
class HttpFunctionTransportIdleTest {

    private ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();

    @BeforeEach
    void startKeepAliveServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.incrementAndGet();
                    Thread.ofVirtual().start(() -> answerEveryRequest(s));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    /** Answers each request on the connection with 200 and a small JSON body, keeping the connection open. */
    private static void answerEveryRequest(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (true) {
                int contentLength = 0;
                StringBuilder line = new StringBuilder();
                int c;
                while (true) { // the head, line by line, up to the empty line
                    c = in.read();
                    if (c < 0) {
                        return;
                    }
                    if (c == '\n') {
                        String l = line.toString().trim();
                        if (l.isEmpty()) {
                            break;
                        }
                        if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                            contentLength = Integer.parseInt(l.substring(15).trim());
                        }
                        line.setLength(0);
                    } else {
                        line.append((char) c);
                    }
                }
                in.readNBytes(contentLength);
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException gone) {
            // the client closed the connection
        }
    }

    private int status(HttpFunctionTransport t) throws InterruptedException {
        HttpFunctionTransport.Outcome o = t.post(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/f"), "{}".getBytes(),
                Duration.ofSeconds(30), null);
        assertThat(o).isInstanceOf(HttpFunctionTransport.Outcome.Answered.class);
        return ((HttpFunctionTransport.Outcome.Answered) o).status();
    }

    @Test
    void whenCallsFollowEachOther_thenOneConnectionIsReused() throws Exception {
        try (HttpFunctionTransport t = new HttpFunctionTransport(Duration.ofSeconds(10), null, Duration.ofMillis(500))) {
            for (int i = 0; i < 5; i++) {
                assertThat(status(t)).isEqualTo(200);
            }
        }
        assertThat(accepted.get()).isEqualTo(1);
    }

    @Test
    void whenAConnectionWasIdleLongerThanTwiceTheMaximum_thenTheClientHasClosedItAndOpensANewOne() throws Exception {
        try (HttpFunctionTransport t = new HttpFunctionTransport(Duration.ofSeconds(10), null, Duration.ofMillis(500))) {
            assertThat(status(t)).isEqualTo(200);
            Thread.sleep(3_000); // > 2 x 500 ms (the evictor runs every 500 ms), with room for a busy machine
            assertThat(status(t)).isEqualTo(200);
        }
        assertThat(accepted.get()).as("a new connection after the idle time").isEqualTo(2);
    }

    @Test
    void whenNothingIsSet_thenTheMaximumIdleIsBelowTheShortestServerIdleTimeoutHere() {
        // twice the maximum (the evictor's period) below the function runner's 30 s and the NF servers' 60 s
        assertThat(HttpFunctionTransport.MAX_IDLE.multipliedBy(2)).isLessThan(Duration.ofSeconds(30));
    }
}
