package io.liquid5gc.runtime.security;

import com.nimbusds.jose.jwk.JWKSet;
import io.liquid5gc.sbi.security.AccessTokenReq;
import io.liquid5gc.sbi.security.AccessTokenRsp;

/**
 * The NRF's token service in this process (nf-nrf implements it): consumers in the same process get their tokens
 * from it without a round trip, and producers in it verify with its public keys.
 */
public interface AccessTokenIssuer {

    /**
     * Issues a token to a consumer already authenticated (in-process, or by the token endpoint).
     *
     * @throws AccessTokenRefused when the request is not granted
     */
    AccessTokenRsp issue(AccessTokenReq request);

    /** The public keys of the signing keys, current and previous (for rotation). */
    JWKSet publicKeys();
}
