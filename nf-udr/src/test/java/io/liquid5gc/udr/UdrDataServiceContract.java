package io.liquid5gc.udr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.udm.DnnConfiguration;
import io.liquid5gc.sbi.udm.Nssai;
import io.liquid5gc.sbi.udm.SessionManagementSubscriptionData;
import io.liquid5gc.sbi.udm.SmfSelectionSubscriptionData;
import io.liquid5gc.sbi.udr.AuthenticationSubscription;
import io.liquid5gc.sbi.udr.AuthenticationSubscription.SequenceNumber;
import io.liquid5gc.sbi.udr.DataReadRequest;
import io.liquid5gc.sbi.udr.DataWriteRequest;
import io.liquid5gc.sbi.udr.DataWriteResult;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.sbi.udr.UdrDataSet;
import io.liquid5gc.sbi.security.Caller;
import io.liquid5gc.sbi.security.ConsumerType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** udr-data-read and udr-data-write against a real store; run for the in-process store and for Redis. */
abstract class UdrDataServiceContract {

    static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    static final String OPC = "e8ed289deba952e4283b54e88e6183ca";
    static final Snssai SLICE = new Snssai(1, "010203");

    protected KeyValueStore store;
    protected UdrDataService udr;
    protected SubscriberRepository repository;
    protected String supi;

    protected abstract KeyValueStore newStore();

