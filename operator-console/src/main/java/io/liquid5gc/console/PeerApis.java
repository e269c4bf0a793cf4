package io.liquid5gc.console;

import io.liquid5gc.runtime.http.ProblemResponses;
import io.liquid5gc.runtime.operator.OperatorApi;
import io.liquid5gc.runtime.operator.OperatorAudit;
import io.liquid5gc.sbi.common.ProblemDetails;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Mono;

/**
 * The operator APIs of other processes of a split deployment that the console reaches: the ngap-proxy's network
 * procedures and live view ({@code /proxy/}, at {@code liquid5gc.console.live-view-url}) and the UDR's provisioning
 * ({@code /provisioning/}, at {@code liquid5gc.console.subscribers-url}), each only when this process does not serve
 * it itself. A console call {@code /console/api/<path>} under such a prefix, already authenticated by the session and
 * its CSRF token ({@link ConsoleSecurity}) and plainly written ({@link OperatorApiGateway#target}), becomes a call
 * from this process to {@code <url>/<path>} (query kept) that carries:
 * <ul>
 *   <li>the operator credentials of this process, not the browser's: {@code Authorization: Bearer} with
 *       {@code liquid5gc.console.peer-token}, or else this process's own operator token (one secret per deployment);
 *       over https with {@code liquid5gc.console.peer-ssl-bundle} also the client certificate the peer may accept as
 *       the operator. The peer checks them with its own operator filter, as for any operator client;
 *   <li>of the browser's request only the method, the body, {@code Content-Type} and {@code Accept}: no cookie, no
 *       {@code Authorization}, no forwarding header (nothing the browser writes about itself reaches the peer).
 * </ul>
 * The answer goes back with its status, {@code Content-Type} and body only. When the peer cannot be reached, does
 * not answer in {@code liquid5gc.console.peer-timeout} or refuses the credentials, the page gets a 502/504
 * problem+json that says which peer and which setting (never a 401, which would send the operator to the login).
 * Each change through a peer is an audit line here ({@code action=console.peer.<api>.<method>}, the peer writes its
 * own with the subject).
 */
final class PeerApis {

    /** A peer's operator API and where it is. */
    record Peer(OperatorApi api, URI base, String setting) {
    }

    /** The operator APIs a console may find in another process, and the setting that names where. */
    enum Kind {
        LIVE_VIEW(new OperatorApi("network-procedures", "/proxy/"), "liquid5gc.console.live-view-url"),
        SUBSCRIBERS(new OperatorApi("provisioning", "/provisioning/"), "liquid5gc.console.subscribers-url");

        final OperatorApi api;
        final String setting;

        Kind(OperatorApi api, String setting) {
            this.api = api;
            this.setting = setting;
        }
    }

