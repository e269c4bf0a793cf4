package io.liquid5gc.runtime.http;

import io.liquid5gc.sbi.common.ProblemDetails;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error no handler answered itself becomes {@code application/problem+json} (TS 29.571 ProblemDetails, RFC 9457)
 * with {@code status}, {@code cause}, {@code instance} and a {@code detail} that never names a Java class: 404 for an
 * unknown path, 405 (with the allowed methods), 406, 415, 413, 400 for unreadable input, 500 otherwise (the exception
 * is logged, not sent; 503 STORE_UNAVAILABLE with Retry-After when a store does not answer). Ordered before Spring
 * Boot's JSON error handler.
 */
final class ProblemJsonExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonExceptionHandler.class);
    /** {@code org.example.SomeException} or {@code java.lang.IllegalStateException: ...} in a message. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*\\b:?\\s*");

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable e) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(e);
        }
        ProblemDetails p = problemOf(e);
        if (p.status() >= 500 && !io.liquid5gc.runtime.store.StoreUnavailableException.CAUSE.equals(p.cause())) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), e);
        }
        return ProblemResponses.write(exchange, p, p.status() == 413 || p.status() == 408);
    }

    static ProblemDetails problemOf(Throwable e) {
        return switch (e) {
            case MethodNotAllowedException m -> ProblemDetails.of(405, "Method Not Allowed", "METHOD_NOT_ALLOWED",
                    m.getHttpMethod() + " is not allowed here; allowed: "
                            + m.getSupportedMethods().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
            case NotAcceptableStatusException n -> ProblemDetails.of(406, "Not Acceptable", "NOT_ACCEPTABLE",
                    "no acceptable representation; this resource answers " + n.getSupportedMediaTypes());
            case UnsupportedMediaTypeStatusException u -> ProblemDetails.of(415, "Unsupported Media Type", "UNSUPPORTED_MEDIA_TYPE",
                    "content type " + (u.getContentType() == null ? "(none)" : u.getContentType()) + " is not supported"
                            + (u.getSupportedMediaTypes().isEmpty() ? "" : "; use " + u.getSupportedMediaTypes()));
            case io.netty.handler.timeout.TimeoutException t -> ProblemDetails.of(408, "Request Timeout", "REQUEST_TIMEOUT",
                    "the request did not arrive in time (liquid5gc.http-server.read-timeout / request-timeout)");
            case DataBufferLimitException d -> BodySizeLimitFilter.tooLarge(-1, limitOf(d));
            case ResponseStatusException r -> ProblemDetails.of(r.getStatusCode().value(), ProblemResponses.title(r.getStatusCode().value()),
                    causeOf(r.getStatusCode().value()), detailOf(r));
            default -> io.liquid5gc.runtime.store.StoreUnavailableException.in(e) != null
                    ? io.liquid5gc.runtime.store.StoreUnavailableException.problem("this request")
                    : ProblemDetails.of(500, "Internal Server Error", "SYSTEM_FAILURE", "internal error (logged)");
        };
    }

    private static long limitOf(DataBufferLimitException d) {
        var m = Pattern.compile("(\\d+) bytes").matcher(String.valueOf(d.getMessage()));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String detailOf(ResponseStatusException r) {
        int status = r.getStatusCode().value();
        if (status == 404) {
            return "no resource at this path";
        }
        String reason = r.getReason() == null ? ProblemResponses.title(status) : scrub(r.getReason());
        return reason.isBlank() ? ProblemResponses.title(status) : reason;
    }

    /** A message without Java class names. */
    static String scrub(String message) {
        return CLASS_NAME.matcher(message).replaceAll("").strip();
    }

    private static String causeOf(int status) {
        return switch (status) {
            case 400 -> "INVALID_MSG_FORMAT";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "RESOURCE_URI_STRUCTURE_NOT_FOUND";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> "INVALID_MSG_FORMAT";
            case 429 -> "NF_CONGESTION";
            case 503 -> "NF_SERVICE_FAILOVER";
            default -> status >= 500 ? "SYSTEM_FAILURE" : "INVALID_MSG_FORMAT";
        };
    }

    @Override
    public int getOrder() {
        return -2; // before Spring Boot's ErrorWebExceptionHandler (-1)
    }
}
