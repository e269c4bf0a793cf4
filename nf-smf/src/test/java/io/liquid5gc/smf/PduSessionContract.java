package io.liquid5gc.smf;

import static io.liquid5gc.smf.SmfTestApp.EMBB;
import static io.liquid5gc.smf.SmfTestApp.NOT_SUBSCRIBED;
import static io.liquid5gc.smf.SmfTestApp.QUOTA_SLICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.bsf.BindingDiscoveryRequest;
import io.liquid5gc.sbi.bsf.BsfApi;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.pcf.PcfApi;
import io.liquid5gc.sbi.pcf.SmPolicyGetRequest;
import io.liquid5gc.sbi.smf.N4Session;
import io.liquid5gc.sbi.smf.N4SessionSetupRequest;
import io.liquid5gc.sbi.smf.PduSessionCreateRequest;
import io.liquid5gc.sbi.smf.PduSessionCreateResponse;
import io.liquid5gc.sbi.smf.PduSessionEstablishmentAccept;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.PduSessionReleaseResponse;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.PduSessionUpdateResponse;
import io.liquid5gc.sbi.smf.SmfApi;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PDU session chain SMF → UDM (stand-in) → NSACF → PCF → CHF → BSF through the function client in {@code local}
 * placement, every NF on. Run against the in-process store and a real Redis by the subclasses.
 */
abstract class PduSessionContract {

    static final PlmnId PLMN = new PlmnId("001", "01");
    private static final AtomicInteger SUPI = new AtomicInteger();

    abstract ConfigurableApplicationContext context();

    FunctionClient client() {
        return context().getBean(FunctionClient.class);
    }

    KeyValueStore store() {
        return context().getBean("stateStore", KeyValueStore.class);
    }

    /** A SUPI no other test uses. */
    static String newSupi() {
        return String.format("imsi-00101%010d", 1000 + SUPI.incrementAndGet() + (long) (Math.random() * 1_000_000) * 1000);
    }

    PduSessionCreateResponse create(String supi, int id, String dnn, Snssai slice, String type) {
        return client().call(SmfApi.PDU_SESSION_CREATE, new PduSessionCreateRequest(supi, id, dnn, slice, type, null, PLMN,
                "amf-instance-1", null, null));
    }

    PduSessionReleaseResponse release(String ref) {
        return client().call(SmfApi.PDU_SESSION_RELEASE, new PduSessionReleaseRequest(ref, "UE_INITIATED"));
    }

    long counter(String key) {
        return store().get(key).map(b -> Long.parseLong(new String(b, StandardCharsets.US_ASCII))).orElse(0L);
    }

    @Test
    void whenASubscribedUeAsksForInternet_thenTheAcceptCarriesAddressQosRulesAmbrAndTheN2CarriesTheUpfTunnel() {
        String supi = newSupi();
        PduSessionCreateResponse r = create(supi, 5, "internet", EMBB, "IPV4");
        assertThat(r.wasAccepted()).as("%s", r).isTrue();
        PduSessionEstablishmentAccept a = r.n1SmAccept();
        assertThat(a.pduSessionId()).isEqualTo(5);
        assertThat(a.selectedPduSessionType()).isEqualTo("IPV4");
        assertThat(a.selectedSscMode()).isEqualTo("SSC_MODE_1");
        assertThat(a.pduAddress().ipv4Addr()).startsWith("10.45.");
        assertThat(a.sessionAmbr()).isEqualTo(new Ambr("50 Mbps", "150 Mbps")); // the PCF's policy for 1-010203/internet
        assertThat(a.authorizedQosRules()).singleElement().satisfies(rule -> {
            assertThat(rule.defaultQosRule()).isTrue();
            assertThat(rule.qfi()).isEqualTo(1);
            assertThat(rule.packetFilters().getFirst().component()).isEqualTo("MATCH_ALL");
        });
        assertThat(a.authorizedQosFlowDescriptions().getFirst().fiveQi()).isEqualTo(8);
        assertThat(a.sNssai()).isEqualTo(EMBB);
        assertThat(a.dnn()).isEqualTo("internet");
        assertThat(a.cause5gsm()).isNull();
        assertThat(r.n2SmInfoType()).isEqualTo("PDU_RES_SETUP_REQ");
        assertThat(r.n2SmInfo().ulNguUpTnlInformation().transportLayerAddress()).isEqualTo("192.0.2.8");
        assertThat(r.n2SmInfo().ulNguUpTnlInformation().teid()).isGreaterThanOrEqualTo(4096);
        assertThat(r.n2SmInfo().pduSessionType()).isEqualTo("IPV4");
        assertThat(r.n2SmInfo().qosFlowSetupRequestList()).singleElement().satisfies(q -> {
            assertThat(q.qosFlowIdentifier()).isEqualTo(1);
            assertThat(q.fiveQi()).isEqualTo(8);
            assertThat(q.arp().priorityLevel()).isEqualTo(8);
        });
        assertThat(r.n2SmInfo().pduSessionAggregateMaximumBitRate()).isEqualTo(a.sessionAmbr());
        // the SM policy association exists in the PCF
        assertThat(client().call(PcfApi.POLICY_GET, new SmPolicyGetRequest(supi + "-5")).context().ipv4Address())
                .isEqualTo(a.pduAddress().ipv4Addr());
    }