    @BeforeEach
    void provision() {
        store = newStore();
        repository = new SubscriberRepository(store, new JsonMapper(), io.liquid5gc.udr.keys.TestKeks.cipher());
        udr = new UdrDataService(repository, 1L << 20);
        // a fresh IMSI per test: the Redis server is shared by the tests of the class
        supi = "imsi-00101" + String.format("%010d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000_000L));
        assertThat(repository.create(subscriber(supi))).isTrue();
    }

    @AfterEach
    void close() {
        repository.delete(supi);
        store.close();
    }

    static SubscriptionData subscriber(String supi) {
        AuthenticationSubscription auth = new AuthenticationSubscription("5G_AKA", K, "none",
                new SequenceNumber("NON_TIME_BASED", "000000000020", 5), "8000", "milenage", OPC, supi);
        DnnConfiguration cfg = new DnnConfiguration(new DnnConfiguration.PduSessionTypes("IPV4", List.of("IPV4")),
                new DnnConfiguration.SscModes("SSC_MODE_1", List.of("SSC_MODE_1")),
                new DnnConfiguration.SubscribedDefaultQos(9, new DnnConfiguration.Arp(8, "NOT_PREEMPT", "PREEMPTABLE"), 8),
                new io.liquid5gc.sbi.udm.Ambr("1 Gbps", "1 Gbps"));
        return new SubscriptionData(supi, auth,
                new io.liquid5gc.sbi.udm.AccessAndMobilitySubscriptionData(List.of("msisdn-123456789"),
                        new io.liquid5gc.sbi.udm.Ambr("1 Gbps", "2 Gbps"), new Nssai(List.of(SLICE), List.of(SLICE, Snssai.of(2)))),
                new SmfSelectionSubscriptionData(Map.of("01010203", new SmfSelectionSubscriptionData.SnssaiInfo(
                        List.of(new SmfSelectionSubscriptionData.DnnInfo("internet", true))))),
                List.of(new SessionManagementSubscriptionData(SLICE, Map.of("internet", cfg, "ims", cfg)),
                        new SessionManagementSubscriptionData(Snssai.of(2), Map.of("iot", cfg))));
    }

    @Test
    void whenTheUdmReadsTheAuthenticationSubscription_thenItGetsKOpcAndSqn() {
        SubscriptionData d = as(ConsumerType.UDM, () -> udr.handleDataRead(DataReadRequest.of(supi, UdrDataSet.AUTHENTICATION_SUBSCRIPTION)));
        assertThat(d.authenticationSubscription().encPermanentKey()).isEqualTo(K);
        assertThat(d.authenticationSubscription().encOpcKey()).isEqualTo(OPC);
        assertThat(d.authenticationSubscription().sequenceNumber().sqn()).isEqualTo("000000000020");
        assertThat(d.amData()).isNull();
        assertThat(d.smData()).isNull();
        assertThat(d.toString()).doesNotContain(K).doesNotContain(OPC);
    }

    @Test
    void whenAnyOtherNfAsksForTheAuthenticationSubscription_thenRefused403EvenForUnknownSubscribers() {
        for (ConsumerType nf : List.of(ConsumerType.AMF, ConsumerType.AUSF, ConsumerType.SMF, ConsumerType.PCF, ConsumerType.N2_PROXY)) {
            assertThatThrownBy(() -> as(nf, () -> udr.handleDataRead(DataReadRequest.of(supi, UdrDataSet.AUTHENTICATION_SUBSCRIPTION, UdrDataSet.AM_DATA))))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.problem().cause()).isEqualTo("ACCESS_TOKEN_DENIED");
                    });
        }
        assertThatThrownBy(() -> as(ConsumerType.AMF, () -> udr.handleDataRead(DataReadRequest.of("imsi-999990000000000", UdrDataSet.AUTHENTICATION_SUBSCRIPTION))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
        // other data sets are not refused by the data service (the function table decides who calls udr-data-read)
        assertThat(as(ConsumerType.AMF, () -> udr.handleDataRead(DataReadRequest.of(supi, UdrDataSet.AM_DATA))).amData().gpsis()).containsExactly("msisdn-123456789");
    }

    @Test
    void whenTheSubscriberIsUnknown_thenUserNotFound() {
        assertThatThrownBy(() -> udr.handleDataRead(DataReadRequest.of("imsi-999990000000000", UdrDataSet.AM_DATA)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.problem().cause()).isEqualTo("USER_NOT_FOUND");
                });
    }

    @Test
    void whenSmDataIsFilteredBySliceAndDnn_thenOnlyThatConfigurationIsReturned() {
        SubscriptionData all = udr.handleDataRead(DataReadRequest.of(supi, UdrDataSet.SM_DATA, UdrDataSet.SMF_SELECTION_SUBSCRIPTION_DATA));
        assertThat(all.smData()).hasSize(2);
        assertThat(all.smfSelData().subscribedSnssaiInfos()).containsKey("01010203");
        SubscriptionData one = udr.handleDataRead(new DataReadRequest(supi, List.of(UdrDataSet.SM_DATA), SLICE, "ims"));
        assertThat(one.smData()).singleElement().satisfies(sm -> {
            assertThat(sm.singleNssai()).isEqualTo(SLICE);
            assertThat(sm.dnnConfigurations()).containsOnlyKeys("ims");
        });
        assertThat(udr.handleDataRead(new DataReadRequest(supi, List.of(UdrDataSet.SM_DATA), SLICE, "iot")).smData()).isEmpty();
    }

    @Test
    void whenTheRequestIsIncomplete_thenBadRequestNamingTheField() {
        assertThatThrownBy(() -> udr.handleDataRead(new DataReadRequest(null, List.of(UdrDataSet.AM_DATA), null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail()).contains("ueId"));
        assertThatThrownBy(() -> udr.handleDataRead(new DataReadRequest(supi, List.of(), null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail()).contains("dataSets"));
        assertThatThrownBy(() -> udr.handleDataRead(new DataReadRequest("msisdn-1", List.of(UdrDataSet.AM_DATA), null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().cause()).isEqualTo("MANDATORY_IE_INCORRECT"));
    }

    @Test
    void whenTheSqnIsUpdatedWithTheCurrentValue_thenAppliedElseTheCurrentValueIsReturned() {
        SequenceNumber next = new SequenceNumber("NON_TIME_BASED", "000000000041", 5);
        DataWriteResult ok = udr.handleDataWrite(DataWriteRequest.updateSqn(supi, "000000000020", next));
        assertThat(ok.applied()).isTrue();
        DataWriteResult stale = udr.handleDataWrite(DataWriteRequest.updateSqn(supi, "000000000020",
                new SequenceNumber("NON_TIME_BASED", "000000000041", 5)));
        assertThat(stale.applied()).isFalse();
        assertThat(stale.sequenceNumber().sqn()).isEqualTo("000000000041");
        assertThat(repository.find(supi).orElseThrow().authenticationSubscription().sequenceNumber().sqn()).isEqualTo("000000000041");
    }

    @Test
    void whenManyWritersRaceOnTheSqn_thenEveryValueIsTakenExactlyOnce() throws Exception {
        int writers = 16;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                futures.add(pool.submit((Callable<List<Long>>) () -> {
                    List<Long> taken = new ArrayList<>();
                    SequenceNumber current = repository.find(supi).orElseThrow().authenticationSubscription().sequenceNumber();
                    while (taken.size() < each) {
                        long next = Long.parseLong(current.sqn(), 16) + 1;
                        DataWriteResult r = udr.handleDataWrite(DataWriteRequest.updateSqn(supi, current.sqn(),
                                new SequenceNumber("NON_TIME_BASED", String.format("%012x", next), 5)));
                        if (r.applied()) {
                            taken.add(next);
                        }
                        current = r.sequenceNumber();
                    }
                    return taken;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> f : futures) {
                for (long v : f.get()) {
                    assertThat(all.add(v)).as("SQN %x taken twice", v).isTrue();
                }
            }
            assertThat(all).hasSize(writers * each);
            assertThat(repository.find(supi).orElseThrow().authenticationSubscription().sequenceNumber().sqn())
                    .isEqualTo(String.format("%012x", 0x20 + writers * each));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenAnotherNfWrites_thenRefused403() {
        for (ConsumerType nf : List.of(ConsumerType.AMF, ConsumerType.AUSF, ConsumerType.N2_PROXY)) {
            assertThatThrownBy(() -> as(nf, () -> udr.handleDataWrite(DataWriteRequest.updateSqn(supi, "000000000020",
                    new SequenceNumber("NON_TIME_BASED", "000000000041", 5)))))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
        assertThat(repository.find(supi).orElseThrow().authenticationSubscription().sequenceNumber().sqn()).isEqualTo("000000000020");
    }

    @Test
    void whenSomeDataSetsArePut_thenTheOthersAreKeptAndDeleteRemovesAll() {
        SubscriptionData amOnly = new SubscriptionData(supi, null, new io.liquid5gc.sbi.udm.AccessAndMobilitySubscriptionData(List.of(),
                new io.liquid5gc.sbi.udm.Ambr("5 Mbps", "10 Mbps"), new Nssai(List.of(SLICE), List.of(SLICE))), null, null);
        DataWriteResult put = udr.handleDataWrite(new DataWriteRequest(supi, DataWriteRequest.Operation.PUT, amOnly, null));
        assertThat(put.created()).isFalse();
        SubscriptionData after = repository.find(supi).orElseThrow();
        assertThat(after.amData().subscribedUeAmbr().downlink()).isEqualTo("10 Mbps");
        assertThat(after.authenticationSubscription().encPermanentKey()).isEqualTo(K);
        assertThat(after.smData()).hasSize(2);

        udr.handleDataWrite(new DataWriteRequest(supi, DataWriteRequest.Operation.DELETE, null, null));
        assertThat(repository.find(supi)).isEmpty();
        assertThatThrownBy(() -> udr.handleDataWrite(new DataWriteRequest(supi, DataWriteRequest.Operation.DELETE, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().cause()).isEqualTo("USER_NOT_FOUND"));
    }

    @Test
    void whenAnAuthenticationSubscriptionWithABadKeyIsPut_thenRefusedWithoutEchoingIt() {
        AuthenticationSubscription bad = new AuthenticationSubscription("5G_AKA", "secret-not-hex", "none",
                new SequenceNumber("NON_TIME_BASED", "000000000000", 5), "8000", "milenage", OPC, supi);
        assertThatThrownBy(() -> udr.handleDataWrite(new DataWriteRequest(supi, DataWriteRequest.Operation.PUT,
                new SubscriptionData(supi, bad, null, null, null), null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("encPermanentKey").doesNotContain("secret-not-hex");
                });
    }

    /** Runs {@code call} as a caller whose access token names this NF type. */
    static <T> T as(ConsumerType type, java.util.function.Supplier<T> call) {
        return Caller.callAs(Caller.ofToken(type, "test-" + type.name().toLowerCase(java.util.Locale.ROOT)), call::get);
    }

    // ---- keys at rest (issue 14) ----

    /** Every byte the store holds for this subscriber, as text, in upper and lower case. */
    private String stored() {
        String raw = new String(store.get(SubscriberRepository.keyOf(supi)).orElseThrow(), java.nio.charset.StandardCharsets.ISO_8859_1);
        return raw + raw.toUpperCase(java.util.Locale.ROOT);
    }

    @Test
    void whenASubscriberIsStored_thenTheStoreNeverHoldsKOrOpcInClear() {
        assertThat(stored()).doesNotContain(K).doesNotContain(K.toUpperCase(java.util.Locale.ROOT))
                .doesNotContain(OPC).doesNotContain(OPC.toUpperCase(java.util.Locale.ROOT)).contains("\"protectionParameterId\":\"test-kek-1\"");
        // after an SQN update (a re-write of the document) too, and the UDM still reads them in clear
        udr.handleDataWrite(DataWriteRequest.updateSqn(supi, "000000000020", new SequenceNumber("NON_TIME_BASED", "000000000041", 5)));
        assertThat(stored()).doesNotContain(K).doesNotContain(OPC);
        SubscriptionData d = as(ConsumerType.UDM, () -> udr.handleDataRead(DataReadRequest.of(supi, UdrDataSet.AUTHENTICATION_SUBSCRIPTION)));
        assertThat(d.authenticationSubscription().encPermanentKey()).isEqualTo(K);
        assertThat(d.authenticationSubscription().protectionParameterId()).isEqualTo("none");
    }

    @Test
    void whenTheKeyEncryptionKeyIsWrong_thenReadingFailsClearlyNamingTheKeyAndNoSecret() {
        SubscriberRepository wrong = new SubscriberRepository(store, new JsonMapper(),
                new io.liquid5gc.udr.keys.SubscriberKeyCipher(Map.of("test-kek-1", io.liquid5gc.udr.keys.TestKeks.KEK_2)));
        assertThatThrownBy(() -> wrong.find(supi)).isInstanceOf(io.liquid5gc.udr.keys.SubscriberKeyCipher.KeyProtectionException.class)
                .hasMessageContaining("'test-kek-1' does not decrypt").hasMessageContaining(supi).hasMessageNotContaining(K);
        SubscriberRepository unknown = new SubscriberRepository(store, new JsonMapper(),
                new io.liquid5gc.udr.keys.SubscriberKeyCipher(Map.of("other", io.liquid5gc.udr.keys.TestKeks.KEK_1)));
        assertThatThrownBy(() -> unknown.find(supi)).hasMessageContaining("'test-kek-1', which liquid5gc.udr.key-encryption.keys does not hold");
    }

    @Test
    void whenTheKeyIsRotated_thenWritesUseTheNewestAndReencryptAllMovesTheRest() {
        SubscriberRepository rotated = new SubscriberRepository(store, new JsonMapper(), io.liquid5gc.udr.keys.TestKeks.rotated());
        assertThat(rotated.find(supi).orElseThrow().authenticationSubscription().encPermanentKey()).isEqualTo(K); // old key still reads
        assertThat(rotated.reencryptAll()).isGreaterThanOrEqualTo(1);
        assertThat(stored()).contains("\"protectionParameterId\":\"test-kek-2\"").doesNotContain(K);
        assertThat(rotated.reencryptAll()).isZero();
        SubscriberRepository onlyNew = new SubscriberRepository(store, new JsonMapper(),
                new io.liquid5gc.udr.keys.SubscriberKeyCipher(Map.of("test-kek-2", io.liquid5gc.udr.keys.TestKeks.KEK_2)));
        assertThat(onlyNew.find(supi).orElseThrow().authenticationSubscription().encOpcKey()).isEqualTo(OPC);
    }

    @Test
    void whenUpdateSqnJumpsTooFarOrBackwards_thenItIsRefusedAndTheSqnStays() {
        for (String target : List.of("ffffffffffe0", "000000000000", "000000000020")) {
            assertThatThrownBy(() -> udr.handleDataWrite(DataWriteRequest.updateSqn(supi, "000000000020",
                    new SequenceNumber("NON_TIME_BASED", target, 5))))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
        assertThat(repository.find(supi).orElseThrow().authenticationSubscription().sequenceNumber().sqn()).isEqualTo("000000000020");
    }

    @Test
    void whenAPutClaimsItsKeysAreAlreadyProtected_thenItIsRefused() {
        AuthenticationSubscription claimed = new AuthenticationSubscription("5G_AKA", K, "test-kek-1",
                new SequenceNumber("NON_TIME_BASED", "000000000020", 5), "8000", "milenage", OPC, supi);
        assertThatThrownBy(() -> udr.handleDataWrite(new DataWriteRequest(supi, DataWriteRequest.Operation.PUT,
                new SubscriptionData(supi, claimed, null, null, null), null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
