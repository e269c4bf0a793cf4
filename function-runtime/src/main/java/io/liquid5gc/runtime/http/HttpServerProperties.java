package io.liquid5gc.runtime.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
public record HttpServerProperties(Duration idleTimeout, Duration readTimeout, Duration requestTimeout, DataSize maxBodySize) {

    public HttpServerProperties {
        idleTimeout = positive(idleTimeout, Duration.ofSeconds(60), "idle-timeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(20), "read-timeout");
        requestTimeout = positive(requestTimeout, Duration.ofSeconds(120), "request-timeout");
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        if (maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("liquid5gc.http-server.max-body-size must be positive");
        }
    }

    private static Duration positive(Duration d, Duration dflt, String name) {
        Duration v = d == null ? dflt : d;
        if (v.isNegative() || v.isZero()) {
            throw new IllegalArgumentException("liquid5gc.http-server." + name + " must be positive");
        }
        return v;
    }
}