    @Test
    void whenCreated_thenTheN4SessionIsCompleteStoredAndCountedAsNotSent() {
        MeterRegistry meters = context().getBean(MeterRegistry.class);
        double before = meters.get("liquid5gc.smf.n4.not.sent").tag("kind", "establishment").counter().count();
        PduSessionCreateResponse r = create(newSupi(), 1, "internet", EMBB, null);
        String ueIp = r.n1SmAccept().pduAddress().ipv4Addr();
        N4Session n4 = client().call(SmfApi.N4_SESSION_SETUP, new N4SessionSetupRequest(r.smContextRef()));
        assertThat(n4.sent()).isFalse();
        assertThat(n4.upfN4Address()).isEqualTo("127.0.0.8");
        assertThat(n4.createPdr()).hasSize(2);
        N4Session.Pdr ul = n4.createPdr().getFirst();
        assertThat(ul.pdi().sourceInterface()).isEqualTo("ACCESS");
        assertThat(ul.pdi().localFTeid()).isEqualTo(new N4Session.FTeid(r.n2SmInfo().ulNguUpTnlInformation().gtpTeid(), "192.0.2.8"));
        assertThat(ul.pdi().ueIpAddress()).isEqualTo(new N4Session.UeIpAddress(ueIp, "SOURCE"));
        assertThat(ul.outerHeaderRemoval()).isEqualTo("GTP-U/UDP/IPv4");
        N4Session.Pdr dl = n4.createPdr().get(1);
        assertThat(dl.pdi().sourceInterface()).isEqualTo("CORE");
        assertThat(dl.pdi().ueIpAddress()).isEqualTo(new N4Session.UeIpAddress(ueIp, "DESTINATION"));
        assertThat(n4.createFar()).extracting(N4Session.Far::applyAction).containsExactly(List.of("FORW"), List.of("BUFF", "NOCP"));
        assertThat(n4.createQer().getFirst()).satisfies(q -> {
            assertThat(q.ulGate()).isEqualTo("OPEN");
            assertThat(q.mbrUlKbps()).isEqualTo(50_000);
            assertThat(q.mbrDlKbps()).isEqualTo(150_000);
        });
        assertThat(meters.get("liquid5gc.smf.n4.not.sent").tag("kind", "establishment").counter().count()).isGreaterThanOrEqualTo(before + 2);
        assertThatThrownBy(() -> client().call(SmfApi.N4_SESSION_SETUP, new N4SessionSetupRequest("imsi-001010000000000-9")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().cause()).isEqualTo("CONTEXT_NOT_FOUND"));
    }

