package io.liquid5gc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.security.TestTokenIssuer;
import io.liquid5gc.sbi.security.AccessTokenReq;
import io.liquid5gc.sbi.security.ConsumerType;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One function deployed alone, the way the image runs it (deploy/docker/Dockerfile: the NF's exec jar extracted, then
 * {@code java -jar app.jar}), with {@code liquid5gc.serve.function=nssf-slice-select}: its class path is the exec jar's
 * and nothing else, holds no AWS adapter and no HTTP/3 or proxy codecs, and the process answers the function correctly
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

    @TempDir
    static Path unit;
    static Process process;
    static int port;
    static final TestTokenIssuer NRF = new TestTokenIssuer();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    @BeforeAll
    static void startTheFunctionAlone() throws Exception {
        Path execJar;
        try (Stream<Path> jars = Files.list(Repo.path("nf-nssf/target"))) {
            execJar = jars.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("nf-nssf's exec jar is not built (mvn package nf-nssf first)"));
        }
        // as the image's extract stage: the jar copied to app.jar, unpacked into app/app.jar + app/lib/
        Files.copy(execJar, unit.resolve("app.jar"));
        run(List.of(java(), "-Djarmode=tools", "-jar", unit.resolve("app.jar").toString(), "extract", "--destination",
                unit.resolve("app").toString()));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = unit.resolve("nssf.log");
        process = new ProcessBuilder(java(), "-XX:+UseSerialGC", "-jar", "app.jar",
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--liquid5gc.serve.function=nssf-slice-select", "--liquid5gc.serve.placement=faas",
                "--liquid5gc.security.jwks=" + NRF.publicJwks())
                .directory(unit.resolve("app").toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitReady(log);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void whenAFunctionRunsAlone_thenItsClassPathIsTheExecJarsWithoutTheLambdaAdapterOrUnusedNettyCodecs() throws IOException {
        List<String> classPath = new ArrayList<>();
        try (JarFile app = new JarFile(unit.resolve("app/app.jar").toFile())) {
            Manifest manifest = app.getManifest();
            classPath.addAll(Arrays.asList(manifest.getMainAttributes().getValue("Class-Path").trim().split("\\s+")));
        }
        assertThat(classPath).as("the process's class path (app.jar's manifest)").isNotEmpty()
                .allSatisfy(entry -> assertThat(Files.isRegularFile(unit.resolve("app").resolve(entry))).as(entry).isTrue());
        assertThat(classPath).noneMatch(entry -> NOT_ON_A_FUNCTION_CLASS_PATH.stream().anyMatch(entry::contains));
        try (Stream<Path> lib = Files.list(unit.resolve("app/lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString())).hasSameSizeAs(classPath);
        }
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(REQUEST));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Readiness, polled for up to 3 minutes (a busy CI machine starts a JVM slowly); the process dying ends the wait. */
    static void awaitReady(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the function process exited " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the function process was not ready within 3 minutes:\n" + Files.readString(log));
    }

    static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes());
        }
        if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
