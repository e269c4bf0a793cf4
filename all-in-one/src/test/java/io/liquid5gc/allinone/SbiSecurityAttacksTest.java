package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attacks of issue 13 against the all-in-one with its defaults (function endpoint on loopback, tokens checked
 * there too: a local {@code curl} is a caller like any other): each now gets 401/403 problem+json, and the same call with the right token, got from the NRF's
 * {@code /oauth2/token} with a client secret, succeeds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "liquid5gc.store.memory.journal=none",
        "liquid5gc.nrf.oauth2.clients[0].nf-instance-id=" + SbiSecurityAttacksTest.UDM,
        "liquid5gc.nrf.oauth2.clients[0].nf-types=UDM",
        "liquid5gc.nrf.oauth2.clients[0].secret={noop}udm-secret",
        "liquid5gc.nrf.oauth2.clients[1].nf-instance-id=" + SbiSecurityAttacksTest.OTHER,
        "liquid5gc.nrf.oauth2.clients[1].nf-types=AMF,AUSF,SMF,N2_PROXY",
        "liquid5gc.nrf.oauth2.clients[1].secret={noop}other-secret"})
class SbiSecurityAttacksTest {

    static final String UDM = "11111111-1111-4111-8111-111111111111";
    static final String OTHER = "22222222-2222-4222-8222-222222222222";
    private static final String K = "465B5CE8B199B49FAA5F0A2EE238A6BC";
    private static final String SUPI = "imsi-001010000000001";
    private static final JsonMapper JSON = new JsonMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Environment env;

    private String base() {
        return "http://127.0.0.1:" + env.getProperty("local.server.port");
    }

