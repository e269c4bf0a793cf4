package io.liquid5gc.udr.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.milenage.Milenage;
import io.liquid5gc.udr.SubscriberRepository;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Provisioning (add, import, list, show, remove) against a real store; run for the in-process store and for Redis. */
abstract class SubscriberProvisioningContract {

    static final String K = "465B5CE8B199B49FAA5F0A2EE238A6BC";
    static final String OPC = "E8ED289DEBA952E4283B54E88E6183CA";
    private static final JsonMapper JSON = new JsonMapper();

    protected KeyValueStore store;
    protected SubscriberRepository repository;
    protected SubscriberProvisioning provisioning;
    /** A 10-digit MSIN prefix of this test's own IMSIs (the Redis server is shared by the class). */
    protected String base;

    protected abstract KeyValueStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
        repository = new SubscriberRepository(store, JSON, io.liquid5gc.udr.keys.TestKeks.cipher());
        provisioning = new SubscriberProvisioning(repository);
        base = "00101" + String.format("%05d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000L));
    }

    @AfterEach
    void close() {
        store.scan(SubscriberRepository.KEY_PREFIX + "imsi-" + base, 100_000).keySet().forEach(store::delete);
        store.close();
    }

    @Test
    void whenAYamlRangeOf1000IsImported_thenEachImsiIsProvisionedWithTheSameKeysAndSlices() {
        String yaml = """
                subscribers:
                  - imsi: "%s00000"
                    count: 1000
                    k: "%s"
                    opc: "%s"
                    amf: "8000"
                    slices:
                      - { sst: 1, sd: 0x010203, dnns: [internet, ims] }
                      - { sst: 2, dnns: [iot] }
                """.formatted(base, K, OPC);
        SubscriberProvisioning.Outcome o = provisioning.importAll(SubscriberFiles.parse(yaml, SubscriberFiles.Format.YAML, JSON), false);
        assertThat(o.created()).isEqualTo(1000);
        assertThat(o.first()).isEqualTo("imsi-" + base + "00000");
        assertThat(o.last()).isEqualTo("imsi-" + base + "00999");
        assertThat(store.scan(SubscriberRepository.KEY_PREFIX + "imsi-" + base, 5000)).hasSize(1000);
        SubscriptionData last = repository.find("imsi-" + base + "00999").orElseThrow();
        assertThat(last.authenticationSubscription().encPermanentKey()).isEqualTo(K.toLowerCase());
        assertThat(last.authenticationSubscription().encOpcKey()).isEqualTo(OPC.toLowerCase());
        assertThat(last.authenticationSubscription().sequenceNumber().sqn()).isEqualTo("000000000000");
        assertThat(last.amData().nssai().singleNssais()).containsExactly(new Snssai(1, "010203"), Snssai.of(2));
        assertThat(last.smfSelData().subscribedSnssaiInfos()).containsOnlyKeys("01010203", "02");
        assertThat(last.smData()).hasSize(2);
        assertThat(last.smData().getFirst().dnnConfigurations()).containsOnlyKeys("internet", "ims");

        SubscriberProvisioning.Outcome again = provisioning.importAll(SubscriberFiles.parse(yaml, SubscriberFiles.Format.YAML, JSON), false);
        assertThat(again.created()).isZero();
        assertThat(again.skipped()).isEqualTo(1000);
    }

    @Test
    void whenACsvWithOpIsImported_thenOpcIsComputedAndOnlyOpcStored() {
        String op = "cdc202d5123e20f62b6d676ac72cb318";
        String csv = """
                # test subscribers
                imsi,count,k,op,opc,amf,sqn,slices,msisdn
                %s00010,3,%s,%s,,8000,000000000100,1-010203:internet|ims;2:iot,491700000001
                """.formatted(base, K, op);
        SubscriberProvisioning.Outcome o = provisioning.importAll(SubscriberFiles.parse(csv, SubscriberFiles.Format.CSV, JSON), false);
        assertThat(o.created()).isEqualTo(3);
        SubscriptionData d = repository.find("imsi-" + base + "00012").orElseThrow();
        assertThat(d.authenticationSubscription().encOpcKey())
                .isEqualTo(Hex.encode(Milenage.computeOpc(Hex.decode(K), Hex.decode(op))));
        assertThat(new String(store.get("subscriber/imsi-" + base + "00012").orElseThrow())).doesNotContain(op);
        assertThat(d.authenticationSubscription().sequenceNumber().sqn()).isEqualTo("000000000100");
        assertThat(d.amData().gpsis()).containsExactly("msisdn-491700000001");
    }

