package io.liquid5gc.runtime.placement;

import io.liquid5gc.sbi.NfType;
import java.net.URI;
import java.util.Optional;

/**
 * Finds the base URL of an NF placed {@code http} when no static URL is configured (the NRF-backed resolver
 * lives in nf-nrf). Implementations must be fast: they are asked on every call and should cache.
 */
@FunctionalInterface
public interface PeerResolver {

    Optional<URI> resolve(NfType nf);

    PeerResolver NONE = nf -> Optional.empty();
}
