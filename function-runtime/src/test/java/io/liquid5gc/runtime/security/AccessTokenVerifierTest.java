package io.liquid5gc.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.liquid5gc.sbi.security.Caller;
import io.liquid5gc.sbi.security.ConsumerType;
import io.liquid5gc.sbi.udm.UdmApi;
import io.liquid5gc.sbi.udr.UdrApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The producer's token check, with tokens made here by Nimbus directly (not by the NRF's code): each way a token can
 * be wrong is refused, and the right one names the caller.
 */
class AccessTokenVerifierTest {

    static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");
    static final String ISSUER = "nrf-1";
    static final String UDR_ID = "udr-instance-1";

    private final ECKey nrfKey = generate("k1");
    private final ECKey attackerKey = generate("k1");
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(new ImmutableJWKSet<>(new JWKSet(nrfKey.toPublicJWK())),
            ISSUER, UDR_ID, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));

    static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet.Builder udmClaims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("udm-instance-7").audience("UDR")
                .issueTime(Date.from(NOW.minusSeconds(10))).expirationTime(Date.from(NOW.plusSeconds(600)))
                .claim("scope", "nudr-dr").claim("consumerNfType", "UDM");
    }

    static String sign(ECKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder b = udmClaims();
        change.accept(b);
        return "Bearer " + sign(nrfKey, b.build());
    }

    private void assertRejected(String authorization, int status, String detailPart) {
        assertThatThrownBy(() -> verifier.verify(authorization, UdrApi.DATA_READ))
                .isInstanceOfSatisfying(AccessTokenVerifier.Rejected.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(status);
                    assertThat(e.problem().detail()).contains(detailPart);
                    assertThat(e.wwwAuthenticate()).startsWith("Bearer");
                });
    }

    @Test
    void whenTheTokenIsRight_thenTheCallerIsTheConsumerItNames() {
        Caller caller = verifier.verify(token(b -> { }), UdrApi.DATA_READ);
        assertThat(caller.type()).isEqualTo(ConsumerType.UDM);
        assertThat(caller.nfInstanceId()).isEqualTo("udm-instance-7");
        assertThat(caller.proof()).isEqualTo(Caller.Proof.ACCESS_TOKEN);
        assertThat(caller.trusted()).isFalse();
    }

    @Test
    void whenTheAudienceIsThisInstance_thenAccepted() {
        assertThat(verifier.verify(token(b -> b.audience(UDR_ID)), UdrApi.DATA_READ).type()).isEqualTo(ConsumerType.UDM);
    }

    @Test
    void whenNoTokenOrNotBearer_then401() {
        assertRejected(null, 401, "access token");
        assertRejected("Basic dWRtOnNlY3JldA==", 401, "access token");
    }

    @Test
    void whenExpired_then401() {
        assertRejected(token(b -> b.issueTime(Date.from(NOW.minusSeconds(3600))).expirationTime(Date.from(NOW.minusSeconds(31)))), 401, "expired");
    }

    @Test
    void whenTheExpiryIsWithinTheClockSkew_thenAccepted() {
        assertThat(verifier.verify(token(b -> b.issueTime(Date.from(NOW.minusSeconds(3600))).expirationTime(Date.from(NOW.minusSeconds(20)))), UdrApi.DATA_READ)).isNotNull();
    }

    @Test
    void whenATokenVerifiedBeforeExpires_thenItIsRefusedFromThenOn() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(NOW);
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        AccessTokenVerifier v = new AccessTokenVerifier(new ImmutableJWKSet<>(new JWKSet(nrfKey.toPublicJWK())), ISSUER, UDR_ID,
                Duration.ofSeconds(30), moving);
        String t = token(b -> { });
        assertThat(v.verify(t, UdrApi.DATA_READ).type()).isEqualTo(ConsumerType.UDM);
        assertThat(v.verify(t, UdrApi.DATA_READ).type()).isEqualTo(ConsumerType.UDM); // remembered
        now.set(NOW.plusSeconds(600 + 31));
        assertThatThrownBy(() -> v.verify(t, UdrApi.DATA_READ)).isInstanceOfSatisfying(AccessTokenVerifier.Rejected.class,
                e -> assertThat(e.problem().detail()).contains("expired"));
    }

    @Test
    void whenARememberedTokenIsUsedForAnotherNfOrService_thenStillRefused() {
        String t = token(b -> { });
        verifier.verify(t, UdrApi.DATA_READ);
        assertThatThrownBy(() -> verifier.verify(t, UdmApi.GENERATE_AUTH_DATA)).isInstanceOf(AccessTokenVerifier.Rejected.class);
    }

    @Test
    void whenForAnotherNf_then401WrongAudience() {
        assertRejected(token(b -> b.audience("UDM")), 401, "not for UDR");
    }

    @Test
    void whenTheScopeDoesNotCoverTheService_then403() {
        assertThatThrownBy(() -> verifier.verify(token(b -> b.audience("UDM").claim("scope", "nudm-sdm")), UdmApi.GENERATE_AUTH_DATA))
                .isInstanceOfSatisfying(AccessTokenVerifier.Rejected.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(403);
                    assertThat(e.problem().cause()).isEqualTo("ACCESS_TOKEN_DENIED");
                    assertThat(e.wwwAuthenticate()).contains("insufficient_scope").contains("nudm-ueau");
                });
    }

    @Test
    void whenSignedByAnotherKeyUnderTheSameKid_then401ForgedSignature() {
        assertRejected("Bearer " + sign(attackerKey, udmClaims().build()), 401, "invalid access token");
    }

    @Test
    void whenTheKidIsUnknown_then401() {
        assertRejected("Bearer " + sign(generate("k-unknown"), udmClaims().build()), 401, "invalid access token");
    }

    @Test
    void whenFromAnotherIssuer_then401() {
        assertRejected(token(b -> b.issuer("some-other-nrf")), 401, "iss");
    }

    @Test
    void whenTheConsumerTypeOrSubjectIsMissing_then401() {
        assertRejected(token(b -> b.claim("consumerNfType", null)), 401, "consumerNfType");
        assertRejected(token(b -> b.claim("consumerNfType", "ROGUE")), 401, "consumerNfType");
        assertRejected(token(b -> b.subject(null)), 401, "sub");
    }

    @Test
    void whenUnsignedOrHmacSigned_then401() throws Exception {
        assertRejected("Bearer " + new PlainJWT(udmClaims().build()).serialize(), 401, "invalid access token");
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), udmClaims().build());
        hs.sign(new MACSigner(new byte[32]));
        assertRejected("Bearer " + hs.serialize(), 401, "invalid access token");
        assertRejected("Bearer not.a.jwt", 401, "invalid access token");
    }

    @Test
    void whenN1N2MessageTransferIsCalled_thenTheTokenMustBeForTheAmfWithNamfComm() {
        var n1n2 = io.liquid5gc.sbi.security.SbiResource.N1N2_MESSAGE_TRANSFER;
        Caller smf = verifier.verify(token(b -> b.subject("smf-instance-3").audience("AMF").claim("scope", "namf-comm")
                .claim("consumerNfType", "SMF")), n1n2);
        assertThat(smf.type()).isEqualTo(ConsumerType.SMF);
        assertThat(smf.nfInstanceId()).isEqualTo("smf-instance-3");
        assertThatThrownBy(() -> verifier.verify(token(b -> b.audience("AMF").claim("scope", "nudm-sdm")), n1n2))
                .isInstanceOfSatisfying(AccessTokenVerifier.Rejected.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(403);
                    assertThat(e.problem().cause()).isEqualTo("ACCESS_TOKEN_DENIED");
                    assertThat(e.wwwAuthenticate()).contains("insufficient_scope").contains("namf-comm");
                });
        assertThatThrownBy(() -> verifier.verify(token(b -> b.claim("scope", "namf-comm")), n1n2)) // for the UDR
                .isInstanceOfSatisfying(AccessTokenVerifier.Rejected.class, e -> assertThat(e.problem().status()).isEqualTo(401));
        assertThatThrownBy(() -> verifier.verify(null, n1n2))
                .isInstanceOfSatisfying(AccessTokenVerifier.Rejected.class, e -> assertThat(e.problem().detail())
                        .startsWith("namf-comm N1N2MessageTransfer"));
    }

    /** A JWS of the exact header and payload JSON given, signed by {@code key} with Nimbus's signer. */
    static String signRaw(ECKey key, String headerJson, String payloadJson) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(headerJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            return input + "." + new ECDSASigner(key).sign(new JWSHeader(JWSAlgorithm.ES256), input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String HEADER = "{\"alg\":\"ES256\",\"kid\":\"k1\"}";

    private static String payload(String extra) {
        return "{\"iss\":\"nrf-1\",\"sub\":\"udm-instance-7\",\"aud\":\"UDR\",\"exp\":" + NOW.plusSeconds(600).getEpochSecond()
                + ",\"scope\":\"nudr-dr\",\"consumerNfType\":\"UDM\"" + extra + "}";
    }

    @Test
    void whenTheRawTokenIsRight_thenAccepted() {
        assertThat(verifier.verify("Bearer " + signRaw(nrfKey, HEADER, payload("")), UdrApi.DATA_READ).type()).isEqualTo(ConsumerType.UDM);
    }

    @Test
    void whenNotYetValid_then401UnlessWithinTheClockSkew() {
        assertRejected(token(b -> b.notBeforeTime(Date.from(NOW.plusSeconds(31)))), 401, "used before");
        assertThat(verifier.verify(token(b -> b.notBeforeTime(Date.from(NOW.plusSeconds(20)))), UdrApi.DATA_READ)).isNotNull();
    }

    @Test
    void whenTheExpiryIsMissingOrNotANumber_then401() {
        assertRejected("Bearer " + signRaw(nrfKey, HEADER, "{\"iss\":\"nrf-1\",\"sub\":\"s\",\"aud\":\"UDR\",\"scope\":\"nudr-dr\","
                + "\"consumerNfType\":\"UDM\"}"), 401, "exp");
        assertRejected("Bearer " + signRaw(nrfKey, HEADER, payload(",\"nbf\":\"soon\"")), 401, "nbf");
        assertRejected("Bearer " + signRaw(nrfKey, HEADER, payload("").replaceFirst("\"exp\":\\d+", "\"exp\":\"never\"")), 401, "exp");
    }

    @Test
    void whenTheAudienceIsAList_thenAnyOfItCounts() {
        assertThat(verifier.verify(token(b -> b.audience(java.util.List.of("AMF", "UDR"))), UdrApi.DATA_READ).type()).isEqualTo(ConsumerType.UDM);
        assertRejected(token(b -> b.audience(java.util.List.of("AMF", "UDM"))), 401, "not for UDR");
        assertRejected("Bearer " + signRaw(nrfKey, HEADER, payload("").replace("\"aud\":\"UDR\"", "\"aud\":[\"UDR\",7]")), 401, "aud");
    }

    @Test
    void whenAClaimIsGivenTwice_then401() {
        // a parser picking the first and one picking the last would disagree on who is called (RFC 7515 4)
        assertRejected("Bearer " + signRaw(nrfKey, HEADER, payload(",\"aud\":\"AMF\"")), 401, "Duplicate");
        assertRejected("Bearer " + signRaw(nrfKey, "{\"alg\":\"ES256\",\"kid\":\"k1\",\"alg\":\"none\"}", payload("")), 401, "Duplicate");
    }

    @Test
    void whenTheHeaderHasCriticalParameters_then401() {
        assertRejected("Bearer " + signRaw(nrfKey, "{\"alg\":\"ES256\",\"kid\":\"k1\",\"crit\":[\"exp\"],\"exp\":1}", payload("")), 401, "critical");
    }

    @Test
    void whenTheHeaderOrPayloadIsNotAJsonObject_then401() {
        assertRejected("Bearer " + signRaw(nrfKey, "[\"ES256\"]", payload("")), 401, "header");
        assertRejected("Bearer " + signRaw(nrfKey, HEADER, "\"claims\""), 401, "claims set");
        assertRejected("Bearer " + signRaw(nrfKey, HEADER, payload("")) + ".extra", 401, "three base64url parts");
        assertRejected("Bearer " + signRaw(nrfKey, HEADER, payload("")).replace('.', '!'), 401, "three base64url parts");
    }

    @Test
    void whenTheSignatureIsTamperedWithOrTheClaimsChangedAfterSigning_then401() {
        String t = signRaw(nrfKey, HEADER, payload(""));
        String[] parts = t.split("\\.");
        String otherClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload("").replace("UDR", "AMF").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRejected("Bearer " + parts[0] + "." + otherClaims + "." + parts[2], 401, "signature");
        char last = parts[2].charAt(10);
        assertRejected("Bearer " + parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A')
                + parts[2].substring(11), 401, "signature");
        assertRejected("Bearer " + parts[0] + "." + parts[1] + "." + parts[2].substring(0, 40), 401, "invalid access token");
        assertRejected("Bearer " + parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20) + "!" + parts[2].substring(20), 401,
                "signature is not base64url");
    }

    @Test
    void whenTheTokenHasNoKid_thenEveryKeyOfTheSetIsTried() {
        AccessTokenVerifier two = new AccessTokenVerifier(new ImmutableJWKSet<>(new JWKSet(java.util.List.of(
                generate("k0").toPublicJWK(), nrfKey.toPublicJWK()))), ISSUER, UDR_ID, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(two.verify("Bearer " + signRaw(nrfKey, "{\"alg\":\"ES256\"}", payload("")), UdrApi.DATA_READ).type())
                .isEqualTo(ConsumerType.UDM);
        assertThatThrownBy(() -> two.verify("Bearer " + signRaw(attackerKey, "{\"alg\":\"ES256\"}", payload("")), UdrApi.DATA_READ))
                .isInstanceOf(AccessTokenVerifier.Rejected.class);
    }

    @Test
    void whenTheTrainingRunSignsAToken_thenNimbusVerifiesIt() throws Exception {
        String t = Es256Jws.sign(nrfKey, java.util.Map.of("iss", ISSUER, "sub", "liquid5gc-training", "aud", "UDR",
                "exp", NOW.plusSeconds(60).getEpochSecond(), "scope", "nudr-dr", "consumerNfType", "UDM"));
        SignedJWT parsed = SignedJWT.parse(t);
        assertThat(parsed.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(nrfKey.toPublicJWK()))).isTrue();
        assertThat(parsed.getHeader().getKeyID()).isEqualTo("k1");
        assertThat(parsed.getJWTClaimsSet().getAudience()).containsExactly("UDR");
        assertThat(verifier.verify("Bearer " + t, UdrApi.DATA_READ).nfInstanceId()).isEqualTo("liquid5gc-training");
    }
}
