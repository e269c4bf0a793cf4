package io.liquid5gc.runtime.http;

import io.liquid5gc.runtime.operator.OperatorApi;
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
}
