package io.liquid5gc.nrf.oauth2;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.liquid5gc.runtime.security.AccessTokenIssuer;
import io.liquid5gc.runtime.security.AccessTokenRefused;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.security.AccessTokenClaims;
import io.liquid5gc.sbi.security.AccessTokenReq;
import io.liquid5gc.sbi.security.AccessTokenRsp;
import io.liquid5gc.sbi.security.NfService;
import io.liquid5gc.sbi.security.SbiAuthorization;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Issues the NRF's access tokens (TS 29.510 5.4.2.2 Nnrf_AccessToken_Get, TS 33.501 13.4.1.1): the NRF checks that
 * the consumer type may use each requested service of the target ({@link SbiAuthorization}; else invalid_scope)
 * and signs a JWT with ES256 (Spring Security's {@link NimbusJwtEncoder}) carrying iss, sub (the consumer instance),
 * aud (the target NF type or instance), scope, consumerNfType, iat and exp; the header names the key ({@code kid}).
 * Client authentication is the token endpoint's job; this class trusts its caller.
 */
public final class NrfTokenIssuer implements AccessTokenIssuer {

    private static final Logger log = LoggerFactory.getLogger(NrfTokenIssuer.class);

    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;
    private final ECKey signingKey;
    private final JWKSet publicKeys;
    private final NimbusJwtEncoder encoder;

    public NrfTokenIssuer(OAuth2Properties properties, String issuer, Clock clock) {
        this.issuer = issuer;
        this.lifetime = properties.tokenLifetime();
        this.clock = clock;
        List<JWK> keys = signingKeys(properties.signingJwks());
        this.signingKey = keys.getFirst().toECKey();
        this.publicKeys = new JWKSet(keys.stream().map(JWK::toPublicJWK).toList());
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
        log.info("NRF access tokens: issuer {}, ES256 key {} signs, {} key(s) published, lifetime {}", issuer,
                signingKey.getKeyID(), keys.size(), lifetime);
    }

    @Override
    public AccessTokenRsp issue(AccessTokenReq request) {
        if (request.nfInstanceId() == null || request.nfInstanceId().isBlank()) {
            throw AccessTokenRefused.of(400, "invalid_request", "nfInstanceId is required");
        }
        if (request.nfType() == null) {
            throw AccessTokenRefused.of(400, "invalid_request", "nfType is required (the consumer's NF type)");
        }
        if (request.scope() == null || request.scope().isBlank()) {
            throw AccessTokenRefused.of(400, "invalid_scope", "scope: the NF service names wanted, e.g. nudr-dr");
        }
        Set<NfService> services = new LinkedHashSet<>();
        for (String name : request.scope().trim().split(" +")) {
            services.add(NfService.fromName(name).orElseThrow(() ->
                    AccessTokenRefused.of(400, "invalid_scope", "unknown NF service " + name)));
        }
        NfType target;
        String audience;
        if (request.targetNfType() != null) {
            target = NfType.fromKey(request.targetNfType()).orElseThrow(() ->
                    AccessTokenRefused.of(400, "invalid_request", "unknown targetNfType " + request.targetNfType()));
            audience = target.name();
        } else if (request.targetNfInstanceId() != null) {
            target = services.iterator().next().producer();
            audience = request.targetNfInstanceId();
        } else {
            throw AccessTokenRefused.of(400, "invalid_request", "targetNfType or targetNfInstanceId is required");
        }
        Set<NfService> allowed = SbiAuthorization.servicesFor(request.nfType(), target);
        for (NfService s : services) {
            if (s.producer() != target || !allowed.contains(s)) {
                throw AccessTokenRefused.of(400, "invalid_scope", request.nfType() + " is not authorised for " + s.serviceName()
                        + " of " + target + " (TS 33.501 13.4.1.1)");
            }
        }
        String scope = String.join(" ", services.stream().map(NfService::serviceName).toList());
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(request.nfInstanceId())
                .audience(List.of(audience))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .id(UUID.randomUUID().toString())
                .claim(AccessTokenClaims.SCOPE, scope)
                .claim(AccessTokenClaims.CONSUMER_NF_TYPE, request.nfType().name())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(signingKey.getKeyID()).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new AccessTokenRsp(token, "Bearer", lifetime.toSeconds(), scope);
    }

    @Override
    public JWKSet publicKeys() {
        return publicKeys;
    }

    private static List<JWK> signingKeys(String jwks) {
        if (jwks == null || jwks.isBlank()) {
            log.warn("liquid5gc.nrf.oauth2.signing-jwks is not set: a signing key was generated for this start only; tokens "
                    + "die with this NRF and replicas cannot verify each other's. Set it from a Secret (README \"SBI security\")");
            try {
                return List.of(new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
                        .keyID("generated-" + UUID.randomUUID()).generate());
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot generate a P-256 key", e);
            }
        }
        List<JWK> keys;
        try {
            keys = new ArrayList<>(JWKSet.parse(jwks).getKeys());
        } catch (ParseException e) {
            throw new IllegalArgumentException("liquid5gc.nrf.oauth2.signing-jwks is not a JWK set", e);
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("liquid5gc.nrf.oauth2.signing-jwks has no key");
        }
        for (JWK k : keys) {
            if (!(k instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || k.getKeyID() == null) {
                throw new IllegalArgumentException("liquid5gc.nrf.oauth2.signing-jwks: every key must be EC P-256 with a kid (ES256)");
            }
        }
        if (!keys.getFirst().isPrivate()) {
            throw new IllegalArgumentException("liquid5gc.nrf.oauth2.signing-jwks: the first key signs and must hold its private part");
        }
        return keys;
    }
}
