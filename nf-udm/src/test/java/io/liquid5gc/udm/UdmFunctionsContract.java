package io.liquid5gc.udm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.udm.AccessAndMobilitySubscriptionData;
import io.liquid5gc.sbi.udm.Ambr;
import io.liquid5gc.sbi.udm.AuthenticationInfoRequest;
import io.liquid5gc.sbi.udm.AuthenticationInfoResult;
import io.liquid5gc.sbi.udm.DataSetName;
import io.liquid5gc.sbi.udm.DnnConfiguration;
import io.liquid5gc.sbi.udm.GenerateAuthDataRequest;
import io.liquid5gc.sbi.udm.Nssai;
import io.liquid5gc.sbi.udm.ResynchronizationInfo;
import io.liquid5gc.sbi.udm.SessionManagementSubscriptionData;
import io.liquid5gc.sbi.udm.SmfSelectionSubscriptionData;
import io.liquid5gc.sbi.udm.SubscriberDataRequest;
import io.liquid5gc.sbi.udm.SubscriptionDataSets;
import io.liquid5gc.sbi.udm.UdmApi;
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
import io.liquid5gc.security.milenage.Milenage;
import io.liquid5gc.security.milenage.Sqn;
import io.liquid5gc.security.milenage.UsimSqnState;
import io.liquid5gc.security.suci.HomeNetworkKey;
import io.liquid5gc.security.suci.Suci;
import io.liquid5gc.security.suci.SuciConcealer;
import io.liquid5gc.security.suci.SuciScheme;
import io.liquid5gc.security.suci.Supi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * udm-generate-auth-data and udm-get-subscriber-data with the UDR in the same process, called through the
 * FunctionClient (local placement) as the AUSF and AMF call them; run for the in-process store and for Redis.
 */
abstract class UdmFunctionsContract {

    static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    static final String OPC = "e8ed289deba952e4283b54e88e6183ca";
    static final String SNN = "5G:mnc001.mcc001.3gppnetwork.org";
    static final Snssai SLICE = new Snssai(1, "010203");
    /** TS 33.501 C.4.3 / C.4.4 test keys (published: never for a real network). */
    static final String PROFILE_A_PRIVATE = "c53c22208b61860b06c62e5406a7b330c2b577aa5558981510d128247d38bd1d";
    static final String PROFILE_B_PRIVATE = "f1ab1074477ebcc7f554ea1c5fc368b1616730155e0041ac447d6301975fecda";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Core {
    }

    protected static ConfigurableApplicationContext core;
    protected FunctionClient client;
    protected String imsi;
    protected String supi;

    static void startCore(String... extra) {
        List<String> props = new ArrayList<>(List.of("liquid5gc.store.memory.journal=none", "spring.application.name=udm-test",
                "liquid5gc.udm.home-network-keys[0].id=1", "liquid5gc.udm.home-network-keys[0].scheme=profile-a",
                "liquid5gc.udm.home-network-keys[0].private-key=" + PROFILE_A_PRIVATE,
                "liquid5gc.udm.home-network-keys[1].id=2", "liquid5gc.udm.home-network-keys[1].scheme=profile-b",
                "liquid5gc.udm.home-network-keys[1].private-key=" + PROFILE_B_PRIVATE));
        props.addAll(List.of(extra));
        core = new SpringApplicationBuilder(Core.class).web(WebApplicationType.NONE).properties(props.toArray(String[]::new)).run();
    }

    @AfterAll
    static void stopCore() {
        if (core != null) {
            core.close();
        }
    }

