package io.liquid5gc.benchmarks.sbi;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.liquid5gc.runtime.security.AccessTokenVerifier;
import io.liquid5gc.runtime.security.AccessTokens;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.security.AccessTokenRsp;
import io.liquid5gc.sbi.security.Caller;
import io.liquid5gc.sbi.security.ConsumerType;
import io.liquid5gc.sbi.udr.UdrApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-call cost of SBI security (TS 33.501 13.4.1): a producer verifying an ES256 access token (signature,
 * issuer, expiry, audience, scope: {@link AccessTokenVerifier}), first time and again, and a consumer taking its cached token
 * ({@link AccessTokens}, no NRF round trip).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar SbiTokenBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SbiTokenBenchmark {

    private AccessTokenVerifier verifier;
    private String authorization;
    private AccessTokens tokens;
    private String[] distinct;
    private int next;

    @Setup
    public void setUp() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench").generate();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("liquid5gc-nrf").subject("udm-1").audience("UDR")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("scope", "nudr-dr").claim("consumerNfType", "UDM").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("bench").build(), claims);
        jwt.sign(new ECDSASigner(key));
        authorization = "Bearer " + jwt.serialize();
        verifier = new AccessTokenVerifier(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), "liquid5gc-nrf", "udr-1",
                Duration.ofSeconds(30), Clock.systemUTC());
        // more distinct tokens than the verifier remembers: each check of these is a full signature verification
        distinct = new String[25_000];
        for (int i = 0; i < distinct.length; i++) {
            SignedJWT t = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("bench").build(),
                    new JWTClaimsSet.Builder(claims).jwtID("t" + i).build());
            t.sign(new ECDSASigner(key));
            distinct[i] = "Bearer " + t.serialize();
        }
        String token = jwt.serialize();
        tokens = new AccessTokens(r -> new AccessTokenRsp(token, "Bearer", 3600L, r.scope()), "udm-1", Duration.ofSeconds(60), Clock.systemUTC());
        tokens.tokenFor(ConsumerType.UDM, NfType.UDR);
    }

    /** The producer's check of a token it has not seen (signature verified). */
    @Benchmark
    public Caller verifyNewAccessToken() {
        next = (next + 1) % distinct.length;
        return verifier.verify(distinct[next], UdrApi.DATA_READ);
    }

    /** The producer's check of a call with a token it verified before (every call after a consumer's first). */
    @Benchmark
    public Caller verifyAccessToken() {
        return verifier.verify(authorization, UdrApi.DATA_READ);
    }

    /** The consumer's token for one call (cache hit). */
    @Benchmark
    public String cachedConsumerToken() {
        return tokens.tokenFor(ConsumerType.UDM, NfType.UDR);
    }
}
