package io.liquid5gc.console;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The console's pages and its own calls. The pages are static HTML with their scripts and one stylesheet, from this
 * jar ({@code liquid5gc-console/}); the scripts fill them from the API:
 * <pre>
 * GET /console/login              the login form (public, like its stylesheet and script)
 * GET /console/subscribers        subscribers: search, pages, add, import, edit slices, delete
 * GET /console/live               gNBs, UEs, recent procedures, placement; de-register, re-authenticate
 * GET /console/api/session        who is logged in, the CSRF token and header, the operator APIs reachable: this
 *                                 process's, and those of the peers of a split deployment ("remote": their URL)
 * GET /console/api/placement      where each NF's functions run ({@link PlacementView})
 * </pre>
 * Everything but the login is behind the session ({@link ConsoleSecurity}).
 */
final class ConsolePages {

    private static final String ROOT = "liquid5gc-console/";

    private final OperatorApiGateway gateway;
    private final PlacementView placement;

    ConsolePages(OperatorApiGateway gateway, PlacementView placement) {
        this.gateway = gateway;
        this.placement = placement;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/console", r -> seeOther("/console/"))
                .GET("/console/", r -> seeOther("/console/subscribers"))
                .GET(ConsoleSecurity.LOGIN, r -> page("login.html"))
                .GET("/console/subscribers", r -> page("subscribers.html"))
                .GET("/console/live", r -> page("live.html"))
                .GET(ConsoleSecurity.API + "session", this::session)
                .GET(ConsoleSecurity.API + "placement", r -> json(placement.view()))
                .add(RouterFunctions.resources("/console/assets/**", new ClassPathResource(ROOT + "assets/")))
                .build();
    }

    private static Mono<ServerResponse> page(String name) {
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore())
                .bodyValue(new ClassPathResource(ROOT + name));
    }

    private static Mono<ServerResponse> seeOther(String location) {
        return ServerResponse.seeOther(java.net.URI.create(location)).build();
    }

    private static Mono<ServerResponse> json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore()).bodyValue(body);
    }

    /** The session's operator, its CSRF token (masked anew per answer) and which operator APIs the console reaches. */
    private Mono<ServerResponse> session(ServerRequest request) {
        Mono<CsrfToken> csrf = request.exchange().getAttribute(CsrfToken.class.getName());
        return request.principal().flatMap(principal -> (csrf == null ? Mono.<CsrfToken>empty() : csrf)
                .flatMap(token -> request.session().map(session -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("operator", principal.getName());
                    out.put("csrfHeader", token.getHeaderName());
                    out.put("csrfToken", token.getToken());
                    if (session.getAttribute(ConsoleSecurity.LOGGED_IN_AT) instanceof Instant at) {
                        out.put("loggedInAt", at.toString());
                    }
                    out.put("idleTimeoutSeconds", session.getMaxIdleTime().toSeconds());
                    java.util.List<Map<String, String>> apis = new java.util.ArrayList<>();
                    gateway.apis().forEach(a -> apis.add(Map.of("name", a.name(), "path", ConsoleSecurity.API + a.pathPrefix().substring(1))));
                    gateway.peers().forEach(p -> apis.add(Map.of("name", p.api().name(), "path", ConsoleSecurity.API + p.api().pathPrefix().substring(1),
                            "remote", p.base().toString(), "setting", p.setting())));
                    out.put("apis", apis);
                    return out;
                })))
                .flatMap(ConsolePages::json);
    }
}