    @BeforeEach
    void provision() {
        client = core.getBean(FunctionClient.class);
        imsi = "00101" + String.format("%010d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000_000L));
        supi = "imsi-" + imsi;
        provision(supi, "000000000000");
    }

    void provision(String supi, String sqn) {
        DnnConfiguration cfg = new DnnConfiguration(new DnnConfiguration.PduSessionTypes("IPV4", List.of("IPV4", "IPV6")),
                new DnnConfiguration.SscModes("SSC_MODE_1", List.of("SSC_MODE_1")),
                new DnnConfiguration.SubscribedDefaultQos(9, new DnnConfiguration.Arp(8, "NOT_PREEMPT", "PREEMPTABLE"), 8),
                new Ambr("100 Mbps", "200 Mbps"));
        SubscriptionData data = new SubscriptionData(supi,
                new AuthenticationSubscription("5G_AKA", K, "none", new AuthenticationSubscription.SequenceNumber("NON_TIME_BASED", sqn, 5),
                        "8000", "milenage", OPC, supi),
                new AccessAndMobilitySubscriptionData(List.of(), new Ambr("1 Gbps", "2 Gbps"), new Nssai(List.of(SLICE), List.of(SLICE, Snssai.of(2)))),
                new SmfSelectionSubscriptionData(Map.of("01010203", new SmfSelectionSubscriptionData.SnssaiInfo(
                        List.of(new SmfSelectionSubscriptionData.DnnInfo("internet", true))))),
                List.of(new SessionManagementSubscriptionData(SLICE, Map.of("internet", cfg)),
                        new SessionManagementSubscriptionData(Snssai.of(2), Map.of("iot", cfg))));
        assertThat(client.call(UdrApi.DATA_WRITE, new DataWriteRequest(supi, DataWriteRequest.Operation.PUT, data, null)).created()).isTrue();
    }

    AuthenticationInfoResult generate(String supiOrSuci, ResynchronizationInfo resync) {
        return client.call(UdmApi.GENERATE_AUTH_DATA, new GenerateAuthDataRequest(supiOrSuci,
                new AuthenticationInfoRequest(SNN, resync, "5a1b6c9e-0d2f-4e3a-9b8c-7d6e5f4a3b2c")));
    }

    static Usim usim(UsimSqnState state) {
        return new Usim(Hex.decode(K), Hex.decode(OPC), state);
    }

    static UeAuthResult answer(Usim usim, AuthenticationInfoResult r) {
        return usim.authenticate(Hex.decode(r.authenticationVector().rand()), Hex.decode(r.authenticationVector().autn()),
                new ServingNetworkName(SNN));
    }

    /** The SQN a vector carries: AUTN[0..5] xor AK, AK = f5(RAND) (TS 33.102 6.3.2). */
    static long sqnOf(AuthenticationInfoResult r) {
        byte[] rand = Hex.decode(r.authenticationVector().rand());
        byte[] autn = Hex.decode(r.authenticationVector().autn());
        byte[] ak = Milenage.withOpc(Hex.decode(K), Hex.decode(OPC)).f5(rand);
        long sqn = 0;
        for (int i = 0; i < 6; i++) {
            sqn = sqn << 8 | ((autn[i] ^ ak[i]) & 0xff);
        }
        return sqn;
    }

    String storedSqn() {
        return client.call(UdrApi.DATA_READ, DataReadRequest.of(supi, UdrDataSet.AUTHENTICATION_SUBSCRIPTION))
                .authenticationSubscription().sequenceNumber().sqn();
    }

    static void assertProblem(Runnable call, int status, String cause) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.problem().cause()).as(e.getMessage()).isEqualTo(cause);
        });
    }

    @Test
    void whenAVectorIsGeneratedForASupi_thenTheUsimAcceptsItAndItsResStarAndKausfMatch() {
        AuthenticationInfoResult r = generate(supi, null);
        assertThat(r.authType()).isEqualTo("5G_AKA");
        assertThat(r.supi()).isEqualTo(supi);
        assertThat(r.authenticationVector().avType()).isEqualTo("5G_HE_AKA");
        assertThat(r.authenticationVector().rand()).matches("[0-9a-f]{32}");
        assertThat(r.toString()).doesNotContain(r.authenticationVector().xresStar()).doesNotContain(r.authenticationVector().kausf());
        UeAuthResult ue = answer(usim(new UsimSqnState()), r);
        assertThat(ue).isInstanceOfSatisfying(UeAuthResult.Success.class, s -> {
            assertThat(Hex.encode(s.resStar())).isEqualTo(r.authenticationVector().xresStar());
            assertThat(Hex.encode(s.kausf())).isEqualTo(r.authenticationVector().kausf());
        });
        assertThat(storedSqn()).isEqualTo(Sqn.of(1, 1, 5).toHex()); // SEQ+1, IND+1 (TS 33.102 C.3.2)
        assertThat(sqnOf(r)).isEqualTo(Sqn.of(1, 1, 5).value());
    }

    @Test
    void whenVectorsFollowEachOther_thenEachHasTheNextSqnAndTheUsimAcceptsThemAll() {
        Usim usim = usim(new UsimSqnState());
        for (int i = 0; i < 40; i++) { // across an IND wrap (32 entries)
            AuthenticationInfoResult r = generate(supi, null);
            assertThat(new Sqn(sqnOf(r))).isEqualTo(Sqn.of(i + 1, (i + 1) % 32, 5));
            assertThat(answer(usim, r)).isInstanceOf(UeAuthResult.Success.class);
        }
        assertThat(Sqn.fromHex(storedSqn()).seq(5)).isEqualTo(40);
    }

    @Test
    void whenTheSuciIsConcealedWithProfileAOrBOrTheNullScheme_thenTheUdmFindsTheSupi() {
        for (SuciScheme scheme : SuciScheme.values()) {
            byte[] publicKey = switch (scheme) {
                case PROFILE_A -> new HomeNetworkKey(1, SuciScheme.PROFILE_A, Hex.decode(PROFILE_A_PRIVATE)).publicKey();
                case PROFILE_B -> new HomeNetworkKey(2, SuciScheme.PROFILE_B, Hex.decode(PROFILE_B_PRIVATE)).publicKey();
                case NULL -> null;
            };
            Suci suci = SuciConcealer.conceal(Supi.imsi(imsi), 2, "0000", scheme, scheme == SuciScheme.PROFILE_B ? 2 : 1, publicKey);
            AuthenticationInfoResult r = generate(suci.format(), null);
            assertThat(r.supi()).as(scheme.name()).isEqualTo(supi);
        }
    }

    @Test
    void whenTheSuciMacIsWrongOrItsKeyIdUnknown_thenAuthenticationRejected() {
        byte[] publicKey = new HomeNetworkKey(1, SuciScheme.PROFILE_A, Hex.decode(PROFILE_A_PRIVATE)).publicKey();
        Suci good = SuciConcealer.conceal(Supi.imsi(imsi), 2, "0000", SuciScheme.PROFILE_A, 1, publicKey);
        byte[] tampered = good.schemeOutput().clone();
        tampered[tampered.length - 1] ^= 0x01;
        Suci badMac = new Suci(0, good.mcc(), good.mnc(), good.routingIndicator(), good.schemeId(), 1, tampered);
        assertProblem(() -> generate(badMac.format(), null), 403, "AUTHENTICATION_REJECTED");
        Suci unknownKey = new Suci(0, good.mcc(), good.mnc(), good.routingIndicator(), good.schemeId(), 9, good.schemeOutput());
        assertProblem(() -> generate(unknownKey.format(), null), 403, "AUTHENTICATION_REJECTED");
        assertProblem(() -> generate("suci-0-001-01-0000-7-1-00ff", null), 501, "UNSUPPORTED_PROTECTION_SCHEME");
        assertProblem(() -> generate("suci-garbage", null), 400, "MANDATORY_IE_INCORRECT");
        assertThat(storedSqn()).isEqualTo("000000000000"); // no SQN consumed
    }

    @Test
    void whenTheSubscriberIsUnknown_thenUserNotFound() {
        assertProblem(() -> generate("imsi-999990000000001", null), 404, "USER_NOT_FOUND");
        assertProblem(() -> client.call(UdmApi.GET_SUBSCRIBER_DATA, SubscriberDataRequest.of("imsi-999990000000001", DataSetName.AM)),
                404, "USER_NOT_FOUND");
    }

    @Test
    void whenTheUsimIsAheadAndAnswersAuts_thenTheResynchronisedVectorIsAccepted() {
        Usim usim = usim(UsimSqnState.startingAt(Sqn.of(5000, 1, 5), 5)); // ahead at IND 1, the entry of the first vector
        AuthenticationInfoResult first = generate(supi, null);
        UeAuthResult failure = answer(usim, first);
        assertThat(failure).isInstanceOf(UeAuthResult.SynchFailure.class);
        byte[] auts = ((UeAuthResult.SynchFailure) failure).auts();

        AuthenticationInfoResult resynced = generate(supi, new ResynchronizationInfo(first.authenticationVector().rand(), Hex.encode(auts)));
        assertThat(Sqn.fromHex(storedSqn()).seq(5)).isEqualTo(5001);
        assertThat(answer(usim, resynced)).isInstanceOfSatisfying(UeAuthResult.Success.class,
                s -> assertThat(Hex.encode(s.resStar())).isEqualTo(resynced.authenticationVector().xresStar()));
        // and the next ordinary vector is fresh for the USIM too
        assertThat(answer(usim, generate(supi, null))).isInstanceOf(UeAuthResult.Success.class);
    }

    @Test
    void whenAutsHasAWrongMacS_thenRejectedAndTheSqnIsUnchanged() {
        AuthenticationInfoResult first = generate(supi, null);
        String before = storedSqn();
        assertProblem(() -> generate(supi, new ResynchronizationInfo(first.authenticationVector().rand(), "00".repeat(14))),
                403, "AUTHENTICATION_REJECTED");
        assertThat(storedSqn()).isEqualTo(before);
    }

    @Test
    void whenTheRequestIsIncomplete_thenBadRequest() {
        assertProblem(() -> client.call(UdmApi.GENERATE_AUTH_DATA, new GenerateAuthDataRequest(supi, null)), 400, "MANDATORY_IE_MISSING");
        assertProblem(() -> client.call(UdmApi.GENERATE_AUTH_DATA, new GenerateAuthDataRequest(supi,
                new AuthenticationInfoRequest("mcc001.mnc01", null, "x"))), 400, "MANDATORY_IE_INCORRECT");
        assertProblem(() -> generate(supi, new ResynchronizationInfo("00", "11")), 400, "MANDATORY_IE_INCORRECT");
    }

    @Test
    void whenSubscriberDataIsAsked_thenAmSmfSelectionAndSmDataButNeverSecrets() {
        SubscriptionDataSets all = client.call(UdmApi.GET_SUBSCRIBER_DATA, SubscriberDataRequest.of(supi));
        assertThat(all.amData().nssai().defaultSingleNssais()).containsExactly(SLICE);
        assertThat(all.amData().subscribedUeAmbr().uplink()).isEqualTo("1 Gbps");
        assertThat(all.smfSelData().subscribedSnssaiInfos().get("01010203").dnnInfos()).extracting(SmfSelectionSubscriptionData.DnnInfo::dnn)
                .containsExactly("internet");
        assertThat(all.smData()).hasSize(2);
        SubscriptionDataSets sm = client.call(UdmApi.GET_SUBSCRIBER_DATA, new SubscriberDataRequest(supi, List.of(DataSetName.SM), SLICE, "internet"));
        assertThat(sm.amData()).isNull();
        assertThat(sm.smData()).singleElement().satisfies(s -> {
            assertThat(s.dnnConfigurations().get("internet").fiveGQosProfile().fiveQi()).isEqualTo(9);
            assertThat(s.dnnConfigurations().get("internet").sessionAmbr().downlink()).isEqualTo("200 Mbps");
        });
        assertThat(new tools.jackson.databind.json.JsonMapper().writeValueAsString(all)).doesNotContain(K).doesNotContain(OPC)
                .contains("\"5gQosProfile\":{\"5qi\":9");
    }

    @Test
    void whenAnotherNfAsksTheUdrForKAndOpc_thenRefused() {
        // the caller's type is what its token says; the request no longer names one
        assertProblem(() -> io.liquid5gc.sbi.security.Caller.callAs(io.liquid5gc.sbi.security.Caller.ofToken(
                        io.liquid5gc.sbi.security.ConsumerType.AMF, "amf-1"),
                        () -> client.call(UdrApi.DATA_READ, DataReadRequest.of(supi, UdrDataSet.AUTHENTICATION_SUBSCRIPTION))),
                403, "ACCESS_TOKEN_DENIED");
    }

    long udrReads() {
        return core.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("liquid5gc.function.calls")
                .tag("function", UdrApi.Names.DATA_READ).timers().stream().mapToLong(io.micrometer.core.instrument.Timer::count).sum();
    }

    @Test
    void whenTheAmfAsksForAmDataAfterTheAuthentication_thenTheUdrIsReadOnceForBoth() {
        long before = udrReads();
        generate(supi, null);
        SubscriptionDataSets am = client.call(UdmApi.GET_SUBSCRIBER_DATA, SubscriberDataRequest.of(supi, DataSetName.AM));
        assertThat(am.amData().nssai().defaultSingleNssais()).containsExactly(SLICE);
        assertThat(am.amData().subscribedUeAmbr().uplink()).isEqualTo("1 Gbps");
        assertThat(am.smData()).isNull();
        assertThat(udrReads() - before).isEqualTo(1);
        // the kept data serves one Get: the next reads the UDR and sees what was provisioned since
        DnnConfiguration cfg = new DnnConfiguration(new DnnConfiguration.PduSessionTypes("IPV4", List.of("IPV4")),
                new DnnConfiguration.SscModes("SSC_MODE_1", List.of("SSC_MODE_1")),
                new DnnConfiguration.SubscribedDefaultQos(9, new DnnConfiguration.Arp(8, "NOT_PREEMPT", "PREEMPTABLE"), 8),
                new Ambr("100 Mbps", "200 Mbps"));
        SubscriptionData current = client.call(UdrApi.DATA_READ, DataReadRequest.of(supi, UdrDataSet.AUTHENTICATION_SUBSCRIPTION));
        client.call(UdrApi.DATA_WRITE, new DataWriteRequest(supi, DataWriteRequest.Operation.PUT, new SubscriptionData(supi,
                current.authenticationSubscription(), new AccessAndMobilitySubscriptionData(List.of(), new Ambr("5 Gbps", "6 Gbps"),
                new Nssai(List.of(SLICE), List.of(SLICE))), null, List.of(new SessionManagementSubscriptionData(SLICE, Map.of("internet", cfg)))), null));
        long beforeSecond = udrReads();
        assertThat(client.call(UdmApi.GET_SUBSCRIBER_DATA, SubscriberDataRequest.of(supi, DataSetName.AM)).amData().subscribedUeAmbr().uplink())
                .isEqualTo("5 Gbps");
        assertThat(udrReads() - beforeSecond).isEqualTo(1);
    }
}
