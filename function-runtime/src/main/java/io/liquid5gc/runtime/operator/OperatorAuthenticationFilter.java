package io.liquid5gc.runtime.operator;

import io.liquid5gc.runtime.http.ProblemResponses;
import io.liquid5gc.sbi.common.ProblemDetails;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards the operator APIs: a request under an {@link OperatorApi}'s path needs {@code Authorization: Bearer <token>}
 * or an accepted, TLS-verified client certificate, checked on the headers alone, before any handler (or anything
 * else) reads the body. Refused requests get 401 problem+json with {@code WWW-Authenticate: Bearer} and
 * {@code Connection: close}, so an upload is not read on; each refusal of a change is audited. The caller's identity
 * goes into the exchange attribute {@link #OPERATOR} for {@link OperatorAudit}. An operator another filter of this process
 * authenticated (the console's session) is let through as that filter vouched ({@link OperatorAccess#vouch}).
 */
final class OperatorAuthenticationFilter implements WebFilter, Ordered {

    /** Exchange attribute: who the operator is ({@code token}, {@code cert:CN=...}, {@code anonymous}). */
    static final String OPERATOR = OperatorAuthenticationFilter.class.getName() + ".operator";
    /** Exchange attribute: an operator authenticated by another filter of this process ({@link OperatorAccess#vouch}). */
    static final String VOUCHED = OperatorAuthenticationFilter.class.getName() + ".vouched";
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final OperatorAccess access;
    private final List<OperatorApi> apis;

    OperatorAuthenticationFilter(OperatorAccess access, List<OperatorApi> apis) {
        this.access = access;
        this.apis = List.copyOf(apis);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        OperatorApi api = apis.stream().filter(a -> path.startsWith(a.pathPrefix())).findFirst().orElse(null);
        if (api == null) {
            return chain.filter(exchange);
        }
        String who = identify(exchange);
        if (who == null) {
            if (!access.required()) {
                exchange.getAttributes().put(OPERATOR, "anonymous");
                return chain.filter(exchange);
            }
            boolean offered = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null;
            OperatorAudit.refused(exchange, api.name());
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"liquid5gc-operator\"" + (offered ? ", error=\"invalid_token\"" : ""));
            return ProblemResponses.write(exchange, ProblemDetails.of(401, "Unauthorized", "UNAUTHORIZED",
                    api.name() + " needs the operator's credentials: Authorization: Bearer <token> (liquid5gc.operator.token)"
                            + (offered ? "; the token given is not valid" : "")), true);
        }
        exchange.getAttributes().put(OPERATOR, who);
        return chain.filter(exchange);
    }

    /** The operator's identity from a valid bearer token or an accepted client certificate; null when neither. */
    private String identify(ServerWebExchange exchange) {
        if (exchange.getAttribute(VOUCHED) instanceof String vouched) {
            return vouched;
        }
        if (access.acceptsBearer(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))) {
            return "token";
        }
        return access.certificateOperator(exchange.getRequest().getSslInfo());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
