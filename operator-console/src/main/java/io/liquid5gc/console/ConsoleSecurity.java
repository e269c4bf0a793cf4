package io.liquid5gc.console;

import io.liquid5gc.runtime.http.ProblemResponses;
import io.liquid5gc.runtime.operator.OperatorAccess;
import io.liquid5gc.runtime.operator.OperatorAudit;
import io.liquid5gc.sbi.common.ProblemDetails;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The console's security: one Spring Security WebFlux filter chain that sees {@code /console} and {@code /console/**}
 * only (every other path passes by untouched, so the operator REST APIs with their bearer token, the functions and
 * actuator are as they were), ordered before function-runtime's operator filter:
 * <ul>
 *   <li>login ({@code POST /console/login}, {@link OperatorLogin}) puts the operator into a new WebSession (the id is
 *       changed at login); the session cookie is HttpOnly, SameSite=Strict, Secure over TLS, path {@code /console/};
 *       a session ends after {@code idle-timeout} unused or {@code max-lifetime} after its login, or at logout
 *       ({@code POST /console/logout});
 *   <li>every other console page and call needs that session: pages redirect to the login page, calls under
 *       {@code /console/api/} get 401 problem+json;
 *   <li>every state-changing call (POST, PUT, PATCH, DELETE, logout included) needs the session's CSRF token in the
 *       {@code X-CSRF-TOKEN} header (Spring Security's {@link CsrfWebFilter}, token kept in the session), else 403.
 *       The login itself is exempt: there is no session before it, and a forged login would need the operator token;
 *   <li>headers: no caching, no framing, a Content Security Policy allowing only the console's own scripts and styles
 *       (no inline script), no referrer;
 *   <li>{@link OperatorApiGateway} hands authenticated calls under {@code /console/api/} on to the operator APIs.
 * </ul>
 * Logins (accepted and refused) and logouts are audit lines.
 */
final class ConsoleSecurity implements WebFilter, Ordered {

    /** Before function-runtime's operator filter (HIGHEST + 10), which then sees the gateway's rewritten path. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;
    static final String LOGIN = "/console/login";
    static final String LOGOUT = "/console/logout";
    static final String API = "/console/api/";
    /** Session attribute: when the operator logged in (for {@link ConsoleProperties#maxLifetime()}). */
    static final String LOGGED_IN_AT = ConsoleSecurity.class.getName() + ".loggedInAt";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final WebFilterChainProxy proxy;

    ConsoleSecurity(OperatorAccess access, ConsoleProperties properties, Clock clock, OperatorApiGateway gateway) {
        this.proxy = new WebFilterChainProxy(chain(access, properties, clock, gateway));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.equals("/console") && !path.startsWith("/console/")) {
            return chain.filter(exchange); // not even the firewall of Spring Security's proxy: other paths stay as they were
        }
        return proxy.filter(exchange, chain);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static SecurityWebFilterChain chain(OperatorAccess access, ConsoleProperties properties, Clock clock, OperatorApiGateway gateway) {
        WebSessionServerSecurityContextRepository contexts = new WebSessionServerSecurityContextRepository();
        OperatorLogin login = new OperatorLogin(access);
        AuthenticationWebFilter loginFilter = new AuthenticationWebFilter(login);
        loginFilter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, LOGIN));
        loginFilter.setServerAuthenticationConverter(login);
        loginFilter.setSecurityContextRepository(contexts);
        loginFilter.setAuthenticationSuccessHandler((filterExchange, authentication) -> {
            ServerWebExchange exchange = filterExchange.getExchange();
            return exchange.getSession().flatMap(session -> {
                session.setMaxIdleTime(properties.idleTimeout());
                session.getAttributes().put(LOGGED_IN_AT, clock.instant());
                OperatorAudit.record(exchange, "console:" + authentication.getName(), "console.login", null, 303);
                return redirect(exchange, "/console/");
            });
        });
        loginFilter.setAuthenticationFailureHandler((filterExchange, e) -> {
            ServerWebExchange exchange = filterExchange.getExchange();
            OperatorAudit.record(exchange, "unauthenticated", "console.login", null, 401);
            return redirect(exchange, LOGIN + "?error");
        });

        ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers(API + "**");
        ServerAuthenticationEntryPoint toLogin = (exchange, e) -> redirect(exchange, LOGIN);
        ServerAuthenticationEntryPoint apiUnauthorized = (exchange, e) -> ProblemResponses.write(exchange,
                ProblemDetails.of(401, "Unauthorized", "UNAUTHORIZED", "the console needs a session: log in at " + LOGIN), false);
        DelegatingServerAuthenticationEntryPoint entry = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(api, apiUnauthorized));
        entry.setDefaultEntryPoint(toLogin);
        ServerAccessDeniedHandler csrfDenied = (exchange, e) -> ProblemResponses.write(exchange, ProblemDetails.of(403, "Forbidden",
                "CSRF_TOKEN_INVALID", "a change needs the session's CSRF token in the X-CSRF-TOKEN header (GET " + API + "session)"), false);
        ServerAccessDeniedHandler denied = (exchange, e) -> ProblemResponses.write(exchange,
                ProblemDetails.of(403, "Forbidden", "FORBIDDEN", "not allowed"), false);

        ServerWebExchangeMatcher csrfNeeded = new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, LOGIN)));

        ServerHttpSecurity http = ServerHttpSecurity.http();
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/console", "/console/**"))
                .securityContextRepository(contexts)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance())) // no session for anonymous visitors
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .csrf(c -> c.csrfTokenRepository(new WebSessionServerCsrfTokenRepository())
                        .requireCsrfProtectionMatcher(csrfNeeded)
                        .accessDeniedHandler(csrfDenied))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(a -> a
                        .pathMatchers(HttpMethod.GET, LOGIN, "/console/assets/console.css", "/console/assets/login.js").permitAll()
                        .pathMatchers(HttpMethod.POST, LOGIN).permitAll()
                        .anyExchange().hasAuthority(OperatorLogin.ROLE))
                .exceptionHandling(e -> e.authenticationEntryPoint(entry).accessDeniedHandler(denied))
                .logout(l -> l.logoutUrl(LOGOUT)
                        .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(), new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler((filterExchange, authentication) -> {
                            ServerWebExchange exchange = filterExchange.getExchange();
                            OperatorAudit.record(exchange, authentication == null ? "unknown" : "console:" + authentication.getName(),
                                    "console.logout", null, 303);
                            return redirect(exchange, LOGIN + "?logout");
                        }))
                .addFilterAt(loginFilter, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterBefore(new SessionLifetime(properties, clock), SecurityWebFiltersOrder.REACTOR_CONTEXT)
                .addFilterAt(gateway, SecurityWebFiltersOrder.LAST)
                .build();
    }

    private static Mono<Void> redirect(ServerWebExchange exchange, String location) {
        DefaultServerRedirectStrategy strategy = new DefaultServerRedirectStrategy();
        strategy.setHttpStatus(HttpStatus.SEE_OTHER);
        return strategy.sendRedirect(exchange, URI.create(location));
    }

    /**
     * The bounded lifetime: a session older than {@code max-lifetime} since its login loses its operator (the request
     * goes on unauthenticated, to the login page or a 401); the idle timeout is the session's own.
     */
    static final class SessionLifetime implements WebFilter {
        private final ConsoleProperties properties;
        private final Clock clock;

        SessionLifetime(ConsoleProperties properties, Clock clock) {
            this.properties = properties;
            this.clock = clock;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return exchange.getSession().flatMap(session -> {
                if (session.getAttribute(LOGGED_IN_AT) instanceof Instant at && clock.instant().isAfter(at.plus(properties.maxLifetime()))) {
                    session.getAttributes().remove(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME);
                    session.getAttributes().remove(LOGGED_IN_AT);
                }
                return chain.filter(exchange);
            });
        }
    }

    /** The operator of an authenticated console request, as the audit lines name it. */
    static String who(Authentication authentication) {
        return "console:" + authentication.getName();
    }
}
