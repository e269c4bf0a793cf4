package io.liquid5gc.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.sun.net.httpserver.HttpServer;
import io.liquid5gc.sbi.udr.UdrApi;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The NRF's {@code /oauth2/jwks} over real HTTP, as a producer with {@code liquid5gc.security.jwks-uri} reads it: a
 * token under a key the NRF has rotated in is accepted after the set is fetched again; a set that is not one is
 * refused, and so is every token while it is.
 */
class JwksEndpointTest {

    private final AtomicReference<String> published = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final HttpServer nrf;

    JwksEndpointTest() throws Exception {
        nrf = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        nrf.createContext("/oauth2/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        nrf.start();
    }

    @AfterEach
    void stop() {
        nrf.stop(0);
    }

    private AccessTokenVerifier verifier() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + nrf.getAddress().getPort() + "/oauth2/jwks");
        return new AccessTokenVerifier(JWKSourceBuilder.create(new JwksEndpoint(uri.toURL(), new DefaultResourceRetriever(5000, 5000))).build(),
                AccessTokenVerifierTest.ISSUER, AccessTokenVerifierTest.UDR_ID, Duration.ofSeconds(30),
                Clock.fixed(AccessTokenVerifierTest.NOW, ZoneOffset.UTC));
    }

    private static String token(ECKey key) {
        return "Bearer " + AccessTokenVerifierTest.sign(key, AccessTokenVerifierTest.udmClaims().build());
    }

    @Test
    void whenTheNrfRotatesInANewKey_thenItsTokensAreAcceptedAfterOneMoreFetch() throws Exception {
        ECKey k1 = AccessTokenVerifierTest.generate("k1");
        ECKey k2 = AccessTokenVerifierTest.generate("k2");
        published.set(new JWKSet(k1.toPublicJWK()).toString());
        AccessTokenVerifier verifier = verifier();
        assertThat(verifier.verify(token(k1), UdrApi.DATA_READ).nfInstanceId()).isEqualTo("udm-instance-7");
        assertThat(fetches).hasValue(1);
        published.set(new JWKSet(java.util.List.of(k1.toPublicJWK(), k2.toPublicJWK())).toString());
        assertThat(verifier.verify(token(k2), UdrApi.DATA_READ).nfInstanceId()).isEqualTo("udm-instance-7");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void whenTheEndpointAnswersNoJwkSet_thenTokensAreRefused() throws Exception {
        published.set("<html>proxy error</html>");
        AccessTokenVerifier verifier = verifier();
        assertThatThrownBy(() -> verifier.verify(token(AccessTokenVerifierTest.generate("k1")), UdrApi.DATA_READ))
                .isInstanceOfSatisfying(AccessTokenVerifier.Rejected.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(401);
                    assertThat(e.problem().detail()).contains("keys are not available");
                });
    }
}
