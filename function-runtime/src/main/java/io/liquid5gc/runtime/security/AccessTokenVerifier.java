package io.liquid5gc.runtime.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The producer's check of an access token (TS 33.501 13.4.1.1, TS 29.510 6.3.5.2.4): ES256 signature by a key of the
 * NRF's JWK set (an unknown {@code kid} makes the key source fetch the set again, so a rotated key is picked up),
 * issuer, expiry, audience (the NF of the function called, or this instance) and scope (the function's NF service).
 * The signature is checked with Nimbus JOSE's {@code ECDSAVerifier} ({@link Es256Jws}) against the keys Nimbus's key
 * selection finds in the set for the token's {@code kid}; the claims set is read with Jackson and checked here (RFC 7519
 * 4.1: {@code exp} required and {@code nbf} honoured with the clock skew, {@code iss} the NRF's, {@code sub} and
 * {@code consumerNfType} present, the registered claims of their types). No Spring Security and no Gson in a
 * function process: ~320 classes, ~2 MB of each unit (docs/operations.md "Memory of a function unit").
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

    /** What a verified token says (RFC 7519 4.1, TS 29.510 6.3.5.2.4), remembered with the time it is good until. */
    private record Claims(String subject, List<String> audience, String scope, ConsumerType consumer, Instant expiresAt) {
    }

    private record Verified(Claims claims, Instant until) {
    }

    private final JWKSource<SecurityContext> keys;
    private final String issuer;
    private final String nfInstanceId;
    private final Clock clock;
    private final Duration clockSkew;
    private final java.util.Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    public AccessTokenVerifier(JWKSource<SecurityContext> keys, String issuer, String nfInstanceId, Duration clockSkew, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
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
        Claims jwt;
        try {
            jwt = decode(authorization.substring(BEARER.length()).trim());
        } catch (Es256Jws.Invalid e) {
            throw invalid(what, e.getMessage());
        }
        List<String> audience = jwt.audience();
        if (!audience.contains(producer.name()) && !audience.contains(nfInstanceId)) {
            throw invalid(what, "the token is for " + audience + ", not for " + producer.name() + " or " + nfInstanceId);
        }
        String scope = jwt.scope();
        if (scope == null || !List.of(scope.split(" ")).contains(service.serviceName())) {
            throw new Rejected(ProblemDetails.of(403, "Forbidden", "ACCESS_TOKEN_DENIED", what
                    + " needs scope " + service.serviceName() + "; the token grants " + (scope == null ? "none" : scope)),
                    "Bearer error=\"insufficient_scope\", scope=\"" + service.serviceName() + "\"");
        }
        return Caller.ofToken(jwt.consumer(), jwt.subject());
    }

    private Claims decode(String token) throws Es256Jws.Invalid {
        Instant now = clock.instant();
        Verified v = verified.get(token);
        if (v != null && now.isBefore(v.until())) {
            return v.claims();
        }
        Es256Jws jws = Es256Jws.parse(token);
        checkSignature(jws);
        Claims claims = claims(jws.claims(), now);
        Instant until = now.plus(REVERIFY_AFTER);
        if (claims.expiresAt().plus(clockSkew).isBefore(until)) {
            until = claims.expiresAt().plus(clockSkew);
        }
        if (verified.size() >= MAX_CACHED) {
            verified.clear();
        }
        verified.put(token, new Verified(claims, until));
        return claims;
    }

    /**
     * A key of the NRF's set for the token's {@code kid} made the signature (the keys Nimbus's JWS key selection would
     * try: EC, P-256, use {@code sig} or none, alg ES256 or none; an unknown {@code kid} makes a remote set be fetched
     * again).
     */
    private void checkSignature(Es256Jws jws) throws Es256Jws.Invalid {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(jws.keyId()).build();
        List<JWK> candidates;
        try {
            candidates = keys.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
        } catch (KeySourceException e) {
            throw new Es256Jws.Invalid("the NRF's keys are not available: " + e.getMessage());
        }
        for (JWK key : candidates) {
            if (key instanceof ECKey ec && jws.verifiedBy(ec.toPublicJWK())) {
                return;
            }
        }
        throw new Es256Jws.Invalid(candidates.isEmpty() ? "no key of the NRF's JWK set has kid " + jws.keyId()
                : "the signature is not the NRF's (kid " + jws.keyId() + ")");
    }

    /** The claims set's checks (RFC 7519 4.1, TS 33.501 13.4.1.1): each failure is named. */
    private Claims claims(JsonNode c, Instant now) throws Es256Jws.Invalid {
        List<String> errors = new ArrayList<>();
        Instant exp = numericDate(c, "exp", errors);
        Instant nbf = numericDate(c, "nbf", errors);
        numericDate(c, "iat", errors);
        if (!c.hasNonNull("exp")) { // absent (a non-numeric exp is named by numericDate)
            errors.add("The exp claim is required");
        }
        if (exp != null && now.minus(clockSkew).isAfter(exp)) {
            errors.add("Jwt expired at " + exp);
        }
        if (nbf != null && now.plus(clockSkew).isBefore(nbf)) {
            errors.add("Jwt used before " + nbf);
        }
        String iss = string(c, "iss", errors);
        if (iss == null || !iss.equals(issuer)) {
            errors.add("The iss claim is not valid");
        }
        String sub = string(c, "sub", errors);
        if (sub == null || sub.isBlank()) {
            errors.add("The sub claim is not valid");
        }
        String type = string(c, AccessTokenClaims.CONSUMER_NF_TYPE, errors);
        ConsumerType consumer = type == null ? null : ConsumerType.fromWire(type).orElse(null);
        if (consumer == null) {
            errors.add("The " + AccessTokenClaims.CONSUMER_NF_TYPE + " claim is not valid");
        }
        List<String> audience = audience(c, errors);
        String scope = string(c, AccessTokenClaims.SCOPE, errors);
        string(c, "jti", errors);
        if (!errors.isEmpty()) {
            throw new Es256Jws.Invalid(errors.toString());
        }
        return new Claims(sub, audience, scope, consumer, exp);
    }

    /** A NumericDate claim (RFC 7519 2: seconds since the epoch), null when absent. */
    private static Instant numericDate(JsonNode c, String name, List<String> errors) {
        JsonNode v = c.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            errors.add("The " + name + " claim is not a NumericDate");
            return null;
        }
        return Instant.ofEpochSecond(v.asLong());
    }

    private static String string(JsonNode c, String name, List<String> errors) {
        JsonNode v = c.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            errors.add("The " + name + " claim is not a string");
            return null;
        }
        return v.asString();
    }

    /** {@code aud}: one string or an array of strings (RFC 7519 4.1.3). */
    private static List<String> audience(JsonNode c, List<String> errors) {
        JsonNode v = c.get("aud");
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isString()) {
            return List.of(v.asString());
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode a : v) {
                if (!a.isString()) {
                    errors.add("The aud claim is not a string or an array of strings");
                    return List.of();
                }
                out.add(a.asString());
            }
            return List.copyOf(out);
        }
        errors.add("The aud claim is not a string or an array of strings");
        return List.of();
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