    private String token(String instance, String secret, String type, String target, String scope) throws Exception {
        Map<String, String> form = Map.of("grant_type", "client_credentials", "nfInstanceId", instance, "nfType", type,
                "targetNfType", target, "scope", scope);
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> rsp = http.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((instance + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rsp.statusCode()).as(rsp.body()).isEqualTo(200);
        return JSON.readTree(rsp.body()).get("access_token").asString();
    }

    private String udmToken() throws Exception {
        return token(UDM, "udm-secret", "UDM", "UDR", "nudr-dr");
    }

    private String as(String type, String target, String scope) throws Exception {
        return token(OTHER, "other-secret", type, target, scope);
    }

    private HttpResponse<String> post(String function, String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/" + function)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> rsp, int status) {
        assertThat(rsp.statusCode()).as(rsp.body()).isEqualTo(status);
        assertThat(rsp.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(rsp.body()).doesNotContainIgnoringCase(K);
        if (status == 401) {
            assertThat(rsp.headers().firstValue("WWW-Authenticate")).isPresent();
        }
    }

    private static String readK(String requester) {
        return "{\"ueId\":\"" + SUPI + "\",\"dataSets\":[\"authentication-subscription\"],\"requester\":\"" + requester + "\"}";
    }

    @Test
    void whenKAndOpcAreAskedWithoutATokenOrWithAnotherNfsToken_thenRefused_andTheUdmsTokenGetsThem() throws Exception {
        assertProblem(post("udr-data-read", readK("UDM"), null), 401);
        // an AMF's token (for the UDM's subscriber data) is not for the UDR
        assertProblem(post("udr-data-read", readK("UDM"), as("AMF", "UDM", "nudm-sdm")), 401);
        HttpResponse<String> ok = post("udr-data-read", readK("AMF"), udmToken()); // the body's "requester" decides nothing
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).containsIgnoringCase(K);
    }

    @Test
    void whenAuthVectorsAreAskedByAnythingButAnAusf_thenRefused() throws Exception {
        String body = "{\"supiOrSuci\":\"" + SUPI + "\",\"authenticationInfoRequest\":{\"servingNetworkName\":"
                + "\"5G:mnc001.mcc001.3gppnetwork.org\",\"ausfInstanceId\":\"anything\"}}";
        assertProblem(post("udm-generate-auth-data", body, null), 401);
        HttpResponse<String> amf = post("udm-generate-auth-data", body, as("AMF", "UDM", "nudm-sdm"));
        assertProblem(amf, 403);
        assertThat(JSON.readTree(amf.body()).get("cause").asString()).isEqualTo("ACCESS_TOKEN_DENIED");
        HttpResponse<String> ausf = post("udm-generate-auth-data", body, as("AUSF", "UDM", "nudm-ueau"));
        assertThat(ausf.statusCode()).as(ausf.body()).isEqualTo(200);
        assertThat(ausf.body()).contains("xresStar");
    }

    @Test
    void whenAusfAuthenticateIsCalledByAnythingButAnAmf_thenRefused() throws Exception {
        String body = "{\"authenticationInfo\":{\"supiOrSuci\":\"" + SUPI + "\",\"servingNetworkName\":\"5G:mnc001.mcc001.3gppnetwork.org\"}}";
        assertProblem(post("ausf-authenticate", body, null), 401);
        assertProblem(post("ausf-authenticate", body, as("AUSF", "UDM", "nudm-ueau")), 401);
        HttpResponse<String> amf = post("ausf-authenticate", body, as("AMF", "AUSF", "nausf-auth"));
        assertThat(amf.statusCode()).as(amf.body()).isEqualTo(200);
        assertThat(amf.body()).contains("hxresStar").doesNotContain("kausf").doesNotContain("\"xresStar\"");
    }

    @Test
    void whenSubscriberDataIsWrittenWithoutTheUdmsToken_thenRefusedAndNothingChanges() throws Exception {
        String sqn = "{\"ueId\":\"" + SUPI + "\",\"operation\":\"UPDATE_SQN\",\"requester\":\"UDM\",\"sqnUpdate\":{\"expectedSqn\":"
                + "\"000000000000\",\"sequenceNumber\":{\"sqnScheme\":\"NON_TIME_BASED\",\"sqn\":\"ffffffffffe0\",\"lastIndexes\":{}}}}";
        assertProblem(post("udr-data-write", sqn, null), 401);
        assertProblem(post("udr-data-write", "{\"ueId\":\"" + SUPI + "\",\"operation\":\"DELETE\",\"requester\":\"UDM\"}", null), 401);
        HttpResponse<String> still = post("udr-data-read", readK("UDM"), udmToken());
        assertThat(JSON.readTree(still.body()).at("/authenticationSubscription/sequenceNumber/sqn").asString()).isNotEqualTo("ffffffffffe0");
    }

    @Test
    void whenDeregistrationOrSessionReleaseIsClaimedIntegrityVerifiedByANonProxy_thenRefused() throws Exception {
        String dereg = "{\"ueContextId\":\"1\",\"integrityVerified\":true,\"message\":{\"type\":\"DEREGISTRATION_REQUEST_UE_ORIGINATING\"}}";
        assertProblem(post("amf-deregistration", dereg, null), 401);
        assertProblem(post("amf-deregistration", dereg, as("SMF", "UDM", "nudm-sdm")), 401);
        String release = "{\"smContextRef\":\"imsi-001010000000001-1\",\"cause\":\"REL_DUE_TO_UE\"}";
        assertProblem(post("smf-pdu-session-release", release, null), 401);
        // an SMF's token for its own service is still not an AMF's: the table refuses
        HttpResponse<String> smf = post("smf-pdu-session-release", release, as("SMF", "SMF", "nsmf-pdusession"));
        assertProblem(smf, 403);
        assertThat(JSON.readTree(smf.body()).get("cause").asString()).isEqualTo("ACCESS_TOKEN_DENIED");
        // the proxy's token reaches the AMF function (the answer is the AMF's own, not an authorization error)
        HttpResponse<String> proxy = post("amf-deregistration", dereg, as("N2_PROXY", "AMF", "namf-comm"));
        assertThat(proxy.statusCode()).as(proxy.body()).isNotIn(401, 403);
    }

    @Test
    void whenAnNfRegistersAnotherInstanceOrAsAnotherType_thenRefused() throws Exception {
        String otherInstance = "{\"nfInstanceId\":\"33333333-3333-4333-8333-333333333333\",\"nfType\":\"UDM\",\"nfStatus\":\"REGISTERED\","
                + "\"nfServices\":[{\"serviceInstanceId\":\"f\",\"serviceName\":\"liquid5gc-functions\",\"scheme\":\"http\",\"apiPrefix\":\"http://203.0.113.66:8080\"}]}";
        assertProblem(post("nrf-register", otherInstance, null), 401);
        String udmNfm = token(UDM, "udm-secret", "UDM", "NRF", "nnrf-nfm");
        assertProblem(post("nrf-register", otherInstance, udmNfm), 403);
        String asAmf = otherInstance.replace("33333333-3333-4333-8333-333333333333", UDM).replace("\"UDM\"", "\"AMF\"");
        assertProblem(post("nrf-register", asAmf, udmNfm), 403);
        String itself = otherInstance.replace("33333333-3333-4333-8333-333333333333", UDM);
        HttpResponse<String> ok = post("nrf-register", itself, udmNfm);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    }
}
