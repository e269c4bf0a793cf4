package io.liquid5gc.runtime.http;

import io.liquid5gc.runtime.operator.OperatorApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A real WebFlux server on Netty with the runtime's hardening: an operator API at {@code /ops/} whose handler counts the
 * body bytes it read, and a raw-socket client that can send part of a request and wait for the answer.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class HardenedServer {

    static final AtomicLong BODY_BYTES_READ = new AtomicLong();
    static final AtomicLong HANDLER_CALLS = new AtomicLong();

    @Bean
    OperatorApi opsApi() {
        return new OperatorApi("ops", "/ops/");
    }

    @Bean
    RouterFunction<ServerResponse> opsRoutes() {
        return RouterFunctions.route()
                .POST("/ops/change", req -> {
                    HANDLER_CALLS.incrementAndGet();
                    return req.body(BodyExtractors.toDataBuffers())
                            .map(b -> {
                                BODY_BYTES_READ.addAndGet(b.readableByteCount());
                                DataBufferUtils.release(b);
                                return 1;
                            })
                            .count()
                            .flatMap(n -> ServerResponse.ok().bodyValue("{\"read\":" + BODY_BYTES_READ.get() + "}"))
                            .onErrorResume(DataBufferLimitException.class, e -> ServerResponse.status(413).bodyValue("{}"));
                })
                .GET("/ops/view", req -> ServerResponse.ok().bodyValue("{}"))
                .build();
    }

    /** An HTTP/1.1 exchange over a plain socket, so a test controls exactly what is sent and when. */
    static final class RawHttp implements AutoCloseable {
        private final Socket socket;

        RawHttp(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(60_000);
        }

        void send(String text) throws IOException {
            send(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        void send(byte[] bytes) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        }

        /** Everything the server sends until it closes the connection or goes quiet for a while after answering. */
        String readAnswer() throws IOException {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    got.write(buf, 0, n);
                    if (got.toString(StandardCharsets.ISO_8859_1).contains("}")) {
                        socket.setSoTimeout(2_000); // the JSON body is complete: wait briefly for more, or the close
                    }
                }
            } catch (SocketTimeoutException quiet) {
                if (got.size() == 0) {
                    throw quiet;
                }
            } catch (java.net.SocketException reset) {
                // the server closed while we were still sending: what was read is the answer
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }

        /** True when the server closed the connection (read returns -1 or reset) within the socket timeout. */
        boolean closedByServer() throws IOException {
            try {
                return socket.getInputStream().read() < 0;
            } catch (java.net.SocketException reset) {
                return true;
            }
        }

        void timeout(int millis) throws IOException {
            socket.setSoTimeout(millis);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
