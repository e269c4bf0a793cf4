package io.liquid5gc.ausf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.testing.MovableClock;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.ausf.AuthenticationInfo;
import io.liquid5gc.sbi.ausf.AusfApi;
import io.liquid5gc.sbi.ausf.AusfAuthenticateRequest;
import io.liquid5gc.sbi.ausf.AusfAuthenticateResponse;
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
import io.liquid5gc.security.aka.SeafAka;
import io.liquid5gc.security.aka.UeAuthResult;
import io.liquid5gc.security.aka.Usim;
import io.liquid5gc.security.kdf.KeyHierarchy;
import io.liquid5gc.security.kdf.ServingNetworkName;
import io.liquid5gc.security.milenage.Sqn;
import io.liquid5gc.security.milenage.UsimSqnState;
import io.liquid5gc.security.suci.HomeNetworkKey;
import io.liquid5gc.security.suci.SuciConcealer;
import io.liquid5gc.security.suci.SuciScheme;
import io.liquid5gc.security.suci.Supi;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home-network chain of 5G AKA, AUSF -> UDM -> UDR, all in one process through the FunctionClient (local
 * placement), driven as the AMF/SEAF drives it and answered by a simulated USIM; for the in-process store and Redis.
 */
abstract class AusfChainContract {

    static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    static final String OPC = "e8ed289deba952e4283b54e88e6183ca";
    static final String SNN = "5G:mnc001.mcc001.3gppnetwork.org";
    /** TS 33.501 C.4.3 test key (published: never for a real network). */
    static final String PROFILE_A_PRIVATE = "c53c22208b61860b06c62e5406a7b330c2b577aa5558981510d128247d38bd1d";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Core {
        @Bean
        Clock testClock() {
            return new MovableClock(java.time.Instant.now()); // real time: the chain also meets clocks it does not own
        }
    }

    protected static ConfigurableApplicationContext core;
    protected FunctionClient client;
    protected MovableClock clock;
    protected String imsi;
    protected String supi;

    static void startCore(String... extra) {
        List<String> props = new ArrayList<>(List.of("liquid5gc.store.memory.journal=none", "spring.application.name=ausf-test",
                "liquid5gc.udm.home-network-keys[0].id=1", "liquid5gc.udm.home-network-keys[0].scheme=profile-a",
                "liquid5gc.udm.home-network-keys[0].private-key=" + PROFILE_A_PRIVATE,
                "liquid5gc.ausf.serving-plmns=001-01,208-93", "liquid5gc.ausf.auth-context-ttl=30s"));
        props.addAll(List.of(extra));
        core = new SpringApplicationBuilder(Core.class).web(WebApplicationType.NONE).properties(props.toArray(String[]::new)).run();
    }

    @AfterAll
    static void stopCore() {
        if (core != null) {
            core.close();
            core = null;
        }
    }

