package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.proxy.ue.UeSignalling;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.aka.Usim;
import io.liquid5gc.security.milenage.Sqn;
import io.liquid5gc.security.milenage.UsimSqnState;
import io.liquid5gc.security.suci.HomeNetworkKey;
import io.liquid5gc.security.suci.SuciScheme;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The UE's life over N2 against the all-in-one core, with the RAN simulator on SCTP over UDP (loopback): SUCI
 * Profiles A and B, resynchronisation, PDU session establishment and release, release to CM-IDLE and service
 * request, de-registration (UE and network), re-authentication, paging, N2 handover between two gNBs and the Xn
 * path switch, and 100 UEs at once. Each test uses its own subscribers (the default set, imsi-00101000000xxxx).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class UeScenariosEndToEndTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final List<SNssai> SLICE = List.of(new SNssai(1, 0x010203));
    private static final io.liquid5gc.nas.ie.SNssai NAS_SLICE = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);
    /** The all-in-one's home network keys (application.yaml): the published TS 33.501 C.4.3 / C.4.4 test keys. */
    private static final byte[] HN_PUBLIC_A = new HomeNetworkKey(1, SuciScheme.PROFILE_A,
            Hex.decode("c53c22208b61860b06c62e5406a7b330c2b577aa5558981510d128247d38bd1d")).publicKey();
    private static final byte[] HN_PUBLIC_B = new HomeNetworkKey(2, SuciScheme.PROFILE_B,
            Hex.decode("f1ab1074477ebcc7f554ea1c5fc368b1616730155e0041ac447d6301975fecda")).publicKey();
    private static final int WAIT = 20;

    @Autowired
    N2Server n2;

    @Autowired
    UeSignalling signalling;

    private SimGnb gnb;
    private SimGnb second;

    @BeforeEach
    void connectGnb() throws Exception {
        gnb = new SimGnb("001", "01", 1, 0x31, SLICE);
        assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
    }

    @AfterEach
    void closeGnbs() {
        gnb.close();
        if (second != null) {
            second.close();
        }
    }

    private static SimUe ue(int n) {
        return new SimUe(n, "001", "01", String.format("%010d", n), K, OPC, List.of(NAS_SLICE));
    }

    private SimUe registered(int n) throws Exception {
        SimUe ue = ue(n);
        assertThat(ue.register(gnb).get(WAIT, TimeUnit.SECONDS).registered()).as("registered").isTrue();
        return ue;
    }

    private SimUe withSession(int n) throws Exception {
        SimUe ue = registered(n);
        SimUe.Session s = ue.establishSession(1, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS);
        assertThat(s.established()).as("PDU session: %s", s.failure()).isTrue();
        return ue;
    }

    @Test
    void whenUesConcealTheirSupiWithProfileAAndB_thenTheyRegister() throws Exception {
        for (var protection : List.of(new SimUe.SuciProtection(SuciScheme.PROFILE_A, 1, HN_PUBLIC_A),
                new SimUe.SuciProtection(SuciScheme.PROFILE_B, 2, HN_PUBLIC_B))) {
            int n = protection.scheme() == SuciScheme.PROFILE_A ? 201 : 202;
            SimUe ue = new SimUe(n, "001", "01", String.format("%010d", n), new Usim(K, OPC, new UsimSqnState()), List.of(NAS_SLICE), protection);
            SimUe.Registration r = ue.register(gnb).get(WAIT, TimeUnit.SECONDS);
            assertThat(r.registered()).as("%s registered", protection.scheme()).isTrue();
            assertThat(ue.kgnbAtGnb()).isEqualTo(r.kgnb());
        }
    }

    @Test
    void whenTheUsimSqnIsAhead_thenSynchFailureResynchronisesAndTheUeRegisters() throws Exception {
        UsimSqnState ahead = new UsimSqnState();
        for (int ind = 0; ind < 32; ind++) {
            ahead.accept(Sqn.of(5_000, ind, 5));
        }
        SimUe ue = new SimUe(203, "001", "01", "0000000203", new Usim(K, OPC, ahead), List.of(NAS_SLICE));
        SimUe.Registration r = ue.register(gnb).get(WAIT, TimeUnit.SECONDS);
        assertThat(r.registered()).as("registered after resynchronisation").isTrue();
        assertThat(ue.authentications()).isEqualTo(1);
    }

    @Test
    void whenAUeEstablishesModifiesAndReleasesAPduSession_thenItGetsAnAddressAndTheGnbTheTunnels() throws Exception {
        SimUe ue = registered(211);
        SimUe.Session s = ue.establishSession(1, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS);
        assertThat(s.established()).as("PDU session: %s", s.failure()).isTrue();
        assertThat(s.address()).matches("10\\.\\d+\\.\\d+\\.\\d+");
        assertThat(s.qfi()).isPositive();
        assertThat(gnb.uplinkTunnel(ue, 1)).as("UPF tunnel given to the gNB").isNotNull();
        assertThat(ue.modifySession(1).get(WAIT, TimeUnit.SECONDS)).as("session AMBR of the modification command")
                .isEqualTo(s.ambrDownlinkBps()).isPositive();
        assertThat(ue.releaseSession(1).get(WAIT, TimeUnit.SECONDS)).as("5GSM cause of the release command").isEqualTo(36);
        assertThat(ue.sessions()).isEmpty();
        // a second session with the same id gets an address again
        assertThat(ue.establishSession(1, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS).established()).isTrue();
    }

    @Test
    void whenAUeAsksForAnUnknownDnn_thenTheSessionIsRejectedWithA5gsmCause() throws Exception {
        SimUe ue = registered(212);
        SimUe.Session s = ue.establishSession(2, "no-such-dnn", NAS_SLICE).get(WAIT, TimeUnit.SECONDS);
        assertThat(s.established()).isFalse();
        assertThat(s.failure()).isEqualTo("5gsm-cause-27");
        // a slice outside the allowed NSSAI: not forwarded to an SMF, the UE gets its message back with #90
        SimUe.Session other = ue.establishSession(3, "internet", io.liquid5gc.nas.ie.SNssai.of(2)).get(WAIT, TimeUnit.SECONDS);
        assertThat(other.failure()).isEqualTo("5gmm-cause-90");
    }

    @Test
    void whenTheUeGoesIdleAndComesBack_thenTheServiceRequestReactivatesItsSession() throws Exception {
        SimUe ue = withSession(221);
        var firstTunnel = gnb.downlinkTunnel(ue, 1);
        assertThat(gnb.releaseToIdle(ue).get(WAIT, TimeUnit.SECONDS)).isNotNull();
        List<Integer> reactivated = ue.serviceRequest(gnb).get(WAIT, TimeUnit.SECONDS);
        assertThat(reactivated).containsExactly(1);
        assertThat(ue.kgnbAtGnb()).as("KgNB from the Service Request's COUNT").isEqualTo(ue.kgnb());
        assertThat(gnb.downlinkTunnel(ue, 1)).as("a new downlink tunnel").isNotEqualTo(firstTunnel);
        // the NAS context and COUNTs carried on: another session works
        assertThat(ue.establishSession(2, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS).established()).isTrue();
    }

    @Test
    void whenAnIdleUeUpdatesItsRegistration_thenItIsAcceptedWithoutAuthentication() throws Exception {
        SimUe ue = withSession(225);
        String guti = ue.guti();
        gnb.releaseToIdle(ue).get(WAIT, TimeUnit.SECONDS);
        await(() -> !signalling.isConnected(ue.supi()), "the proxy processed the release");
        assertThat(ue.registrationUpdate(gnb, true).get(WAIT, TimeUnit.SECONDS)).as("periodic").isEqualTo(guti);
        assertThat(ue.connectionReleased().get(WAIT, TimeUnit.SECONDS)).as("no follow-on request: released again").isNotNull();
        assertThat(ue.authentications()).as("no new authentication").isEqualTo(1);
        await(() -> !signalling.isConnected(ue.supi()), "the proxy processed the release");
        second = new SimGnb("001", "01", 1, 0x34, SLICE);
        assertThat(second.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
        String newGuti = ue.registrationUpdate(second, false).get(WAIT, TimeUnit.SECONDS);
        assertThat(newGuti).as("mobility, through another gNB: a new 5G-GUTI (TS 33.501 6.12.3)").isNotEqualTo(guti);
        ue.connectionReleased().get(WAIT, TimeUnit.SECONDS);
        await(() -> !signalling.isConnected(ue.supi()), "the proxy processed the release");
        assertThat(ue.serviceRequest(second).get(WAIT, TimeUnit.SECONDS)).as("its session is still there").containsExactly(1);
    }

    @Test
    void whenTheUeDeregisters_thenItIsAcceptedUnlessItSwitchesOff() throws Exception {
        SimUe normal = withSession(231);
        assertThat(normal.deregister(false).get(WAIT, TimeUnit.SECONDS)).as("De-registration Accept").isTrue();
        SimUe switchOff = registered(232);
        assertThat(switchOff.deregister(true).get(WAIT, TimeUnit.SECONDS)).as("no accept for switch-off").isFalse();
        // de-registered: it must register again before a PDU session
        SimUe again = registered(231);
        assertThat(again.establishSession(1, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS).established()).isTrue();
    }

    @Test
    void whenTheNetworkDeregistersAConnectedUe_thenTheUeGetsTheRequest() throws Exception {
        SimUe ue = withSession(241);
        var outcome = signalling.deregister(ue.supi(), false, 0).orElseThrow().get(WAIT, TimeUnit.SECONDS);
        assertThat(outcome).isEqualTo(UeSignalling.NetworkProcedureOutcome.DEREGISTRATION_REQUEST_SENT);
        assertThat(ue.networkDeregistration().get(WAIT, TimeUnit.SECONDS)).isZero();
        assertThat(ue.connectionReleased().get(WAIT, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void whenTheNetworkDeregistersAnIdleUe_thenItIsPagedAndDeregisteredAtItsServiceRequest() throws Exception {
        SimUe ue = withSession(242);
        gnb.releaseToIdle(ue).get(WAIT, TimeUnit.SECONDS);
        await(() -> !signalling.isConnected(ue.supi()), "the proxy processed the release");
        var outcome = signalling.deregister(ue.supi(), true, 0).orElseThrow().get(WAIT, TimeUnit.SECONDS);
        assertThat(outcome).isEqualTo(UeSignalling.NetworkProcedureOutcome.PAGED);
        await(() -> !gnb.pagings().isEmpty(), "PAGING at the gNB");
        assertThat(gnb.pagings()).hasSize(1);
        ue.serviceRequest(gnb);
        assertThat(ue.networkDeregistration().get(WAIT, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void whenTheNetworkReauthenticatesAUe_thenItKeepsWorkingWithTheNewKeys() throws Exception {
        SimUe ue = registered(251);
        await(() -> signalling.isRegistered(ue.supi()), "the core processed the Registration Complete");
        var outcome = signalling.authenticate(ue.supi()).orElseThrow().get(WAIT, TimeUnit.SECONDS);
        assertThat(outcome).isEqualTo(UeSignalling.NetworkProcedureOutcome.AUTHENTICATION_REQUEST_SENT);
        byte[] oldKgnb = ue.kgnbAtGnb();
        await(() -> ue.securityModes() == 2, "the re-authentication's security mode control");
        assertThat(ue.establishSession(1, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS).established()).isTrue();
        assertThat(ue.authentications()).isEqualTo(2);
        assertThat(ue.kgnbAtGnb()).as("the gNB's KgNB follows the new KAMF (UE Context Modification)").isEqualTo(ue.kgnb())
                .isNotEqualTo(oldKgnb);
    }

    @Test
    void whenAUeIsHandedOverToAnotherGnb_thenTheTargetGetsTheNextHopAndTheSessionMoves() throws Exception {
        second = new SimGnb("001", "01", 1, 0x32, SLICE);
        assertThat(second.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
        SimUe ue = withSession(261);
        SimGnb.SecurityHandover target = gnb.handover(ue, second).get(WAIT, TimeUnit.SECONDS);
        assertThat(target.ncc()).isEqualTo(1);
        assertThat(target.nh()).as("NH = KDF(KAMF, KgNB), TS 33.501 A.10").isEqualTo(ue.nextHop());
        assertThat(second.downlinkTunnel(ue, 1)).isNotNull();
        // the UE is reached through the target now
        try {
            assertThat(ue.releaseSession(1).get(WAIT, TimeUnit.SECONDS)).isEqualTo(36);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no release command; error indications at source " + gnb.errorIndications() + ", target "
                    + second.errorIndications() + "; " + ue, e);
        }
    }

    @Test
    void whenAUeMovesOverXn_thenThePathSwitchGivesTheTargetTheNextHop() throws Exception {
        second = new SimGnb("001", "01", 1, 0x33, SLICE);
        assertThat(second.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
        SimUe ue = withSession(262);
        SimGnb.SecurityHandover target = second.pathSwitch(ue, gnb).get(WAIT, TimeUnit.SECONDS);
        assertThat(target.ncc()).isEqualTo(1);
        assertThat(target.nh()).isEqualTo(ue.nextHop());
        assertThat(ue.releaseSession(1).get(WAIT, TimeUnit.SECONDS)).isEqualTo(36);
    }

    @Autowired
    io.liquid5gc.runtime.placement.FunctionClient functions;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("stateStore")
    io.liquid5gc.runtime.store.KeyValueStore store;

    @Test
    void whenTheGnbReconnectsToAnotherProxyOnTheSameStore_thenTheRegisteredUeCarriesOn() throws Exception {
        SimUe ue = withSession(271);
        await(() -> signalling.isRegistered(ue.supi()), "the core processed the Registration Complete");
        // a second proxy (a replica, or this one restarted) with nothing of the UE in memory, on the same store
        io.liquid5gc.proxy.ProxyProperties properties = io.liquid5gc.proxy.ProxyProperties.bind(java.util.Map.of(
                "sctp.udp-bind-address", "127.0.0.1", "sctp.udp-port", "0", "sctp.kernel", "off"));
        UeSignalling replica = new UeSignalling(functions, store, new tools.jackson.databind.json.JsonMapper(), properties,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        N2Server otherProxy = new N2Server(properties, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        otherProxy.attach(replica);
        otherProxy.start();
        try (SimGnb reconnected = new SimGnb("001", "01", 1, 0x31, SLICE)) {
            assertThat(reconnected.connect(otherProxy.udpAddress())).isInstanceOf(NgSetup.Response.class);
            reconnected.adopt(ue);
            assertThat(replica.ues()).isZero();
            SimUe.Session s = ue.establishSession(2, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS);
            assertThat(s.established()).as("a PDU session through the other proxy: %s", s.failure()).isTrue();
            assertThat(replica.ues()).as("the UE was restored from the store").isEqualTo(1);
            assertThat(ue.releaseSession(1).get(WAIT, TimeUnit.SECONDS)).isEqualTo(36);
        } finally {
            otherProxy.stop();
        }
    }

    /** Waits (polling, bounded) for something another thread does. */
    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void whenAHundredUesRegisterAtOnce_thenAllSucceedWithDistinctGutis() throws Exception {
        List<CompletableFuture<SimUe.Registration>> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(ue(300 + i).register(gnb));
        }
        Set<String> gutis = new HashSet<>();
        for (CompletableFuture<SimUe.Registration> f : all) {
            SimUe.Registration r = f.get(60, TimeUnit.SECONDS);
            assertThat(r.registered()).isTrue();
            gutis.add(r.guti());
        }
        assertThat(gutis).hasSize(100);
    }
}
