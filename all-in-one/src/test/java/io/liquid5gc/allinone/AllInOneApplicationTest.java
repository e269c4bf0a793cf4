package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one-command core: every function of the contract is deployed and answers over HTTP, with metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"liquid5gc.store.memory.journal=none",
        // function behaviour over HTTP: the lab switch that serves loopback without tokens (SbiSecurityAttacksTest: the default)
        "liquid5gc.security.trust-loopback=true"})
class AllInOneApplicationTest {

    private static final JsonMapper JSON = new JsonMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Environment env;

    @Autowired
    FunctionDispatcher dispatcher;

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whenStarted_thenAll31FunctionsAreDeployed() {
        assertThat(Functions.all()).hasSize(31);
        assertThat(dispatcher.deployed()).containsExactlyElementsOf(Functions.all().stream().map(FunctionSpec::name).toList());
    }

    @Test
    void whenEveryFunctionIsCalledOverHttp_thenItAnswersWithItsResultOrAProblemNeverA404() throws Exception {
        for (FunctionSpec<?, ?> f : Functions.all()) {
            HttpResponse<String> r = post("/" + f.name(), "{}");
            assertThat(r.statusCode()).as(f.name()).isIn(200, 400, 501);
            if (r.statusCode() != 200) {
                assertThat(r.headers().firstValue("Content-Type")).as(f.name()).hasValue("application/problem+json");
                JsonNode problem = JSON.readTree(r.body());
                assertThat(problem.path("status").asInt()).isEqualTo(r.statusCode());
                assertThat(problem.path("instance").asString()).isEqualTo("/" + f.name());
                assertThat(problem.path("cause").asString()).isNotBlank();
            }
        }
    }

    @Test
    void whenNrfRegisterAndDiscover_thenTheProfileIsFound() throws Exception {
        HttpResponse<String> reg = post("/nrf-register", """
                {"nfInstanceId":"0b9e0c4e-6c2f-4f1a-8d7c-1a2b3c4d5e6f","nfType":"SMF","sNssais":[{"sst":1,"sd":"010203"}],
                 "smfInfo":{"sNssaiSmfInfoList":[{"sNssai":{"sst":1,"sd":"010203"},"dnns":["internet"]}]}}""");
        assertThat(reg.statusCode()).isEqualTo(200);
        JsonNode found = JSON.readTree(post("/nrf-discover", """
                {"targetNfType":"SMF","requesterNfType":"AMF","snssais":[{"sst":1,"sd":"010203"}],"dnn":"internet"}""").body());
        assertThat(found.path("nfInstances").size()).isEqualTo(1);
        JsonNode none = JSON.readTree(post("/nrf-discover", """
                {"targetNfType":"SMF","requesterNfType":"AMF","dnn":"ims"}""").body());
        assertThat(none.path("nfInstances").size()).isZero();
    }

    @Test
    void whenScraped_thenPrometheusShowsInvocationsAndColdStart() throws Exception {
        post("/nrf-discover", "{\"targetNfType\":\"UDM\",\"requesterNfType\":\"AUSF\"}");
        HttpResponse<String> prom = get("/actuator/prometheus");
        assertThat(prom.statusCode()).isEqualTo(200);
        assertThat(prom.body())
                .contains("liquid5gc_function_invocations_seconds_count{function=\"nrf-discover\",nf=\"nrf\",outcome=\"success\",placement=\"http\"}")
                .contains("liquid5gc_function_cold_starts_total")
                .contains("liquid5gc_store_operations_seconds_count");
        assertThat(get("/actuator/health/readiness").body()).contains("UP");
    }

    @Test
    void whenStarted_thenTheN2EndpointListens(@Autowired io.liquid5gc.proxy.n2.N2Server n2) {
        assertThat(n2.isRunning()).isTrue();
        assertThat(n2.udpAddress().getPort()).isPositive();
    }

    @Test
    void whenUnknownFunctionOrBadBody_thenSpecificProblems() throws Exception {
        HttpResponse<String> unknown = post("/amf-teleport", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no function named 'amf-teleport'");
        HttpResponse<String> bad = post("/nrf-register", "{not json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("INVALID_MSG_FORMAT").contains("NfProfile");
        HttpResponse<String> empty = post("/nrf-register", "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("MANDATORY_IE_MISSING");
        HttpResponse<String> invalid = post("/nrf-register", "{\"nfInstanceId\":\"not-a-uuid\",\"nfType\":\"AMF\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("MANDATORY_IE_INCORRECT");
    }
}