    @BeforeEach
    void provision() {
        client = core.getBean(FunctionClient.class);
        clock = (MovableClock) core.getBean(Clock.class);
        imsi = "00101" + String.format("%010d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000_000L));
        supi = "imsi-" + imsi;
        SubscriptionData data = new SubscriptionData(supi, new AuthenticationSubscription("5G_AKA", K, "none",
                new AuthenticationSubscription.SequenceNumber("NON_TIME_BASED", "000000000000", 5), "8000", "milenage", OPC, supi),
                null, null, null);
        client.call(UdrApi.DATA_WRITE, new DataWriteRequest(supi, DataWriteRequest.Operation.PUT, data, null));
    }

    String suci() {
        byte[] hnPublicKey = new HomeNetworkKey(1, SuciScheme.PROFILE_A, Hex.decode(PROFILE_A_PRIVATE)).publicKey();
        return SuciConcealer.conceal(Supi.imsi(imsi), 2, "0000", SuciScheme.PROFILE_A, 1, hnPublicKey).format();
    }

    UeAuthenticationCtx authenticate(String supiOrSuci, ResynchronizationInfo resync) {
        AusfAuthenticateResponse r = client.call(AusfApi.AUTHENTICATE,
                AusfAuthenticateRequest.authenticate(new AuthenticationInfo(supiOrSuci, SNN, resync)));
        assertThat(r.confirmationDataResponse()).isNull();
        return r.ueAuthenticationCtx();
    }

    ConfirmationDataResponse confirm(String authCtxId, String resStar) {
        AusfAuthenticateResponse r = client.call(AusfApi.AUTHENTICATE, AusfAuthenticateRequest.confirm(authCtxId, resStar));
        assertThat(r.ueAuthenticationCtx()).isNull();
        return r.confirmationDataResponse();
    }

    static Usim usim(UsimSqnState state) {
        return new Usim(Hex.decode(K), Hex.decode(OPC), state);
    }

    static UeAuthResult answer(Usim usim, UeAuthenticationCtx ctx) {
        return usim.authenticate(Hex.decode(ctx.fiveGAuthData().rand()), Hex.decode(ctx.fiveGAuthData().autn()), new ServingNetworkName(SNN));
    }

    static void assertProblem(Runnable call, int status, String cause) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.problem().cause()).as(e.getMessage()).isEqualTo(cause);
        });
    }

    @Test
    void whenTheUeAnswersTheChallengeOfItsSuci_thenSuccessWithItsSupiAndTheKseafItDerivesToo() {
        UeAuthenticationCtx ctx = authenticate(suci(), null);
        assertThat(ctx.authType()).isEqualTo("5G_AKA");
        assertThat(ctx.links().get("5g-aka").href()).endsWith("/ue-authentications/" + ctx.authCtxId() + "/5g-aka-confirmation");
        String wire = new JsonMapper().writeValueAsString(ctx);
        assertThat(wire).contains("\"5gAuthData\"").contains("\"_links\"").contains("hxresStar")
                .doesNotContain("\"xresStar\"").doesNotContain("kausf");

        UeAuthResult.Success ue = (UeAuthResult.Success) answer(usim(new UsimSqnState()), ctx);
        // the SEAF's own check of RES* against HXRES* (TS 33.501 6.1.3.2.0 step 10)
        assertThat(SeafAka.checkHresStar(Hex.decode(ctx.fiveGAuthData().rand()), ue.resStar(), Hex.decode(ctx.fiveGAuthData().hxresStar()))).isTrue();

        ConfirmationDataResponse ok = confirm(ctx.authCtxId(), Hex.encode(ue.resStar()));
        assertThat(ok.authResult()).isEqualTo("AUTHENTICATION_SUCCESS");
        assertThat(ok.supi()).isEqualTo(supi);
        assertThat(ok.kseaf()).isEqualTo(Hex.encode(KeyHierarchy.kseaf(ue.kausf(), new ServingNetworkName(SNN))));
        assertThat(ok.toString()).doesNotContain(ok.kseaf());
    }

    @Test
    void whenResStarIsWrong_thenFailureWithoutSupiOrKseafAndTheContextIsUsedUp() {
        UeAuthenticationCtx ctx = authenticate(supi, null);
        ConfirmationDataResponse failed = confirm(ctx.authCtxId(), "00112233445566778899aabbccddeeff");
        assertThat(failed.authResult()).isEqualTo("AUTHENTICATION_FAILURE");
        assertThat(failed.supi()).isNull();
        assertThat(failed.kseaf()).isNull();
        UeAuthResult.Success ue = (UeAuthResult.Success) answer(usim(new UsimSqnState()), ctx);
        assertProblem(() -> confirm(ctx.authCtxId(), Hex.encode(ue.resStar())), 409, "AUTH_CONTEXT_ALREADY_CONFIRMED");
    }

    @Test
    void whenConfirmedTwice_thenTheSecondIsRejectedAsAlreadyConfirmed() {
        UeAuthenticationCtx ctx = authenticate(supi, null);
        UeAuthResult.Success ue = (UeAuthResult.Success) answer(usim(new UsimSqnState()), ctx);
        assertThat(confirm(ctx.authCtxId(), Hex.encode(ue.resStar())).authResult()).isEqualTo("AUTHENTICATION_SUCCESS");
        double replayed = replays();
        assertProblem(() -> confirm(ctx.authCtxId(), Hex.encode(ue.resStar())), 409, "AUTH_CONTEXT_ALREADY_CONFIRMED");
        assertThat(replays()).isEqualTo(replayed + 1);
    }

    private double replays() {
        var c = core.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("liquid5gc.ausf.confirmations").tag("result", "replayed").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void whenTheSameConfirmationArrivesEightTimesAtOnce_thenExactlyOneSucceeds() throws Exception {
        UeAuthenticationCtx ctx = authenticate(supi, null);
        String resStar = Hex.encode(((UeAuthResult.Success) answer(usim(new UsimSqnState()), ctx)).resStar());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        return confirm(ctx.authCtxId(), resStar).authResult();
                    } catch (ProblemException e) {
                        return e.problem().cause();
                    }
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (var f : outcomes) {
                results.add(f.get());
            }
            assertThat(results).filteredOn("AUTHENTICATION_SUCCESS"::equals).hasSize(1);
            assertThat(results).filteredOn("AUTH_CONTEXT_ALREADY_CONFIRMED"::equals).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenTheConfirmationComesAfterTheContextExpired_thenAuthContextExpired() {
        UeAuthenticationCtx ctx = authenticate(supi, null);
        UeAuthResult.Success ue = (UeAuthResult.Success) answer(usim(new UsimSqnState()), ctx);
        clock.advance(Duration.ofSeconds(31));
        assertProblem(() -> confirm(ctx.authCtxId(), Hex.encode(ue.resStar())), 404, "AUTH_CONTEXT_EXPIRED");
        assertProblem(() -> confirm(ctx.authCtxId(), Hex.encode(ue.resStar())), 404, "CONTEXT_NOT_FOUND");
    }

    @Test
    void whenTheContextIsUnknownOrTheRequestMalformed_thenSpecificProblems() {
        assertProblem(() -> confirm(UUID.randomUUID().toString(), "00112233445566778899aabbccddeeff"), 404, "CONTEXT_NOT_FOUND");
        assertProblem(() -> confirm(UUID.randomUUID().toString(), "0011"), 400, "MANDATORY_IE_INCORRECT");
        assertProblem(() -> client.call(AusfApi.AUTHENTICATE, new AusfAuthenticateRequest(null, null, null)), 400, "MANDATORY_IE_MISSING");
        assertProblem(() -> client.call(AusfApi.AUTHENTICATE, AusfAuthenticateRequest.authenticate(new AuthenticationInfo(supi, null, null))),
                400, "MANDATORY_IE_MISSING");
    }

    @Test
    void whenTheServingNetworkIsNotOneOfTheAusfs_thenServingNetworkNotAuthorizedAndNoSqnIsUsed() {
        assertProblem(() -> client.call(AusfApi.AUTHENTICATE, AusfAuthenticateRequest.authenticate(
                new AuthenticationInfo(supi, "5G:mnc099.mcc999.3gppnetwork.org", null))), 403, "SERVING_NETWORK_NOT_AUTHORIZED");
        assertThat(client.call(UdrApi.DATA_READ, DataReadRequest.of(supi, UdrDataSet.AUTHENTICATION_SUBSCRIPTION))
                .authenticationSubscription().sequenceNumber().sqn()).isEqualTo("000000000000");
        // a configured PLMN with a 2-digit MNC is written with a leading 0 (TS 24.501 9.12.1)
        assertThat(client.call(AusfApi.AUTHENTICATE, AusfAuthenticateRequest.authenticate(
                new AuthenticationInfo(supi, "5G:mnc093.mcc208.3gppnetwork.org", null))).ueAuthenticationCtx()).isNotNull();
    }

    @Test
    void whenTheSubscriberIsUnknown_thenUserNotFoundReachesTheAmf() {
        assertProblem(() -> authenticate("imsi-999990000000001", null), 404, "USER_NOT_FOUND");
    }

    @Test
    void whenTheSuciMacIsWrong_thenAuthenticationRejectedReachesTheAmf() {
        String suci = suci();
        String tampered = suci.substring(0, suci.length() - 1) + (suci.endsWith("0") ? "1" : "0");
        assertProblem(() -> authenticate(tampered, null), 403, "AUTHENTICATION_REJECTED");
    }

    @Test
    void whenTheUeReportsASynchFailure_thenAuthenticationWithAutsGivesAVectorItAccepts() {
        Usim usim = usim(UsimSqnState.startingAt(Sqn.of(777, 1, 5), 5));
        UeAuthenticationCtx first = authenticate(suci(), null);
        UeAuthResult r = answer(usim, first);
        assertThat(r).isInstanceOf(UeAuthResult.SynchFailure.class);
        // TS 33.501 6.1.3.3.2: the SEAF starts a new authentication with RAND and AUTS
        UeAuthenticationCtx second = authenticate(suci(), new ResynchronizationInfo(first.fiveGAuthData().rand(),
                Hex.encode(((UeAuthResult.SynchFailure) r).auts())));
        UeAuthResult.Success ue = (UeAuthResult.Success) answer(usim, second);
        ConfirmationDataResponse ok = confirm(second.authCtxId(), Hex.encode(ue.resStar()));
        assertThat(ok.authResult()).isEqualTo("AUTHENTICATION_SUCCESS");
        assertThat(ok.supi()).isEqualTo(supi);
    }

    @Test
    void whenTheAusfOrAmfAsksTheUdrForKAndOpc_thenRefused() {
        // the caller is who its token says: the UDR's functions are for the UDM only (sbi-api SbiAuthorization)
        for (NfType nf : List.of(NfType.AUSF, NfType.AMF)) {
            assertProblem(() -> io.liquid5gc.sbi.security.Caller.callAs(io.liquid5gc.sbi.security.Caller.ofToken(
                            io.liquid5gc.sbi.security.ConsumerType.of(nf), "test-" + nf),
                            () -> client.call(UdrApi.DATA_READ, DataReadRequest.of(supi, UdrDataSet.AUTHENTICATION_SUBSCRIPTION))),
                    403, "ACCESS_TOKEN_DENIED");
        }
    }
}
