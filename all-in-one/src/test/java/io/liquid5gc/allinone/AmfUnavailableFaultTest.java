package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.sbi.amf.AmfApi;
import io.liquid5gc.security.Hex;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 17: an AMF function unavailable in the middle of a UE's procedure. The all-in-one's proxy calls the AMF's
 * functions over real HTTP ({@code liquid5gc.nf.amf.placement=http}) through a {@link FunctionRelay} in front of its
 * own function endpoint, which answers one function's calls with 503 and a Retry-After (the function never runs), or
 * is stopped (connection refused, a killed AMF). The UE is answered, not left to its retransmission timers: a Service
 * Reject or Registration Reject #22 with T3346 of the Retry-After (integrity protected), its 5GSM message back with
 * #22 and a back-off timer, or, with no NAS security context to protect a reject, its NG connection released. Its
 * retry after the back-off succeeds and finds the UE's context as it was. A gNB waiting on the handover function is
 * answered too: HANDOVER PREPARATION FAILURE (the target released when it had acknowledged), PATH SWITCH REQUEST FAILURE.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"liquid5gc.store.memory.journal=none",
        "liquid5gc.security.trust-loopback=true", "liquid5gc.nf.amf.placement=http", "liquid5gc.http.timeout=60s",
        "liquid5gc.proxy.amf-unavailable.back-off=8s"})
class AmfUnavailableFaultTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final io.liquid5gc.nas.ie.SNssai NAS_SLICE = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);
    private static final int WAIT = 60;
    private static final FunctionRelay AMF = FunctionRelay.start();

    @DynamicPropertySource
    static void amfBehindTheRelay(DynamicPropertyRegistry registry) {
        registry.add("liquid5gc.nf.amf.url", AMF::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    N2Server n2;

    private SimGnb gnb;
    private final List<SimGnb> others = new java.util.ArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        AMF.forwardTo(port);
        AMF.pass();
        gnb = new SimGnb("001", "01", 1, 0x71, List.of(new SNssai(1, 0x010203)));
        assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
    }

    @AfterEach
    void disconnect() {
        AMF.pass();
        AMF.up();
        gnb.close();
        others.forEach(SimGnb::close);
    }

    @AfterAll
    static void stopRelay() {
        AMF.close();
    }

    private SimGnb secondGnb(int gnbId) throws Exception {
        SimGnb g = new SimGnb("001", "01", 1, gnbId, List.of(new SNssai(1, 0x010203)));
        assertThat(g.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
        others.add(g);
        return g;
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as(what).isNegative();
            Thread.sleep(20);
        }
    }

    private static SimUe ue(int n) {
        return new SimUe(n, "001", "01", String.format("%010d", n), K, OPC, List.of(NAS_SLICE));
    }

    private SimUe registeredWithSession(int n) throws Exception {
        SimUe ue = ue(n);
        assertThat(ue.register(gnb).get(WAIT, TimeUnit.SECONDS).registered()).as("registered").isTrue();
        SimUe.Session s = ue.establishSession(1, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS);
        assertThat(s.established()).as("PDU session: %s", s.failure()).isTrue();
        return ue;
    }

    @Test
    void whenTheServiceRequestFunctionAnswers503_thenTheUeGetsAProtectedServiceReject22WithT3346OfTheRetryAfterAndItsRetrySucceeds()
            throws Exception {
        SimUe ue = registeredWithSession(301);
        assertThat(gnb.releaseToIdle(ue).get(WAIT, TimeUnit.SECONDS)).isNotNull();

        AMF.fail(AmfApi.SERVICE_REQUEST.name(), null, "6");
        var refused = ue.serviceRequest(gnb);
        assertThatThrownBy(() -> refused.get(WAIT, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("Service Reject #22");
        assertThat(ue.backOff()).as("T3346").contains(Duration.ofSeconds(6));
        assertThat(ue.backOffProtected()).as("integrity protected, so the UE takes the T3346 value (TS 24.501 5.6.1.5)").isTrue();
        assertThat(ue.connectionReleased().get(WAIT, TimeUnit.SECONDS)).isNotNull();
        assertThat(AMF.refused()).isPositive();

        AMF.pass(); // T3346 expired: the UE tries again, registered as before, with its session
        assertThat(ue.serviceRequest(gnb).get(WAIT, TimeUnit.SECONDS)).as("PDU sessions re-activated").containsExactly(1);
        assertThat(ue.establishSession(2, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS).established()).isTrue();
    }

    @Test
    void whenTheServiceRequestFunctionIsUnavailableAtAnAnRelease_thenTheGnbIsAnsweredAndTheUeComesBackLater() throws Exception {
        SimUe ue = registeredWithSession(305);
        AMF.fail(AmfApi.SERVICE_REQUEST.name(), "\"UE_CONTEXT_RELEASE_REQUEST\"", "3");
        assertThat(gnb.releaseToIdle(ue).get(WAIT, TimeUnit.SECONDS)).as("released all the same").containsIgnoringCase("normal");

        AMF.pass();
        assertThat(ue.serviceRequest(gnb).get(WAIT, TimeUnit.SECONDS)).as("PDU sessions re-activated").containsExactly(1);
        assertThat(ue.establishSession(2, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS).established()).isTrue();
    }

    @Test
    void whenTheHandoverFunctionIsUnavailableAtHandoverRequired_thenTheSourceGetsAPreparationFailureAndTheRetrySucceeds() throws Exception {
        SimGnb target = secondGnb(0x72);
        SimUe ue = registeredWithSession(306);
        AMF.fail(AmfApi.HANDOVER.name(), "\"HANDOVER_REQUIRED\"", "3");
        assertThatThrownBy(() -> gnb.handover(ue, target).get(WAIT, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("handover preparation failure").hasMessageContaining("CONTROL_PROCESSING_OVERLOAD");
        assertThat(AMF.refused()).isPositive();

        AMF.pass(); // the source tries again
        SimGnb.SecurityHandover moved = gnb.handover(ue, target).get(WAIT, TimeUnit.SECONDS);
        assertThat(moved.nh()).isEqualTo(ue.nextHop());
        assertThat(ue.releaseSession(1).get(WAIT, TimeUnit.SECONDS)).as("reached through the target").isEqualTo(36);
    }

    @Test
    void whenTheHandoverFunctionIsUnavailableAtTheTargetsAcknowledge_thenTheSourceGetsAPreparationFailureAndTheTargetIsReleased()
            throws Exception {
        SimGnb target = secondGnb(0x73);
        SimUe ue = registeredWithSession(307);
        AMF.fail(AmfApi.HANDOVER.name(), "\"HANDOVER_REQUEST_ACKNOWLEDGED\"", "3");
        assertThatThrownBy(() -> gnb.handover(ue, target).get(WAIT, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("handover preparation failure");
        await(() -> target.pendingArrivals() == 0, "the target's resources released");

        AMF.pass();
        assertThat(ue.releaseSession(1).get(WAIT, TimeUnit.SECONDS)).as("the UE is still served at the source").isEqualTo(36);
        assertThat(ue.establishSession(2, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS).established()).isTrue();
        SimGnb.SecurityHandover moved = gnb.handover(ue, target).get(WAIT, TimeUnit.SECONDS);
        ue.nextHop(); // the NH the given-up preparation took (TS 33.501 6.9.2.3.3: the next one has NCC 2; the UE steps to it)
        assertThat(moved.ncc()).as("the next handover's NCC").isEqualTo(2);
        assertThat(moved.nh()).isEqualTo(ue.nextHop());
    }

    @Test
    void whenTheHandoverFunctionIsUnavailableAtAPathSwitch_thenTheTargetGetsAPathSwitchRequestFailureAndTheUeIsStillServed()
            throws Exception {
        SimGnb target = secondGnb(0x74);
        SimUe ue = registeredWithSession(308);
        AMF.fail(AmfApi.HANDOVER.name(), "\"PATH_SWITCH_REQUEST\"", "3");
        assertThatThrownBy(() -> target.pathSwitch(ue, gnb).get(WAIT, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("path switch request failure");

        AMF.pass();
        assertThat(ue.releaseSession(1).get(WAIT, TimeUnit.SECONDS)).as("its context as it was").isEqualTo(36);
    }

    @Test
    void whenTheFunctionIsUnavailableForAPduSessionResourceSetupResponse_thenTheReportIsGivenAgainAfterTheBackOff() throws Exception {
        String report = "\"PDU_SESSION_RESOURCES_SET_UP\"";
        int before = AMF.answered(AmfApi.PDU_SESSION_RELAY.name(), report);
        SimUe ue = registeredWithSession(309);
        // the UE has its session at the accept; the gNB's response follows
        await(() -> AMF.answered(AmfApi.PDU_SESSION_RELAY.name(), report) == before + 1, "session 1's report taken");
        int refusedBefore = AMF.refused();
        AMF.fail(AmfApi.PDU_SESSION_RELAY.name(), report, "2", 1); // the gNB's tunnel of session 2, once
        assertThat(ue.establishSession(2, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS).established()).as("the UE's view").isTrue();
        await(() -> AMF.refused() > refusedBefore, "the first delivery refused");
        await(() -> AMF.answered(AmfApi.PDU_SESSION_RELAY.name(), report) == before + 2, "the report given again and taken");
        assertThat(ue.releaseSession(2).get(WAIT, TimeUnit.SECONDS)).isEqualTo(36);
    }

    @Test
    void whenTheAmfIsKilledDuringAPduSessionEstablishment_thenThe5gsmMessageComesBackWith22AndABackOffAndTheRetrySucceeds()
            throws Exception {
        SimUe ue = registeredWithSession(302);
        AMF.down(); // connection refused: no Retry-After, the configured back-off
        SimUe.Session refused = ue.establishSession(2, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS);
        assertThat(refused.established()).isFalse();
        assertThat(refused.failure()).isEqualTo("5gmm-cause-22");
        assertThat(ue.backOff()).as("back-off timer of the DL NAS TRANSPORT").contains(Duration.ofSeconds(8));

        AMF.up();
        // the UE waits its back-off (8 s; 2 s at the least, min-back-off): longer than the SBI client's 2 s check of a
        // pooled connection before reuse, so the connections the killed AMF left are found dead, not written to (a retry
        // at once met NoHttpResponseException on one of them, a second #22)
        Thread.sleep(2_500);
        SimUe.Session again = ue.establishSession(2, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS);
        assertThat(again.established()).as("after the back-off: %s", again.failure()).isTrue();
        assertThat(ue.sessions()).containsOnlyKeys(1, 2);
    }

    @Test
    void whenTheRegistrationFunctionAnswers503MidAuthentication_thenTheConnectionIsReleasedAndTheNextRegistrationSucceeds()
            throws Exception {
        AMF.fail(AmfApi.INITIAL_REGISTRATION.name(), "\"AUTHENTICATION_RESPONSE\"", "6");
        SimUe first = ue(303);
        SimUe.Registration r = first.register(gnb).get(WAIT, TimeUnit.SECONDS);
        assertThat(r.registered()).isFalse();
        assertThat(r.rejectCause()).as("no NAS answer: no security context to protect a reject with").isEqualTo(-1);
        assertThat(first.connectionReleased().get(WAIT, TimeUnit.SECONDS)).containsIgnoringCase("processing");

        AMF.pass(); // T3511: the UE registers again
        SimUe again = ue(303);
        assertThat(again.register(gnb).get(WAIT, TimeUnit.SECONDS).registered()).isTrue();
        assertThat(again.establishSession(1, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS).established()).isTrue();
    }

    @Test
    void whenTheRegistrationFunctionAnswers503ToTheSecurityModeComplete_thenAProtectedRegistrationReject22WithT3346AndTheRetrySucceeds()
            throws Exception {
        AMF.fail(AmfApi.INITIAL_REGISTRATION.name(), "\"SECURITY_MODE_COMPLETE\"", "10");
        SimUe first = ue(304);
        SimUe.Registration r = first.register(gnb).get(WAIT, TimeUnit.SECONDS);
        assertThat(r.registered()).isFalse();
        assertThat(r.rejectCause()).as("5GMM cause congestion").isEqualTo(22);
        assertThat(first.backOff()).as("T3346").contains(Duration.ofSeconds(10));
        assertThat(first.backOffProtected()).isTrue();
        assertThat(first.connectionReleased().get(WAIT, TimeUnit.SECONDS)).as("released after the reject").isNotNull();

        AMF.pass(); // T3346 expired
        SimUe again = ue(304);
        assertThat(again.register(gnb).get(WAIT, TimeUnit.SECONDS).registered()).isTrue();
        assertThat(again.establishSession(1, "internet", NAS_SLICE).get(WAIT, TimeUnit.SECONDS).established()).isTrue();
    }
}