    private final List<Peer> peers;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param local         the operator APIs of this process (a peer whose prefix one of them serves is not called)
     * @param authorization the {@code Authorization} value for the peers, null for none
     * @param tls           the TLS context of https peers, null for the JVM's default
     */
    PeerApis(ConsoleProperties properties, List<OperatorApi> local, String authorization, SSLContext tls) {
        List<Peer> found = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            URI base = kind == Kind.LIVE_VIEW ? properties.liveViewUrl() : properties.subscribersUrl();
            if (base != null && local.stream().noneMatch(a -> a.pathPrefix().equals(kind.api.pathPrefix()))) {
                found.add(new Peer(kind.api, base, kind.setting));
            }
        }
        this.peers = List.copyOf(found);
        this.authorization = authorization;
        this.timeout = properties.peerTimeout();
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout);
        if (tls != null) {
            b.sslContext(tls);
        }
        this.http = peers.isEmpty() ? null : b.build();
    }

    List<Peer> peers() {
        return peers;
    }

    /** The peer serving {@code path} ({@code /proxy/ues}), if one is configured. */
    Optional<Peer> of(String path) {
        return peers.stream().filter(p -> path.startsWith(p.api().pathPrefix())).findFirst();
    }

    /** Calls {@code peer} with {@code path} for the session's operator {@code who}, and answers the page with what came back. */
    Mono<Void> forward(ServerWebExchange exchange, Peer peer, String path, String who) {
        ServerHttpRequest in = exchange.getRequest();
        String query = in.getURI().getRawQuery();
        URI uri = URI.create(peer.base() + path + (query == null ? "" : "?" + query));
        HttpMethod method = in.getMethod();
        HttpRequest.Builder out = HttpRequest.newBuilder(uri).timeout(timeout);
        for (String name : List.of(HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE)) {
            String value = in.getHeaders().getFirst(name);
            if (value != null) {
                out.header(name, value);
            }
        }
        if (authorization != null) {
            out.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        out.method(method.name(), body(in, method));
        return Mono.fromFuture(() -> http.sendAsync(out.build(), HttpResponse.BodyHandlers.ofByteArray()))
                .flatMap(answer -> answer(exchange, peer, answer, who))
                .onErrorResume(e -> unreachable(exchange, peer, e, who));
    }

    private static HttpRequest.BodyPublisher body(ServerHttpRequest in, HttpMethod method) {
        long length = in.getHeaders().getContentLength();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || length == 0) {
            return HttpRequest.BodyPublishers.noBody(); // a POST from fetch() without a body says Content-Length: 0
        }
        // streamed as it comes (an import of many subscribers), copied out of Netty's buffers and released
        var chunks = JdkFlowAdapter.publisherToFlowPublisher(in.getBody().map(PeerApis::copy));
        return length > 0 ? HttpRequest.BodyPublishers.fromPublisher(chunks, length) : HttpRequest.BodyPublishers.fromPublisher(chunks);
    }

    private static ByteBuffer copy(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return ByteBuffer.wrap(bytes);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private Mono<Void> answer(ServerWebExchange exchange, Peer peer, HttpResponse<byte[]> answer, String who) {
        audit(exchange, peer, who, answer.statusCode());
        if (answer.statusCode() == 401) {
            return ProblemResponses.write(exchange, ProblemDetails.of(502, "Bad Gateway", "PEER_REFUSED_CREDENTIALS",
                    "the " + peer.api().name() + " API at " + peer.base() + " (" + peer.setting() + ") refused this console's operator "
                            + "credentials: set liquid5gc.console.peer-token to that process's liquid5gc.operator.token"), false);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setRawStatusCode(answer.statusCode());
        answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).flatMap(PeerApis::mediaType).ifPresent(response.getHeaders()::setContentType);
        response.getHeaders().setCacheControl("no-store");
        byte[] body = answer.body();
        if (body == null || body.length == 0) {
            return response.setComplete();
        }
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private static Optional<MediaType> mediaType(String value) {
        try {
            return Optional.of(MediaType.parseMediaType(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Mono<Void> unreachable(ServerWebExchange exchange, Peer peer, Throwable error, String who) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        boolean timedOut = e instanceof HttpTimeoutException;
        int status = timedOut ? 504 : 502;
        audit(exchange, peer, who, status);
        String why = timedOut ? "did not answer within " + timeout.toMillis() + " ms (liquid5gc.console.peer-timeout)"
                : e instanceof ConnectException ? "is unreachable (connection refused or no route)"
                : e instanceof IOException ? "is unreachable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                : "could not be called: " + e.getClass().getSimpleName();
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(e);
        }
        return ProblemResponses.write(exchange, ProblemDetails.of(status, HttpStatus.valueOf(status).getReasonPhrase(),
                timedOut ? "PEER_TIMEOUT" : "PEER_UNREACHABLE",
                "the " + peer.api().name() + " API at " + peer.base() + " (" + peer.setting() + ") " + why), false);
    }

    private static void audit(ServerWebExchange exchange, Peer peer, String who, int status) {
        HttpMethod m = exchange.getRequest().getMethod();
        if (!HttpMethod.GET.equals(m) && !HttpMethod.HEAD.equals(m)) {
            OperatorAudit.record(exchange, who, "console.peer." + peer.api().name() + "." + m.name().toLowerCase(Locale.ROOT),
                    peer.base().getHost() + ":" + peer.base().getPort(), status);
        }
    }
}
