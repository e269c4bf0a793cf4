package io.liquid5gc.runtime.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.security.AccessTokenReq;
import io.liquid5gc.sbi.security.AccessTokenRsp;
import io.liquid5gc.sbi.security.NfService;
import io.liquid5gc.sbi.security.SbiAuthorization;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * A stand-in for the NRF's token service in tests of modules that have no NRF (test-jar): signs ES256 tokens with a
 * key made here, granting a consumer the services of the target it may use. Its {@link #publicJwks()} is what a
 * producer process is given as {@code liquid5gc.security.jwks}.
 */
public final class TestTokenIssuer implements AccessTokenIssuer {

    public static final String ISSUER = SecurityProperties.DEFAULT_ISSUER;

    private final ECKey key;

    public TestTokenIssuer() {
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID("test-" + System.nanoTime()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public AccessTokenRsp issue(AccessTokenReq request) {
        NfType target = NfType.fromKey(request.targetNfType()).orElseThrow();
        Set<NfService> allowed = SbiAuthorization.servicesFor(request.nfType(), target);
        for (String s : request.scope().split(" ")) {
            if (!allowed.contains(NfService.fromName(s).orElseThrow())) {
                throw AccessTokenRefused.of(400, "invalid_scope", request.nfType() + " may not use " + s);
            }
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(request.nfInstanceId()).audience(target.name())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("scope", request.scope()).claim("consumerNfType", request.nfType().name()).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return new AccessTokenRsp(jwt.serialize(), "Bearer", 600L, request.scope());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** The public JWK set as JSON, for {@code liquid5gc.security.jwks}. */
    public String publicJwks() {
        return publicKeys().toString(true);
    }
}