    @Test
    void whenShownOrListed_thenEverythingButTheSecretsIsThere() {
        provisioning.add(new SubscriberProfile(base + "00001", null, K, null, OPC, "8000", null,
                List.of(new SubscriberProfile.SliceProfile(1, "010203", List.of("internet"), true)), null, null, null), false);
        SubscriberProfile shown = provisioning.show(base + "00001");
        assertThat(shown.k()).isEqualTo("***");
        assertThat(shown.opc()).isEqualTo("***");
        assertThat(shown.op()).isNull();
        assertThat(shown.amf()).isEqualTo("8000");
        assertThat(shown.sqn()).isEqualTo("000000000000");
        assertThat(shown.slices()).singleElement().satisfies(s -> {
            assertThat(s.sd()).isEqualTo("010203");
            assertThat(s.dnns()).containsExactly("internet");
        });
        String json = JSON.writeValueAsString(provisioning.list(100_000));
        assertThat(json).contains(base + "00001").doesNotContainIgnoringCase(K).doesNotContainIgnoringCase(OPC);
        assertThat(shown.toString()).doesNotContainIgnoringCase(K);
    }

    @Test
    void whenAddedTwice_thenSkippedUnlessReplaced() {
        SubscriberProfile p = new SubscriberProfile(base + "00002", null, K, null, OPC, null, null, null, null, null, null);
        assertThat(provisioning.add(p, false).created()).isEqualTo(1);
        assertThat(provisioning.add(p, false).skipped()).isEqualTo(1);
        assertThat(provisioning.add(p, true).replaced()).isEqualTo(1);
        // defaults: AMF 8000, SQN 0, SST 1 with DNN internet
        SubscriptionData d = repository.find("imsi-" + base + "00002").orElseThrow();
        assertThat(d.smData()).singleElement().satisfies(sm -> assertThat(sm.dnnConfigurations()).containsOnlyKeys("internet"));
    }

    @Test
    void whenRemoved_thenGoneAndASecondRemoveIsNotFound() {
        provisioning.add(new SubscriberProfile(base + "00003", null, K, null, OPC, null, null, null, null, null, null), false);
        provisioning.remove("imsi-" + base + "00003");
        assertThat(repository.find("imsi-" + base + "00003")).isEmpty();
        assertThatThrownBy(() -> provisioning.remove(base + "00003"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().cause()).isEqualTo("USER_NOT_FOUND"));
    }

