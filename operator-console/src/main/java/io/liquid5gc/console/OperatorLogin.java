package io.liquid5gc.console;

import io.liquid5gc.runtime.operator.OperatorAccess;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The console's login: {@code POST /console/login} with the form field {@code token} (the operator token of
 * {@code liquid5gc.operator.token}), or with no token over TLS with an accepted client certificate, checked by the same
 * {@link OperatorAccess} as the operator REST APIs. With operator authentication off ({@code liquid5gc.operator.auth},
 * loopback only) the login takes no token and the operator is {@code anonymous}, as on the REST APIs. The token is
 * not kept: the authenticated principal holds the operator's identity only ({@code token}, {@code cert:<subject>}).
 */
final class OperatorLogin implements ServerAuthenticationConverter, ReactiveAuthenticationManager {

    static final String ROLE = "ROLE_OPERATOR";
    /** A login form field longer than this is no token (the form reader's own limit is larger). */
    private static final int MAX_TOKEN = 512;

    private final OperatorAccess access;

    OperatorLogin(OperatorAccess access) {
        this.access = access;
    }

    /** What the login request offers: the form's token, and the operator a verified client certificate names. */
    static final class Offered extends AbstractAuthenticationToken {
        private final transient String token;
        private final String certificateOperator;

        Offered(String token, String certificateOperator) {
            super(List.of());
            this.token = token;
            this.certificateOperator = certificateOperator;
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return certificateOperator;
        }

        @Override
        public String toString() {
            return "Offered[token=" + (token == null ? "none" : "***") + ", certificate=" + certificateOperator + "]";
        }
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String certificate = access.certificateOperator(exchange.getRequest().getSslInfo());
        return exchange.getFormData()
                .map(form -> {
                    String token = form.getFirst("token");
                    token = token == null ? null : token.strip();
                    return (Authentication) new Offered(token == null || token.isEmpty() || token.length() > MAX_TOKEN ? null : token, certificate);
                })
                .defaultIfEmpty(new Offered(null, certificate));
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof Offered offered)) {
            return Mono.empty();
        }
        String who;
        if (offered.token != null) {
            who = access.acceptsToken(offered.token) ? "token" : null;
        } else if (offered.certificateOperator != null) {
            who = offered.certificateOperator;
        } else {
            who = access.required() ? null : "anonymous";
        }
        if (who == null) {
            return Mono.error(new BadCredentialsException(offered.token == null ? "no operator token given" : "not the operator token"));
        }
        return Mono.just(UsernamePasswordAuthenticationToken.authenticated(who, null, AuthorityUtils.createAuthorityList(ROLE)));
    }
}