    @Test
    void whenTheGnbAnswersWithItsTunnel_thenTheN4SessionForwardsDownlinkToIt() {
        PduSessionCreateResponse r = create(newSupi(), 2, "internet", EMBB, "IPV4");
        PduSessionUpdateResponse u = client().call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(r.smContextRef(), "PDU_RES_SETUP_RSP",
                new PduSessionResourceSetupResponseTransfer(new UpTransportLayerInformation("192.0.2.50", "0000abcd"), List.of(1), List.of()), null));
        assertThat(u.upCnxState()).isEqualTo("ACTIVATED");
        assertThat(u.n4Session().version()).isEqualTo(2);
        N4Session.Far dl = u.n4Session().createFar().get(1);
        assertThat(dl.applyAction()).containsExactly("FORW");
        assertThat(dl.forwardingParameters().destinationInterface()).isEqualTo("ACCESS");
        assertThat(dl.forwardingParameters().outerHeaderCreation())
                .isEqualTo(new N4Session.OuterHeaderCreation("GTP-U/UDP/IPv4", "0000abcd", "192.0.2.50"));
        PduSessionUpdateResponse idle = client().call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(r.smContextRef(), null, null, "DEACTIVATED"));
        assertThat(idle.n4Session().createFar().get(1).applyAction()).containsExactly("BUFF", "NOCP");
        // service request: the N2 setup request again, then the new gNB tunnel
        PduSessionUpdateResponse wake = client().call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(r.smContextRef(), null, null, "ACTIVATING"));
        assertThat(wake.n2SmInfoType()).isEqualTo("PDU_RES_SETUP_REQ");
        assertThat(wake.n2SmInfo()).isEqualTo(r.n2SmInfo());
        // Xn handover: the target gNB's tunnel
        PduSessionUpdateResponse moved = client().call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(r.smContextRef(), "PATH_SWITCH_REQ",
                new PduSessionResourceSetupResponseTransfer(new UpTransportLayerInformation("192.0.2.60", "0000beef"), List.of(1), List.of()), null));
        assertThat(moved.n4Session().createFar().get(1).forwardingParameters().outerHeaderCreation().ipv4Address()).isEqualTo("192.0.2.60");
        assertThatThrownBy(() -> client().call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(r.smContextRef(), "PDU_RES_SETUP_RSP", null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> client().call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest("imsi-001010000000000-9", null, null, "DEACTIVATED")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void whenReleased_thenAddressCounterBindingAndChargingAreGivenBackAndTheN1ReleaseCommandIsAnswered() {
        String supi = newSupi();
        PduSessionCreateResponse r = create(supi, 3, "internet", QUOTA_SLICE, "IPV4");
        assertThat(r.wasAccepted()).as("%s", r).isTrue();
        String ip = r.n1SmAccept().pduAddress().ipv4Addr();
        assertThat(client().call(BsfApi.BINDING_DISCOVER, new BindingDiscoveryRequest(ip, null, null, null, null)).found()).isTrue();
        assertThat(client().call(BsfApi.BINDING_DISCOVER, new BindingDiscoveryRequest(null, null, null, supi, "internet")).pcfBinding().ipv4Addr())
                .isEqualTo(ip);
        SmContext ctx = context().getBean(SmContextStore.class).find(r.smContextRef()).orElseThrow();
        assertThat(ctx.chargingDataRef()).isNotNull();
        assertThat(ctx.nsacCounted()).isTrue();
        assertThat(store().get("nsacf/pdu/" + supi + "/3/2")).isPresent();

        PduSessionReleaseResponse rel = release(r.smContextRef());
        assertThat(rel.n1SmMsg().cause5gsm()).isEqualTo(36);
        assertThat(rel.n1SmMsg().pduSessionId()).isEqualTo(3);
        assertThat(rel.n2SmInfo().cause()).isEqualTo("nas: normal-release");
        assertThat(client().call(BsfApi.BINDING_DISCOVER, new BindingDiscoveryRequest(ip, null, null, null, null)).found()).isFalse();
        assertThat(store().get("nsacf/pdu/" + supi + "/3/2")).isEmpty();
        assertThat(store().get("smf/pool/ip/internet/" + ctx.ipOffset())).isEmpty();
        assertThat(store().get("smf/n4/" + r.smContextRef())).isEmpty();
        assertThat(new String(store().get("chf/cdr/" + ctx.chargingDataRef()).orElseThrow(), StandardCharsets.UTF_8)).contains("\"status\":\"CLOSED\"");
        assertThatThrownBy(() -> release(r.smContextRef()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().cause()).isEqualTo("CONTEXT_NOT_FOUND"));
    }

    @Test
    void whenTheDnnIsNotServed_thenReject27() {
        PduSessionCreateResponse r = create(newSupi(), 1, "nowhere", EMBB, "IPV4");
        assertThat(r.wasAccepted()).isFalse();
        assertThat(r.n1SmReject().cause5gsm()).isEqualTo(27);
        assertThat(r.error().cause()).isEqualTo("DNN_DENIED");
    }

    @Test
    void whenTheSubscriberIsUnknown_thenReject29() {
        PduSessionCreateResponse r = create("imsi-999990000000001", 1, "internet", EMBB, "IPV4");
        assertThat(r.n1SmReject().cause5gsm()).isEqualTo(29);
        assertThat(r.error().cause()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void whenTheSliceIsNotSubscribed_thenReject33() {
        assertThat(create(newSupi(), 1, "internet", NOT_SUBSCRIBED, "IPV4").n1SmReject().cause5gsm()).isEqualTo(33);
    }

    @Test
    void whenThePduSessionTypeIsNotServed_thenReject28Or50AndIpv4v6IsGrantedAsIpv4() {
        assertThat(create(newSupi(), 1, "internet", EMBB, "ETHERNET").n1SmReject().cause5gsm()).isEqualTo(28);
        assertThat(create(newSupi(), 1, "internet", EMBB, "FOO").n1SmReject().cause5gsm()).isEqualTo(28);
        assertThat(create(newSupi(), 1, "internet", EMBB, "IPV6").n1SmReject().cause5gsm()).isEqualTo(50);
        PduSessionCreateResponse dual = create(newSupi(), 1, "internet", EMBB, "IPV4V6");
        assertThat(dual.n1SmAccept().selectedPduSessionType()).isEqualTo("IPV4");
        assertThat(dual.n1SmAccept().cause5gsm()).isEqualTo(50);
    }

    @Test
    void whenTheRequestLacksMandatoryFields_thenTheAnswerIs400() {
        assertThatThrownBy(() -> client().call(SmfApi.PDU_SESSION_CREATE,
                new PduSessionCreateRequest(null, null, null, null, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().cause()).isEqualTo("MANDATORY_IE_MISSING"));
        assertThatThrownBy(() -> create(newSupi(), 16, "internet", EMBB, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void whenThePoolIsExhausted_thenReject26AndAReleasedAddressIsReused() {
        // tiny = 10.99.0.0/29: 8 addresses minus network, gateway and broadcast
        Set<String> addresses = new HashSet<>();
        List<PduSessionCreateResponse> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PduSessionCreateResponse r = create(newSupi(), 1, "tiny", EMBB, "IPV4");
            assertThat(r.wasAccepted()).as("%s", r).isTrue();
            sessions.add(r);
            addresses.add(r.n1SmAccept().pduAddress().ipv4Addr());
        }
        assertThat(addresses).containsExactlyInAnyOrder("10.99.0.2", "10.99.0.3", "10.99.0.4", "10.99.0.5", "10.99.0.6");
        PduSessionCreateResponse full = create(newSupi(), 1, "tiny", EMBB, "IPV4");
        assertThat(full.n1SmReject().cause5gsm()).isEqualTo(26);
        release(sessions.get(2).smContextRef());
        PduSessionCreateResponse again = create(newSupi(), 1, "tiny", EMBB, "IPV4");
        assertThat(again.n1SmAccept().pduAddress().ipv4Addr()).isEqualTo(sessions.get(2).n1SmAccept().pduAddress().ipv4Addr());
        sessions.forEach(s -> {
            if (s != sessions.get(2)) {
                release(s.smContextRef());
            }
        });
        release(again.smContextRef());
        assertThat(counter("smf/pool/ip/tiny/#used")).isZero();
    }

    @Test
    void whenTheSliceQuotaIsFull_thenReject69WithBackOffAndAReleaseMakesRoom() {
        // slice 2 admits 2 PDU sessions (liquid5gc.nsacf.slices[0].max-num-pdus=2); other tests release theirs
        long base = counter("nsacf/count/pdu/2");
        List<PduSessionCreateResponse> admitted = new java.util.ArrayList<>();
        PduSessionCreateResponse last = null;
        for (int i = 0; i < 3 - base; i++) {
            last = create(newSupi(), 1, "internet", QUOTA_SLICE, "IPV4");
            if (last.wasAccepted()) {
                admitted.add(last);
            }
        }
        assertThat(last.wasAccepted()).isFalse();
        assertThat(last.n1SmReject().cause5gsm()).isEqualTo(69);
        assertThat(last.n1SmReject().backOffTimerSeconds()).isEqualTo(60);
        assertThat(last.error().cause()).isEqualTo("INSUFFICIENT_RESOURCES_SLICE");
        assertThat(counter("nsacf/count/pdu/2")).isEqualTo(2);
        release(admitted.getFirst().smContextRef());
        PduSessionCreateResponse now = create(newSupi(), 1, "internet", QUOTA_SLICE, "IPV4");
        assertThat(now.wasAccepted()).isTrue();
        release(now.smContextRef());
        admitted.stream().skip(1).forEach(s -> release(s.smContextRef()));
    }

    @Test
    void whenTheChargingQuotaIsExhausted_thenReject31AndNothingStaysAllocated() {
        long used = counter("smf/pool/ip/internet/#used");
        PduSessionCreateResponse r = create("imsi-001010000000666", 1, "internet", EMBB, "IPV4");
        assertThat(r.n1SmReject().cause5gsm()).isEqualTo(31);
        assertThat(r.error().cause()).isEqualTo("CHARGING_FAILED");
        assertThat(store().get("smf/ctx/imsi-001010000000666-1")).isEmpty();
        assertThat(counter("smf/pool/ip/internet/#used")).isLessThanOrEqualTo(used);
    }

    @Test
    void whenTheSameSessionIdIsCreatedAgain_thenTheOldSessionIsReleasedFirst() {
        String supi = newSupi();
        PduSessionCreateResponse first = create(supi, 7, "tiny", EMBB, "IPV4");
        PduSessionCreateResponse second = create(supi, 7, "tiny", EMBB, "IPV4");
        assertThat(second.wasAccepted()).isTrue();
        assertThat(second.smContextRef()).isEqualTo(first.smContextRef());
        release(second.smContextRef());
        assertThat(counter("smf/pool/ip/tiny/#used")).isZero();
    }

    @Test
    void whenTheSameSessionIsEstablishedConcurrently_thenOneContextRemainsAndNothingLeaks() throws Exception {
        String supi = newSupi();
        long before = counter("smf/pool/ip/internet/#used");
        List<java.util.concurrent.Future<Object>> answers = new java.util.ArrayList<>();
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    try {
                        return create(supi, 9, "internet", EMBB, "IPV4");
                    } catch (ProblemException e) {
                        return e;
                    }
                }));
            }
        }
        for (java.util.concurrent.Future<Object> f : answers) {
            Object a = f.get();
            if (a instanceof ProblemException e) {
                assertThat(e.status()).isEqualTo(409);
            } else {
                assertThat(((PduSessionCreateResponse) a).wasAccepted()).as("%s", a).isTrue();
            }
        }
        assertThat(store().get("smf/ctx/" + supi + "-9")).isPresent();
        assertThat(counter("smf/pool/ip/internet/#used")).isEqualTo(before + 1);
        release(supi + "-9");
        assertThat(counter("smf/pool/ip/internet/#used")).isEqualTo(before);
    }
}