    @Test
    void whenAProfileIsInvalid_thenNothingIsWrittenAndTheErrorNamesTheFieldNotTheValue() {
        assertThatThrownBy(() -> provisioning.add(new SubscriberProfile(base + "00004", null, "00112233445566778899aabbccddeeZZ",
                null, OPC, null, null, null, null, null, null), false))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).contains("k:").doesNotContain("eeZZ"));
        assertThatThrownBy(() -> provisioning.add(new SubscriberProfile(base + "00004", null, K, OPC, OPC, null, null, null, null, null, null), false))
                .hasMessageContaining("exactly one of op and opc");
        assertThatThrownBy(() -> provisioning.add(new SubscriberProfile("99999", 10, K, null, OPC, null, null, null, null, null, null), false))
                .hasMessageContaining("overflows");
        String yaml = "- { imsi: \"" + base + "00005\", k: \"" + K + "\", opc: \"" + OPC + "\" }\n- { imsi: 1234, k: \"" + K + "\" }\n";
        assertThatThrownBy(() -> provisioning.importAll(SubscriberFiles.parse(yaml, SubscriberFiles.Format.YAML, JSON), false))
                .hasMessageContaining("subscribers[1].imsi");
        assertThat(repository.find("imsi-" + base + "00005")).isEmpty();
        String wrongType = "- { imsi: \"" + base + "00006\", k: \"" + K + "\", opc: \"" + OPC + "\", slices: [ { sst: \"" + K + "\" } ] }\n";
        assertThatThrownBy(() -> provisioning.importAll(SubscriberFiles.parse(wrongType, SubscriberFiles.Format.YAML, JSON), false))
                .hasMessageContaining("slices[0].sst").satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase(K));
    }

    @Test
    void whenTheListIsWalkedPageByPage_thenEverySubscriberOfThePrefixComesOnceInOrderAndNoOther() {
        // three ranges of different lengths under one prefix, and a neighbour outside it
        String yaml = """
                subscribers:
                  - { imsi: "%1$s00000", count: 230, k: "%2$s", opc: "%3$s" }
                  - { imsi: "%1$s09995", count: 10, k: "%2$s", opc: "%3$s" }
                  - { imsi: "%1$s5", count: 4, k: "%2$s", opc: "%3$s" }
                  - { imsi: "%1$s0000", k: "%2$s", opc: "%3$s" }
                """.formatted(base, K, OPC);
        provisioning.importAll(SubscriberFiles.parse(yaml, SubscriberFiles.Format.YAML, JSON), false);
        List<String> expected = store.scan(SubscriberRepository.KEY_PREFIX + "imsi-" + base, 10_000).keySet().stream()
                .map(k -> k.substring(SubscriberRepository.KEY_PREFIX.length() + 5)).toList();
        assertThat(expected).hasSize(230 + 10 + 4 + 1);

        List<String> walked = new java.util.ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            SubscriberProvisioning.Page page = provisioning.page(base, after, 17);
            assertThat(page.subscribers()).hasSizeLessThanOrEqualTo(17);
            page.subscribers().forEach(p -> walked.add(p.imsi()));
            after = page.next();
            pages++;
        } while (after != null && pages < 100);
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 16) / 17);

        SubscriberProvisioning.Page narrow = provisioning.page(base + "099", null, 100);
        assertThat(narrow.subscribers()).extracting(SubscriberProfile::imsi)
                .containsExactly(java.util.stream.IntStream.range(9995, 10000).mapToObj(i -> base + String.format("%05d", i)).toArray(String[]::new));
        assertThat(narrow.next()).isNull();
        assertThat(narrow.subscribers()).allSatisfy(p -> {
            assertThat(p.k()).isEqualTo("***");
            assertThat(p.opc()).isEqualTo("***");
        });
    }

    @Test
    void whenThePageAsksForABadPrefixOrCursor_thenA400NamesTheParameter() {
        assertThatThrownBy(() -> provisioning.page("12a", null, 10)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().detail()).startsWith("prefix:"));
        assertThatThrownBy(() -> provisioning.page(base, "imsi-12", 10)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().detail()).startsWith("imsi:"));
    }

    @Test
    void whenTheSlicesAreChanged_thenTheNewSlicesAndDnnsAreStoredAndTheKeysAndSqnKept() {
        provisioning.add(new SubscriberProfile(base + "00001", null, K, null, OPC, null, "000000000021", null, "4915112345678", null, null), false);
        SubscriberProfile changed = provisioning.changeSlices("imsi-" + base + "00001", List.of(
                new SubscriberProfile.SliceProfile(1, "010203", List.of("ims", "internet"), true),
                new SubscriberProfile.SliceProfile(2, null, List.of("iot"), false)));
        assertThat(changed.slices()).extracting(SubscriberProfile.SliceProfile::dnns).containsExactly(List.of("ims", "internet"), List.of("iot"));
        assertThat(changed.k()).isEqualTo("***");
        SubscriptionData stored = repository.find("imsi-" + base + "00001").orElseThrow();
        assertThat(stored.authenticationSubscription().encPermanentKey()).isEqualTo(K.toLowerCase());
        assertThat(stored.authenticationSubscription().encOpcKey()).isEqualTo(OPC.toLowerCase());
        assertThat(stored.authenticationSubscription().sequenceNumber().sqn()).isEqualTo("000000000021");
        assertThat(stored.amData().gpsis()).containsExactly("msisdn-4915112345678");
        assertThat(stored.amData().nssai().singleNssais()).containsExactly(new Snssai(1, "010203"), Snssai.of(2));
        assertThat(stored.amData().nssai().defaultSingleNssais()).containsExactly(new Snssai(1, "010203"));
        assertThat(stored.smfSelData().subscribedSnssaiInfos()).containsOnlyKeys("01010203", "02");
        assertThat(stored.smData().getFirst().dnnConfigurations()).containsOnlyKeys("ims", "internet");

        assertThatThrownBy(() -> provisioning.changeSlices("imsi-" + base + "00001",
                List.of(new SubscriberProfile.SliceProfile(1, null, List.of("no_underscores"), null))))
                .isInstanceOf(ProblemException.class).hasMessageContaining("slices.dnns");
        assertThatThrownBy(() -> provisioning.changeSlices("imsi-" + base + "00002",
                List.of(new SubscriberProfile.SliceProfile(1, null, List.of("internet"), null))))
                .isInstanceOf(ProblemException.class).satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(404));
    }
}
