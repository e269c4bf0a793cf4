package io.liquid5gc.ausf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.placement.FunctionCallException;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.ausf.AuthenticationInfo;
import io.liquid5gc.sbi.ausf.AusfApi;
import io.liquid5gc.sbi.ausf.AusfAuthenticateRequest;
import io.liquid5gc.sbi.ausf.ConfirmationDataResponse;
import io.liquid5gc.sbi.ausf.UeAuthenticationCtx;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.udm.ResynchronizationInfo;
import io.liquid5gc.sbi.udr.AuthenticationSubscription;
import io.liquid5gc.sbi.udr.DataReadRequest;
import io.liquid5gc.sbi.udr.DataWriteRequest;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.sbi.udr.UdrApi;
import io.liquid5gc.sbi.udr.UdrDataSet;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.aka.UeAuthResult;
import io.liquid5gc.security.aka.Usim;
import io.liquid5gc.security.kdf.ServingNetworkName;
import io.liquid5gc.security.milenage.Sqn;
import io.liquid5gc.security.milenage.UsimSqnState;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import io.liquid5gc.runtime.security.TestTokenIssuer;
import io.liquid5gc.sbi.security.Caller;
import io.liquid5gc.sbi.security.ConsumerType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * AUSF -> UDM in this JVM, UDR as a separate application in its own JVM (class path without the UDM and AUSF),
 * reached with {@code http} placement: the same 5G AKA, the same errors, over the wire.
 */
class AusfChainHttpUdrTest {

    private static final String K = AusfChainContract.K;
    private static final String OPC = AusfChainContract.OPC;
    private static final String SNN = AusfChainContract.SNN;
    private static Process udrProcess;
    private static ConfigurableApplicationContext core;
    private static FunctionClient client;
    private static int udrPort;

    @BeforeAll
    static void startUdrProcessAndCore() throws Exception {
        int port = freePort();
        udrPort = port;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(Path.of("target"));
        // the UDR alone enforces access tokens (the default): it is given the public key of the issuer the core uses
        TestTokenIssuer nrf = new TestTokenIssuer();
        udrProcess = new ProcessBuilder(java, "-Xmx256m", "-cp", udrOnlyClassPath(), "io.liquid5gc.udr.UdrApplication",
                "--server.port=" + port, "--server.address=127.0.0.1", "--liquid5gc.store.memory.journal=none",
                "--liquid5gc.security.jwks=" + nrf.publicJwks(), "--liquid5gc.tenants[0].name=campus-a",
                "--liquid5gc.tenants[0].snssais=1-010203")
                .redirectErrorStream(true).redirectOutput(Path.of("target", "udr-process.log").toFile()).start();
        awaitReady("http://127.0.0.1:" + port + "/actuator/health/readiness", Duration.ofSeconds(90));
        core = new SpringApplicationBuilder(AusfChainContract.Core.class).web(WebApplicationType.NONE).properties(
                "liquid5gc.store.memory.journal=none", "spring.application.name=ausf-udm",
                "liquid5gc.nf.udr.placement=http", "liquid5gc.nf.udr.url=http://127.0.0.1:" + port,
                "liquid5gc.ausf.serving-plmns=001-01")
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testTokenIssuer", nrf)).run();
        client = core.getBean(FunctionClient.class);
    }

    @AfterAll
    static void stop() {
        if (core != null) {
            core.close();
        }
        if (udrProcess != null) {
            udrProcess.destroy();
        }
    }

    private static String provision(String imsi) {
        String supi = "imsi-" + imsi;
        SubscriptionData data = new SubscriptionData(supi, new AuthenticationSubscription("5G_AKA", K, "none",
                new AuthenticationSubscription.SequenceNumber("NON_TIME_BASED", "000000000000", 5), "8000", "milenage", OPC, supi),
                null, null, null);
        // provisioned as the UDM does it (the test's own calls are outside any function)
        asUdm(() -> client.call(UdrApi.DATA_WRITE, new DataWriteRequest(supi, DataWriteRequest.Operation.PUT, data, null)));
        return supi;
    }

    private static UeAuthenticationCtx authenticate(String supi, ResynchronizationInfo resync) {
        return client.call(AusfApi.AUTHENTICATE, AusfAuthenticateRequest.authenticate(new AuthenticationInfo(supi, SNN, resync)))
                .ueAuthenticationCtx();
    }

    private static UeAuthResult answer(Usim usim, UeAuthenticationCtx ctx) {
        return usim.authenticate(Hex.decode(ctx.fiveGAuthData().rand()), Hex.decode(ctx.fiveGAuthData().autn()), new ServingNetworkName(SNN));
    }

    @Test
    void whenTheUdrIsASeparateProcess_thenAuthenticationWithResynchronisationSucceedsOverHttp() {
        String supi = provision("001010000000101");
        Usim usim = new Usim(Hex.decode(K), Hex.decode(OPC), UsimSqnState.startingAt(Sqn.of(42, 1, 5), 5));
        UeAuthenticationCtx first = authenticate(supi, null);
        UeAuthResult r = answer(usim, first);
        assertThat(r).isInstanceOf(UeAuthResult.SynchFailure.class);
        UeAuthenticationCtx second = authenticate(supi, new ResynchronizationInfo(first.fiveGAuthData().rand(),
                Hex.encode(((UeAuthResult.SynchFailure) r).auts())));
        UeAuthResult.Success ue = (UeAuthResult.Success) answer(usim, second);
        ConfirmationDataResponse ok = client.call(AusfApi.AUTHENTICATE, AusfAuthenticateRequest.confirm(second.authCtxId(),
                Hex.encode(ue.resStar()))).confirmationDataResponse();
        assertThat(ok.authResult()).isEqualTo("AUTHENTICATION_SUCCESS");
        assertThat(ok.supi()).isEqualTo(supi);
        // the UDM reached the UDR over http only
        MeterRegistry meters = core.getBean(MeterRegistry.class);
        assertThat(meters.find("liquid5gc.function.calls").tag("function", "udr-data-write").tag("placement", "http").timers())
                .isNotEmpty();
        assertThat(client.placementOf(NfType.UDR)).isEqualTo(Placement.HTTP);
    }

