package io.liquid5gc.runtime.http;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of every NF process's HTTP server ({@code liquid5gc.http-server.*}); idle and half-sent connections are never
 * held forever, and no request body is buffered beyond its limit.
 *
 * @param idleTimeout    a connection with no request in progress is closed after this (keep-alive and fresh connections)
 * @param readTimeout    a request whose next bytes do not arrive within this is answered 408 and its connection closed
 * @param requestTimeout the whole request (headers and body) must arrive within this
 * @param maxBodySize    request bodies above this are refused with 413 before they are read (by {@code Content-Length})
 *                       or as soon as they pass it (chunked); paths may have their own ({@link RequestBodyLimit} beans)
 */
@ConfigurationProperties("liquid5gc.http-server")
public record HttpServerProperties(@DefaultValue("60s") Duration idleTimeout, @DefaultValue("20s") Duration readTimeout,
                                   @DefaultValue("120s") Duration requestTimeout, @DefaultValue("1MB") DataSize maxBodySize) {

    /** The declared defaults: what binding no {@code liquid5gc.http-server.*} property gives. */
    public static HttpServerProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.http-server", HttpServerProperties.class);
    }

    public HttpServerProperties {
        positive(idleTimeout, "idle-timeout");
        positive(readTimeout, "read-timeout");
        positive(requestTimeout, "request-timeout");
        Objects.requireNonNull(maxBodySize, "liquid5gc.http-server.max-body-size");
        if (maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("liquid5gc.http-server.max-body-size must be positive");
        }
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, "liquid5gc.http-server." + name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("liquid5gc.http-server." + name + " must be positive");
        }
    }
}
