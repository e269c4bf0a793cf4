package io.liquid5gc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.security.TestTokenIssuer;
import io.liquid5gc.sbi.security.AccessTokenReq;
import io.liquid5gc.sbi.security.ConsumerType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One function deployed alone, the way the image runs it (deploy/docker/Dockerfile: the NF's exec jar extracted, then
 * {@code java -jar app.jar}), with {@code liquid5gc.serve.function=nssf-slice-select}, built with {@code STORES=} (the
 * function keeps no state): its class path is the exec jar's and nothing else, holds no AWS adapter, no HTTP/3 or proxy
 * codecs and no store client (Lettuce, jetcd, gRPC), and the process answers the function correctly
 * for a caller with a real access token (signed by a test NRF key, verified against its JWKS).
 */
class FunctionUnitTest {

    static final String REQUEST = """
            {"nfType":"AMF","nfId":"amf-1",
             "sliceInfoRequestForRegistration":{"subscribedNssai":[{"subscribedSnssai":{"sst":1,"sd":"010203"},"defaultIndication":true}],
                                                "requestedNssai":[{"sst":1,"sd":"010203"},{"sst":9}]},
             "homePlmnId":{"mcc":"001","mnc":"01"},"tai":{"plmnId":{"mcc":"001","mnc":"01"},"tac":"000001"}}""";

    /** Jars a function process never loads (kept in the Lambda artifact, or never used by an NF). */
    static final List<String> NOT_ON_A_FUNCTION_CLASS_PATH = List.of("aws-lambda-java-", "spring-cloud-function-adapter-aws",
            "netty-codec-http3", "netty-codec-classes-quic", "netty-handler-proxy",
            "netty-codec-socks");

    /** The store engines' clients: a unit on the in-memory store (STORES="") holds none of them. */
    static final List<String> STORE_CLIENTS = List.of("store-redis-", "lettuce-core-", "store-etcd-", "jetcd-", "grpc-", "vertx-");

    @TempDir
    static Path dir;
    static ExtractedUnit unit;
    static int port;
    static final TestTokenIssuer NRF = new TestTokenIssuer();
    static final HttpClient HTTP = ExtractedUnit.HTTP;

    @BeforeAll
    static void startTheFunctionAlone() throws Exception {
        // as the image's extract stage with --build-arg STORES= : the NSSF's function keeps no state, no store client
        unit = ExtractedUnit.extract("nf-nssf", dir.resolve("app"), "");
        port = unit.port;
        unit.startAndAwaitReady("--liquid5gc.serve.function=nssf-slice-select", "--liquid5gc.serve.placement=faas",
                "--liquid5gc.security.jwks=" + NRF.publicJwks());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (unit != null) {
            unit.close();
        }
    }

    @Test
    void whenAFunctionRunsAlone_thenItsClassPathIsTheExecJarsWithoutTheLambdaAdapterUnusedNettyCodecsOrStoreClients() throws IOException {
        List<String> classPath = unit.classPath();
        assertThat(classPath).as("the process's class path (app.jar's manifest, entries present)").isNotEmpty()
                .anyMatch(e -> e.contains("function-runtime-"));
        assertThat(classPath).noneMatch(entry -> NOT_ON_A_FUNCTION_CLASS_PATH.stream().anyMatch(entry::contains));
        assertThat(unit.libJars()).as("lib/ holds the class path and nothing else").hasSameSizeAs(classPath)
                .noneMatch(jar -> STORE_CLIENTS.stream().anyMatch(jar::startsWith));
        // what the image's Spring AOT switch reads: the engine left out is named
        assertThat(java.nio.file.Files.readAllLines(unit.dir.resolve("pruned-stores"))).containsExactly("redis");
    }

    @Test
    void whenTheUnitIsCalledAtItsRootWithTheAmfsToken_thenTheSubscribedSliceServedInTheTaIsAllowed() throws Exception {
        HttpResponse<String> answer = post("/", tokenOfAmf());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"allowedSnssai\":{\"sst\":1,\"sd\":\"010203\"}");
        assertThat(answer.body()).contains("\"rejectedNssaiInPlmn\":[{\"sst\":9}]");
    }

    @Test
    void whenTheUnitIsCalledWithoutAToken_thenTheFunctionDoesNotRunAndTheAnswerIs401() throws Exception {
        HttpResponse<String> answer = post("/nssf-slice-select", null);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.body()).doesNotContain("allowedSnssai");
    }

    static String tokenOfAmf() {
        return NRF.issue(new AccessTokenReq("5b0e7f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b", ConsumerType.AMF, "NSSF", null,
                "nnssf-nsselection")).accessToken();
    }

    static HttpResponse<String> post(String path, String token) throws Exception {
        return post(port, path, token);
    }

    static HttpResponse<String> post(int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(REQUEST));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
