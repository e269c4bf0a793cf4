package io.liquid5gc.sbi.security;

/**
 * The claim names of the NRF's access tokens (TS 29.510 6.3.5.2.4 AccessTokenClaims: {@code iss} the NRF,
 * {@code sub} the consumer's NF instance id, {@code aud} the producer's NF type or instance id, {@code scope} the NF
 * service names, {@code exp}, {@code iat}), plus {@code consumerNfType}: Liquid5GC's, so that a producer learns the
 * consumer's NF type from the token it verified rather than from anything the consumer writes.
 */
public final class AccessTokenClaims {

    public static final String CONSUMER_NF_TYPE = "consumerNfType";
    public static final String SCOPE = "scope";

    private AccessTokenClaims() {
    }
}
