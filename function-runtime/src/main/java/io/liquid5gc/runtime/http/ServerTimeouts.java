package io.liquid5gc.runtime.http;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpServer;

/**
 * Reactor Netty's own timeouts on the server of every NF process: idle connections (keep-alive or never used) are
 * closed after {@code idle-timeout}; a request that stalls between reads for {@code read-timeout}, or takes longer
 * than {@code request-timeout} as a whole, is answered 408 and its connection closed (a half-sent request is not held).
 */
final class ServerTimeouts implements NettyServerCustomizer {

    private final HttpServerProperties properties;

    ServerTimeouts(HttpServerProperties properties) {
        this.properties = properties;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.idleTimeout(properties.idleTimeout())
                .readTimeout(properties.readTimeout())
                .requestTimeout(properties.requestTimeout());
    }
}
