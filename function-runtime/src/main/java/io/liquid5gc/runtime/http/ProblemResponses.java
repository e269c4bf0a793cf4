package io.liquid5gc.runtime.http;

import io.liquid5gc.sbi.common.ProblemDetails;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a TS 29.571 ProblemDetails as {@code application/problem+json} straight to an exchange, for answers given
 * before any handler runs (authentication, body limits, unmatched routes). {@code instance} is the request path.
 */
public final class ProblemResponses {

    private static final MediaType PROBLEM = MediaType.parseMediaType(ProblemDetails.MEDIA_TYPE);
    private static final ObjectMapper JSON = new JsonMapper();
    /** The {@code Retry-After} of every 503 (RFC 9110 10.2.3): overload and store outages are both short-lived. */
    public static final String RETRY_AFTER_SECONDS = "1";

    private ProblemResponses() {
    }

    /**
     * Answers with the problem. With {@code closeConnection}, {@code Connection: close} tells the client and Netty to
     * end the connection after the answer, so a body the handler never read is not drained.
     */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetails problem, boolean closeConnection) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        ProblemDetails p = problem.instance() != null ? problem : new ProblemDetails(problem.type(), problem.title(), problem.status(),
                problem.detail(), instanceOf(exchange.getRequest().getPath().value()), problem.cause(), problem.invalidParams());
        response.setStatusCode(HttpStatus.valueOf(p.status()));
        response.getHeaders().setContentType(PROBLEM);
        if (closeConnection) {
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
        if (p.status() == 503) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        byte[] body = JSON.writeValueAsBytes(p);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /**
     * The request path as a problem's {@code instance}, unless it is one no answer should echo: longer than 256
     * characters, or carrying encoded control characters (a NUL byte) or raw ones; then a placeholder.
     */
    public static String instanceOf(String path) {
        if (path == null || path.length() > 256 || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || path.matches("(?s).*%[01][0-9a-fA-F].*|.*%7[fF].*")) {
            return "(request path not shown)";
        }
        return path;
    }

    /** The reason phrase of a status ("Content Too Large"), "Error" for unknown codes. */
    public static String title(int status) {
        HttpStatus s = HttpStatus.resolve(status);
        return s == null ? "Error" : s.getReasonPhrase();
    }
}