    @Test
    void whenAChainRunsForATenant_thenTheRemoteUdrBillsItToThatTenantAndALabelWithoutATokenIsRefused() throws Exception {
        String supi = provision("001010000000104");
        io.liquid5gc.runtime.metering.Tenancy.callAs("campus-a", () -> authenticate(supi, null));
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + udrPort;
        java.util.function.Supplier<String> scrape = () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        // the UDM passed the tenant on with its access token: the UDR process billed its read to campus-a
        assertThat(metered(scrape.get(), "campus-a", "udr-data-read")).isGreaterThanOrEqualTo(1);
        assertThat(metered(scrape.get(), "platform", "udr-data-write")).as("the provisioning, outside any tenant").isGreaterThanOrEqualTo(1);
        // a caller without a token cannot even be served, let alone bill a tenant
        double before = metered(scrape.get(), "campus-a", "udr-data-read");
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base + "/udr-data-read"))
                .header("Content-Type", "application/json").header(io.liquid5gc.runtime.metering.Tenancy.HEADER, "campus-a")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ueId\":\"" + supi + "\",\"dataSets\":[\"AUTHENTICATION_SUBSCRIPTION\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(metered(scrape.get(), "campus-a", "udr-data-read")).isEqualTo(before);
    }

    /** The value of liquid5gc_metering_invocations_total for a tenant and function in a Prometheus scrape (0 when absent). */
    private static double metered(String scrape, String tenant, String function) {
        return scrape.lines().filter(l -> l.startsWith("liquid5gc_metering_invocations_total{") && l.contains("tenant=\"" + tenant + "\"")
                        && l.contains("function=\"" + function + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void whenTheSubscriberIsUnknownAtTheRemoteUdr_thenUserNotFoundReachesTheAmf() {
        assertThatThrownBy(() -> authenticate("imsi-001019999999999", null)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.problem().cause()).isEqualTo("USER_NOT_FOUND");
        });
    }

    @Test
    void whenAnAmfAsksTheRemoteUdrForK_thenItAnswers403OverTheWire() {
        String supi = provision("001010000000102");
        // an AMF gets no token for the UDR's service from the NRF, so the call never carries K's request
        assertThatThrownBy(() -> Caller.callAs(Caller.ofFunction(ConsumerType.AMF),
                () -> client.call(UdrApi.DATA_READ, DataReadRequest.of(supi, UdrDataSet.AUTHENTICATION_SUBSCRIPTION))))
                .isInstanceOfSatisfying(FunctionCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FunctionCallException.Kind.PEER_ERROR);
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.problem().cause()).isEqualTo("ACCESS_TOKEN_DENIED");
                    assertThat(e.getMessage()).doesNotContain(K);
                });
    }

    @Test
    void whenManyAuthenticationsOfOneSubscriberRaceOverHttp_thenEveryChallengeHasItsOwnSqn() throws Exception {
        String supi = provision("001010000000103");
        int n = 32;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        try {
            java.util.List<java.util.concurrent.Future<UeAuthenticationCtx>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> authenticate(supi, null)));
            }
            java.util.Set<Long> sqns = new java.util.HashSet<>();
            for (var f : futures) {
                UeAuthenticationCtx ctx = f.get();
                byte[] rand = Hex.decode(ctx.fiveGAuthData().rand());
                byte[] autn = Hex.decode(ctx.fiveGAuthData().autn());
                byte[] ak = io.liquid5gc.security.milenage.Milenage.withOpc(Hex.decode(K), Hex.decode(OPC)).f5(rand);
                long sqn = 0;
                for (int i = 0; i < 6; i++) {
                    sqn = sqn << 8 | ((autn[i] ^ ak[i]) & 0xff);
                }
                assertThat(sqns.add(sqn)).as("SQN %x used twice", sqn).isTrue();
            }
            assertThat(sqns).hasSize(n);
        } finally {
            pool.shutdownNow();
        }
    }

    /** This JVM's class path without the UDM, the AUSF and the tests: the process deploys only the UDR. */
    private static String udrOnlyClassPath() {
        Pattern otherNf = Pattern.compile(".*[/\\\\](nf-(?!udr)[a-z0-9]+)([/\\\\-].*)?");
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !otherNf.matcher(entry).matches())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitReady(String url, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!udrProcess.isAlive()) {
                throw new IllegalStateException("the UDR process exited with " + udrProcess.exitValue() + "; see target/udr-process.log");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the UDR process was not ready within " + timeout + "; see target/udr-process.log");
    }

    private static <T> T asUdm(java.util.function.Supplier<T> call) {
        return Caller.callAs(Caller.ofFunction(ConsumerType.UDM), call::get);
    }
}
