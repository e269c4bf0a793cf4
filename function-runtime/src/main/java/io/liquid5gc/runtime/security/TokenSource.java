package io.liquid5gc.runtime.security;

import io.liquid5gc.sbi.security.AccessTokenReq;
import io.liquid5gc.sbi.security.AccessTokenRsp;

/** Where a consumer gets its tokens: the NRF in this process, or the NRF's token endpoint over HTTP. */
@FunctionalInterface
public interface TokenSource {

    /** @throws AccessTokenRefused when the NRF refuses; {@link java.io.UncheckedIOException} when it cannot be reached */
    AccessTokenRsp fetch(AccessTokenReq request);
}
