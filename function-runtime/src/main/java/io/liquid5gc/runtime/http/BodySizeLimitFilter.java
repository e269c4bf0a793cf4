package io.liquid5gc.runtime.http;

import io.liquid5gc.sbi.common.ProblemDetails;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over their limit before anything buffers them: a declared {@code Content-Length} above the
 * limit is answered 413 problem+json at once (connection closed, the body never read); a chunked body is counted as
 * it streams in and fails with {@link DataBufferLimitException} (which the handlers answer 413) as soon as it passes.
 * Runs after the operator authentication filter: an unauthenticated upload gets its 401 first.
 */
final class BodySizeLimitFilter implements WebFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private final long defaultLimit;
    private final List<RequestBodyLimit> limits;

    BodySizeLimitFilter(long defaultLimit, List<RequestBodyLimit> limits) {
        this.defaultLimit = defaultLimit;
        this.limits = limits.stream().sorted(Comparator.comparingInt((RequestBodyLimit l) -> l.pathPrefix().length()).reversed()).toList();
    }

    long limitFor(String path) {
        return limits.stream().filter(l -> path.startsWith(l.pathPrefix())).findFirst().map(RequestBodyLimit::maxBytes).orElse(defaultLimit);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = limitFor(exchange.getRequest().getPath().value());
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return ProblemResponses.write(exchange, tooLarge(declared, limit), true);
        }
        return chain.filter(exchange.mutate().request(new Counted(exchange.getRequest(), limit)).build());
    }

    static ProblemDetails tooLarge(long size, long limit) {
        return ProblemDetails.of(413, "Content Too Large", "INVALID_MSG_FORMAT",
                "the request body" + (size > 0 ? " of " + size + " bytes" : "") + " is over the limit of " + limit + " bytes");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** The request with a body that fails once more than {@code limit} bytes came in. */
    private static final class Counted extends ServerHttpRequestDecorator {
        private final long limit;

        Counted(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(new DataBufferLimitException("the request body is over the limit of " + limit + " bytes"));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
