package io.liquid5gc.runtime.operator;

/**
 * An operator API served by this process under {@code pathPrefix} (e.g. {@code /provisioning/}): a module declares one
 * as a bean and every request under it must then carry the operator's credentials (see {@link OperatorProperties}).
 */
public record OperatorApi(String name, String pathPrefix) {

    public OperatorApi {
        if (name == null || pathPrefix == null || !pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("an operator API needs a name and a path prefix starting with /");
        }
    }
}
