package io.liquid5gc.console;

import io.liquid5gc.runtime.http.ProblemResponses;
import io.liquid5gc.runtime.operator.OperatorAccess;
import io.liquid5gc.runtime.operator.OperatorApi;
import io.liquid5gc.sbi.common.ProblemDetails;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The console's way to the operator APIs of this process: an authenticated call to {@code /console/api/<path>} whose
 * {@code /<path>} is under a declared {@link OperatorApi} prefix ({@code /provisioning/}, {@code /proxy/}) goes on as a
 * call to {@code /<path>} (query kept), vouched for as the session's operator ({@link OperatorAccess#vouch}), so it
 * meets the same operator filter, body limits, handlers, validation, problems and audit lines as the REST API. The
 * console's own calls ({@code session}, {@code placement}) pass on unchanged; any other path is 404 (the console
 * reaches nothing but operator APIs, never a function). A path under an operator API of another process of a split
 * deployment ({@link PeerApis}: the ngap-proxy's {@code /proxy/}, the UDR's {@code /provisioning/}) goes to that
 * process instead, with this process's operator credentials. Runs last in the console's security chain: the session
 * and the CSRF token are checked before.
 */
final class OperatorApiGateway implements WebFilter {

    /** The console's own calls, answered by {@link ConsolePages}. */
    static final List<String> OWN = List.of(ConsoleSecurity.API + "session", ConsoleSecurity.API + "placement");

    private final OperatorAccess access;
    private final List<OperatorApi> apis;
    private final PeerApis peers;

    OperatorApiGateway(OperatorAccess access, List<OperatorApi> apis, PeerApis peers) {
        this.access = access;
        this.apis = List.copyOf(apis);
        this.peers = peers;
    }

    /** The operator APIs of this process reachable through the console. */
    List<OperatorApi> apis() {
        return apis;
    }

    /** The operator APIs of other processes reachable through the console. */
    List<PeerApis.Peer> peers() {
        return peers.peers();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith(ConsoleSecurity.API) || OWN.contains(path)) {
            return chain.filter(exchange);
        }
        Optional<String> target = target(path);
        Optional<PeerApis.Peer> peer = target.isPresent() ? Optional.empty() : plain(path).flatMap(peers::of);
        if (target.isEmpty() && peer.isEmpty()) {
            List<String> reachable = new java.util.ArrayList<>(apis.stream().map(a -> ConsoleSecurity.API + a.pathPrefix().substring(1)).toList());
            peers.peers().forEach(p -> reachable.add(ConsoleSecurity.API + p.api().pathPrefix().substring(1) + " (at " + p.base() + ")"));
            return ProblemResponses.write(exchange, ProblemDetails.of(404, "Not Found", "RESOURCE_URI_STRUCTURE_NOT_FOUND",
                    "the console reaches only these operator APIs: " + reachable), false);
        }
        // the session's authentication decided first: chain.filter completes empty, so a switchIfEmpty after it would
        // run (and try to answer 401) after every forwarded call
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(authentication -> {
                    if (authentication.isEmpty()) {
                        return ProblemResponses.write(exchange,
                                ProblemDetails.of(401, "Unauthorized", "UNAUTHORIZED", "the console needs a session"), false);
                    }
                    if (peer.isPresent()) {
                        return peers.forward(exchange, peer.get(), plain(path).orElseThrow(), ConsoleSecurity.who(authentication.get()));
                    }
                    ServerWebExchange forwarded = exchange.mutate().request(r -> r.path(target.get())).build();
                    access.vouch(forwarded, ConsoleSecurity.who(authentication.get()));
                    return chain.filter(forwarded);
                });
    }

    /** {@code /<path>} when it is under an operator API and plainly written (no dot segments, no encoded separators). */
    Optional<String> target(String consolePath) {
        return plain(consolePath).filter(rest -> apis.stream().anyMatch(a -> rest.startsWith(a.pathPrefix())));
    }

    /** {@code /<path>} of {@code /console/api/<path>} when plainly written (no dot segments, no encoded separators). */
    static Optional<String> plain(String consolePath) {
        String rest = "/" + consolePath.substring(ConsoleSecurity.API.length());
        String lower = rest.toLowerCase(Locale.ROOT);
        if (rest.contains("//") || rest.contains("/./") || rest.contains("/../") || rest.endsWith("/..") || rest.contains("\\")
                || lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")) {
            return Optional.empty();
        }
        return Optional.of(rest);
    }
}
