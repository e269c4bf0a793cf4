package io.liquid5gc.runtime.http;

/**
 * A body size limit for the requests whose path starts with {@code pathPrefix}, instead of
 * {@code liquid5gc.http-server.max-body-size}; a module declares one as a bean (e.g. the provisioning import). The
 * longest matching prefix wins.
 */
public record RequestBodyLimit(String pathPrefix, long maxBytes) {

    public RequestBodyLimit {
        if (pathPrefix == null || !pathPrefix.startsWith("/") || maxBytes < 1) {
            throw new IllegalArgumentException("a body limit needs a path prefix starting with / and a positive size");
        }
    }
}
