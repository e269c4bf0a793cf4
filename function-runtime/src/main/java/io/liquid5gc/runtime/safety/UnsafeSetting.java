package io.liquid5gc.runtime.safety;

/**
 * A setting that is fine in a lab and wrong in production, reported at start.
 *
 * @param id   a stable name ({@code test-suci-keys}), which {@code liquid5gc.safety.accepted} can list to accept the risk
 * @param risk what is unsafe, without any secret
 * @param fix  what to set instead
 */
public record UnsafeSetting(String id, String risk, String fix) {
}
