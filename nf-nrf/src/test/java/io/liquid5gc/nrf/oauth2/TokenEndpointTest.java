package io.liquid5gc.nrf.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.liquid5gc.nrf.NrfApplication;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The NRF's POST /oauth2/token and GET /oauth2/jwks over real HTTP; tokens checked with Nimbus on their own. */
class TokenEndpointTest {

    static final String UDM_ID = "5a7bd676-ceeb-44bb-95e0-f6a55a328b03";
    static final String AMF_ID = "0d3ac0c5-1d4a-4c04-a3e5-5c52cb2ef0a8";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = new JsonMapper();

    private static ConfigurableApplicationContext nrf;
    private static String base;
    private static ECKey current;
    private static ECKey previous;

    @BeforeAll
    static void start() throws Exception {
        current = new ECKeyGenerator(Curve.P_256).keyID("nrf-2026-12").generate();
        previous = new ECKeyGenerator(Curve.P_256).keyID("nrf-2026-11").generate();
        String jwks = new JWKSet(List.of(current, previous)).toString(false);
        nrf = new SpringApplicationBuilder(NrfApplication.class).properties(
                "server.port=0", "server.address=127.0.0.1", "liquid5gc.store.memory.journal=none",
                "liquid5gc.security.issuer=nrf-test",
                "liquid5gc.nrf.oauth2.signing-jwks=" + jwks,
                "liquid5gc.nrf.oauth2.token-lifetime=PT10M",
                "liquid5gc.nrf.oauth2.clients[0].nf-instance-id=" + UDM_ID,
                "liquid5gc.nrf.oauth2.clients[0].nf-types=UDM",
                "liquid5gc.nrf.oauth2.clients[0].secret={noop}udm-secret",
                "liquid5gc.nrf.oauth2.clients[1].nf-instance-id=" + AMF_ID,
                "liquid5gc.nrf.oauth2.clients[1].nf-types=AMF",
                "liquid5gc.nrf.oauth2.clients[1].secret={bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode("amf-secret"))
                .run();
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) nrf).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (nrf != null) {
            nrf.close();
        }
    }

    static HttpResponse<String> token(String clientId, String secret, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/oauth2/token")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (clientId != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> request(String instance, String type, String target, String scope) {
        return Map.of("grant_type", "client_credentials", "nfInstanceId", instance, "nfType", type, "targetNfType", target, "scope", scope);
    }

    @Test
    void whenTheUdmAsksForNudrDr_thenItGetsAnEs256TokenForTheUdrSignedByTheCurrentKey() throws Exception {
        HttpResponse<String> rsp = token(UDM_ID, "udm-secret", request(UDM_ID, "UDM", "UDR", "nudr-dr"));
        assertThat(rsp.statusCode()).as(rsp.body()).isEqualTo(200);
        assertThat(rsp.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(rsp.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(600);
        assertThat(body.get("scope").asString()).isEqualTo("nudr-dr");
        SignedJWT jwt = SignedJWT.parse(body.get("access_token").asString());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("nrf-2026-12");
        assertThat(jwt.verify(new ECDSAVerifier(current.toPublicJWK()))).isTrue();
        assertThat(jwt.verify(new ECDSAVerifier(previous.toPublicJWK()))).isFalse();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("nrf-test");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(UDM_ID);
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("UDR");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("consumerNfType")).isEqualTo("UDM");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isAfter(Instant.now().plusSeconds(500));
    }

    @Test
    void whenTheSecretIsWrongOrMissing_then401InvalidClient() throws Exception {
        HttpResponse<String> wrong = token(UDM_ID, "guess", request(UDM_ID, "UDM", "UDR", "nudr-dr"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("error").asString()).isEqualTo("invalid_client");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isPresent();
        HttpResponse<String> none = token(null, null, request(UDM_ID, "UDM", "UDR", "nudr-dr"));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(token("unknown-instance", "x", request("unknown-instance", "UDM", "UDR", "nudr-dr")).statusCode()).isEqualTo(401);
    }

    @Test
    void whenAnAmfAsksForTheUdrsService_thenInvalidScope() throws Exception {
        HttpResponse<String> rsp = token(AMF_ID, "amf-secret", request(AMF_ID, "AMF", "UDR", "nudr-dr"));
        assertThat(rsp.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(rsp.body()).get("error").asString()).isEqualTo("invalid_scope");
        // what the AMF may have: the UDM's subscriber data, not its authentication vectors
        assertThat(token(AMF_ID, "amf-secret", request(AMF_ID, "AMF", "UDM", "nudm-sdm")).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(token(AMF_ID, "amf-secret", request(AMF_ID, "AMF", "UDM", "nudm-ueau")).body()).get("error").asString())
                .isEqualTo("invalid_scope");
    }

    @Test
    void whenAClientAsksAsAnotherInstanceOrAnotherType_thenUnauthorizedClient() throws Exception {
        HttpResponse<String> other = token(AMF_ID, "amf-secret", request(UDM_ID, "UDM", "UDR", "nudr-dr"));
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(other.body()).get("error").asString()).isEqualTo("unauthorized_client");
        HttpResponse<String> type = token(AMF_ID, "amf-secret", request(AMF_ID, "UDM", "UDR", "nudr-dr"));
        assertThat(JSON.readTree(type.body()).get("error").asString()).isEqualTo("unauthorized_client");
    }

    @Test
    void whenTheRequestIsMalformed_thenTheOAuthErrorNamesIt() throws Exception {
        Map<String, String> password = new java.util.HashMap<>(request(UDM_ID, "UDM", "UDR", "nudr-dr"));
        password.put("grant_type", "password");
        assertThat(JSON.readTree(token(UDM_ID, "udm-secret", password).body()).get("error").asString()).isEqualTo("unsupported_grant_type");
        assertThat(JSON.readTree(token(UDM_ID, "udm-secret", request(UDM_ID, "UDM", "UDR", "nfoo-bar")).body()).get("error").asString())
                .isEqualTo("invalid_scope");
    }

    @Test
    void whenTheJwksIsFetched_thenBothKeysArePublishedWithoutPrivateParts() throws Exception {
        HttpResponse<String> rsp = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/jwks")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rsp.statusCode()).isEqualTo(200);
        JWKSet set = JWKSet.parse(rsp.body());
        assertThat(set.getKeys()).extracting(k -> k.getKeyID()).containsExactly("nrf-2026-12", "nrf-2026-11");
        assertThat(set.getKeys()).noneMatch(k -> k.isPrivate());
        assertThat(rsp.body()).doesNotContain("\"d\"");
    }
}
