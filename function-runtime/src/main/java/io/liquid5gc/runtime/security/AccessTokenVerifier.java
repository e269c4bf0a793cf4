package io.liquid5gc.runtime.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.common.ProblemDetails;
import io.liquid5gc.sbi.security.AccessTokenClaims;
import io.liquid5gc.sbi.security.Caller;
import io.liquid5gc.sbi.security.ConsumerType;
import io.liquid5gc.sbi.security.NfService;
import io.liquid5gc.sbi.security.SbiAuthorization;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The producer's check of an access token (TS 33.501 13.4.1.1, TS 29.510 6.3.5.2.4): ES256 signature by a key of the
 * NRF's JWK set (an unknown {@code kid} makes the key source fetch the set again, so a rotated key is picked up),
 * issuer, expiry, audience (the NF of the function called, or this instance) and scope (the function's NF service).
 * Spring Security's {@link NimbusJwtDecoder} and its validators do the JWT work; this class adds the 3GPP rules and
 * says who the caller is.
 *
 * <p>A consumer sends the same token for its whole life, and an ES256 check costs about 0.4 ms here: a token that
 * passed is remembered (at most {@value #MAX_CACHED} tokens) until it expires or {@link #REVERIFY_AFTER} has passed,
 * whichever is first; audience and scope are checked on every call.
 */
public final class AccessTokenVerifier {

    /** A refused token: the problem to answer and the RFC 6750 3 {@code WWW-Authenticate} value. */
    public static final class Rejected extends RuntimeException {
        private final ProblemDetails problem;
        private final String wwwAuthenticate;

        Rejected(ProblemDetails problem, String wwwAuthenticate) {
            super(problem.detail());
            this.problem = problem;
            this.wwwAuthenticate = wwwAuthenticate;
        }

        public ProblemDetails problem() {
            return problem;
        }

        public String wwwAuthenticate() {
            return wwwAuthenticate;
        }
    }

    private static final String BEARER = "Bearer ";
    static final int MAX_CACHED = 10_000;
    static final Duration REVERIFY_AFTER = Duration.ofMinutes(5);

    private record Verified(Jwt jwt, java.time.Instant until) {
    }

    private final JwtDecoder decoder;
    private final String nfInstanceId;
    private final Clock clock;
    private final Duration clockSkew;
    private final java.util.Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    public AccessTokenVerifier(JWKSource<SecurityContext> keys, String issuer, String nfInstanceId, Duration clockSkew, Clock clock) {
        NimbusJwtDecoder d = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.ES256).build();
        JwtTimestampValidator time = new JwtTimestampValidator(clockSkew);
        time.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = List.of(time, new JwtIssuerValidator(issuer),
                new JwtClaimValidator<Object>("exp", exp -> exp != null),
                new JwtClaimValidator<String>("sub", sub -> sub != null && !sub.isBlank()),
                new JwtClaimValidator<String>(AccessTokenClaims.CONSUMER_NF_TYPE, t -> ConsumerType.fromWire(t).isPresent()));
        d.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        this.decoder = d;
        this.nfInstanceId = nfInstanceId;
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    /**
     * The caller proven by the {@code Authorization} header for a call of {@code function}.
     *
     * @throws Rejected 401 for a missing, malformed, badly signed, expired, foreign or misdirected token; 403 when
     *                  its scope does not cover the function's service
     */
    public Caller verify(String authorization, FunctionSpec<?, ?> function) {
        return verify(authorization, function.nf(), SbiAuthorization.serviceOf(function), function.name());
    }

    /**
     * The caller proven by the {@code Authorization} header for a call of {@code resource} (an operation served outside
     * the function contract, e.g. N1N2MessageTransfer): audience its producer's NF type or this instance, scope its
     * service. The consumer type is the caller's to check against {@link io.liquid5gc.sbi.security.SbiResource#permits}.
     *
     * @throws Rejected as {@link #verify(String, FunctionSpec)}
     */
    public Caller verify(String authorization, io.liquid5gc.sbi.security.SbiResource resource) {
        return verify(authorization, resource.producer(), resource.service(), resource.operation());
    }

    private Caller verify(String authorization, io.liquid5gc.sbi.NfType producer, NfService service, String what) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Rejected(ProblemDetails.of(401, "Unauthorized", null, what
                    + ": an access token from the NRF is required (Authorization: Bearer, TS 33.501 13.4.1)"), "Bearer realm=\"5gc\"");
        }
        Jwt jwt;
        try {
            jwt = decode(authorization.substring(BEARER.length()).trim());
        } catch (JwtValidationException e) {
            throw invalid(what, e.getErrors().stream().map(err -> err.getDescription()).toList().toString());
        } catch (JwtException e) {
            throw invalid(what, e.getMessage());
        }
        List<String> audience = jwt.getAudience() == null ? List.of() : jwt.getAudience();
        if (!audience.contains(producer.name()) && !audience.contains(nfInstanceId)) {
            throw invalid(what, "the token is for " + audience + ", not for " + producer.name() + " or " + nfInstanceId);
        }
        String scope = jwt.getClaimAsString(AccessTokenClaims.SCOPE);
        if (scope == null || !List.of(scope.split(" ")).contains(service.serviceName())) {
            throw new Rejected(ProblemDetails.of(403, "Forbidden", "ACCESS_TOKEN_DENIED", what
                    + " needs scope " + service.serviceName() + "; the token grants " + (scope == null ? "none" : scope)),
                    "Bearer error=\"insufficient_scope\", scope=\"" + service.serviceName() + "\"");
        }
        ConsumerType type = ConsumerType.fromWire(jwt.getClaimAsString(AccessTokenClaims.CONSUMER_NF_TYPE)).orElseThrow();
        return Caller.ofToken(type, jwt.getSubject());
    }

    private Jwt decode(String token) {
        java.time.Instant now = clock.instant();
        Verified v = verified.get(token);
        if (v != null && now.isBefore(v.until())) {
            return v.jwt();
        }
        Jwt jwt = decoder.decode(token);
        java.time.Instant until = now.plus(REVERIFY_AFTER);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().plus(clockSkew).isBefore(until)) {
            until = jwt.getExpiresAt().plus(clockSkew);
        }
        if (verified.size() >= MAX_CACHED) {
            verified.clear();
        }
        verified.put(token, new Verified(jwt, until));
        return jwt;
    }

    /** 401: with mTLS the token's subject must be the NF instance of the client certificate (TS 33.501 13.3.1). */
    Rejected notCertified(String what, String subject, String certified) {
        return invalid(what, "the token's subject " + subject + " is not the NF instance of the client certificate ("
                + (certified == null ? "no certificate naming an instance" : certified) + ")");
    }

    private static Rejected invalid(String what, String why) {
        return new Rejected(ProblemDetails.of(401, "Unauthorized", null, what + ": invalid access token: " + why),
                "Bearer error=\"invalid_token\"");
    }
}
