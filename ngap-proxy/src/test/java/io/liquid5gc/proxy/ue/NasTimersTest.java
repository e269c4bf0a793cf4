package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.NasPdu;
import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.ie.NgKsi;
import io.liquid5gc.nas.ie.Nssai;
import io.liquid5gc.nas.ie.PlmnId;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.ie.UeSecurityCapability;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.ngap.ie.NrCgi;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.ie.Tai;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.UeContextRelease;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.proxy.n2.RanLink;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.amf.AmfApi;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.NasTimerId;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The network's NAS retransmission timers (TS 24.501 10.2) at the proxy, driven by a manual scheduler instead of
 * sleeping: the Authentication Request under T3560 goes again on each expiry, four times, then the last expiry goes to
 * the AMF function that owns the procedure, which decides (release, or the result stands); the proxy releases on its
 * own only when the AMF cannot be told. An answer stops the timer.
 */
class NasTimersTest {

    /** Timers that fire only when the test advances time. */
    static final class ManualScheduler implements NasTimerScheduler {
        record Entry(long dueNanos, Runnable task, boolean[] cancelled) {
        }

        final List<Entry> entries = new ArrayList<>();
        long now;

        @Override
        public synchronized Timer schedule(Duration delay, Runnable task) {
            boolean[] cancelled = {false};
            entries.add(new Entry(now + delay.toNanos(), task, cancelled));
            return () -> cancelled[0] = true;
        }

        void advance(Duration d) {
            List<Runnable> due = new ArrayList<>();
            synchronized (this) {
                now += d.toNanos();
                for (var it = entries.iterator(); it.hasNext(); ) {
                    Entry e = it.next();
                    if (e.dueNanos() <= now) {
                        it.remove();
                        if (!e.cancelled()[0]) {
                            due.add(e.task());
                        }
                    }
                }
            }
            due.forEach(Runnable::run);
        }
    }

    /** A gNB that records what the proxy sends it. */
    static final class RecordingRan implements RanLink {
        final BlockingQueue<NgapMessage> sent = new LinkedBlockingQueue<>();

        @Override
        public void sendUeAssociated(NgapMessage message, long ranUeNgapId) {
            sent.add(message);
        }

        @Override
        public String describe() {
            return "gnb-1";
        }

        NgapMessage next() throws InterruptedException {
            NgapMessage m = sent.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a message from the proxy").isNotNull();
            return m;
        }
    }

    /**
     * The AMF stand-in: records the function and request of each call; the registration answers a Registration
     * Request with an Authentication Request (or {@code firstAnswer}), and every expiry with {@code expiryAnswer}.
     */
    static final class Amf implements FunctionClient {
        final BlockingQueue<UplinkNas> received = new LinkedBlockingQueue<>();
        final BlockingQueue<UeN2Event.NasTimerExpired> expiries = new LinkedBlockingQueue<>();
        final List<FunctionSpec<?, ?>> expiryFunctions = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> contextIds = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile UeAction firstAnswer = new UeAction.SendNas(new DownlinkNas.AuthenticationRequest(0, "0000", "00".repeat(16), "11".repeat(16)),
                UeAction.Protection.PLAIN);
        volatile java.util.function.Supplier<UeResult> expiryAnswer = () -> new UeResult(
                List.of(new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE)), GmmState.DEREGISTERED);

        @Override
        public io.liquid5gc.runtime.placement.Placement placementOf(io.liquid5gc.sbi.NfType nf) {
            return io.liquid5gc.runtime.placement.Placement.LOCAL;
        }

        @Override
        public boolean isEnabled(io.liquid5gc.sbi.NfType nf) {
            return true;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <I, O> O call(FunctionSpec<I, O> function, I request) {
            UeRequest r = (UeRequest) request;
            contextIds.add(r.ueContextId());
            if (r.n2Event() instanceof UeN2Event.NasTimerExpired t) {
                expiryFunctions.add(function);
                expiries.add(t);
                return (O) expiryAnswer.get();
            }
            assertThat(function).isEqualTo(AmfApi.INITIAL_REGISTRATION);
            UplinkNas m = r.message();
            received.add(m);
            List<UeAction> actions = m instanceof UplinkNas.RegistrationRequest ? List.of(firstAnswer) : List.of();
            return (O) new UeResult(actions, GmmState.AUTHENTICATION_PENDING);
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingRan ran = new RecordingRan();
    private final Amf amf = new Amf();
    private final UeSignalling signalling = new UeSignalling(amf, new InMemoryKeyValueStore(Clock.systemUTC()), new JsonMapper(),
            ProxyProperties.defaults(), new SimpleMeterRegistry(), scheduler);

    @Test
    void whenTheUeNeverAnswers_thenT3560ResendsFourTimesAndTheFifthExpiryGoesToTheAmfWhoseReleaseIsSent() throws Exception {
        register();
        NasTransport.DownlinkNasTransport first = (NasTransport.DownlinkNasTransport) ran.next();
        assertThat(gmm(first)).isInstanceOf(GmmMessage.AuthenticationRequest.class);
        for (int i = 1; i <= 4; i++) {
            scheduler.advance(Duration.ofMillis(5_999));
            assertThat(ran.sent.poll(100, TimeUnit.MILLISECONDS)).as("nothing before 6 s").isNull();
            scheduler.advance(Duration.ofMillis(1));
            NasTransport.DownlinkNasTransport again = (NasTransport.DownlinkNasTransport) ran.next();
            assertThat(again.amfUeNgapId()).isEqualTo(first.amfUeNgapId());
            assertThat(gmm(again)).isInstanceOf(GmmMessage.AuthenticationRequest.class);
            assertThat(again.nasPdu().toByteArray()).as("retransmission %d, the same plain message", i).isEqualTo(first.nasPdu().toByteArray());
        }
        assertThat(amf.expiries).as("nothing told before the last expiry").isEmpty();
        scheduler.advance(Duration.ofSeconds(6));
        assertThat(ran.next()).isInstanceOf(UeContextRelease.Command.class);
        assertThat(amf.expiries.poll(10, TimeUnit.SECONDS)).isEqualTo(new UeN2Event.NasTimerExpired(NasTimerId.T3560));
        assertThat(amf.expiryFunctions).as("the function that sent the Authentication Request").containsExactly(AmfApi.INITIAL_REGISTRATION);
        assertThat(amf.contextIds).last().isEqualTo(amf.contextIds.getFirst());
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(ran.sent.poll(200, TimeUnit.MILLISECONDS)).as("no more after the abort").isNull();
        assertThat(amf.expiries).as("told once").isEmpty();
    }

    @Test
    void whenTheAmfLetsTheProcedureStandAtTheLastExpiry_thenNothingIsReleased() throws Exception {
        amf.expiryAnswer = () -> new UeResult(List.of(), GmmState.REGISTERED);
        register();
        ran.next();

        expireAll(NasTimerId.T3560);

        assertThat(ran.sent.poll(300, TimeUnit.MILLISECONDS)).as("the AMF decides: no release").isNull();
    }

    @Test
    void whenTheAmfCannotBeToldOfTheLastExpiry_thenTheProxyReleasesTheUeItself() throws Exception {
        amf.expiryAnswer = () -> {
            throw new io.liquid5gc.sbi.common.ProblemException(503, "Service Unavailable", "NF_CONGESTION", "busy");
        };
        register();
        ran.next();

        expireAll(NasTimerId.T3560);

        UeContextRelease.Command release = (UeContextRelease.Command) ran.next();
        assertThat(release.cause()).isEqualTo(io.liquid5gc.ngap.ie.CauseNas.NORMAL_RELEASE);
    }

    @Test
    void whenTheNetworksDeregistrationRequestIsNeverAccepted_thenT3522sLastExpiryGoesToTheDeregistration() throws Exception {
        amf.firstAnswer = new UeAction.SendNas(new DownlinkNas.DeregistrationRequest(false, 0), UeAction.Protection.PLAIN);
        amf.expiryAnswer = () -> new UeResult(List.of(new UeAction.ReleaseUe(NgapCause.NAS_DEREGISTER)), GmmState.DEREGISTERED);
        register();
        assertThat(gmm((NasTransport.DownlinkNasTransport) ran.next())).isInstanceOf(GmmMessage.DeregistrationRequestUeTerminated.class);

        expireAll(NasTimerId.T3522);

        assertThat(ran.next()).isInstanceOf(UeContextRelease.Command.class);
        assertThat(amf.expiryFunctions).containsExactly(AmfApi.DEREGISTRATION);
    }

    /** Lets the timer run out: four retransmissions, then the last expiry, which the AMF hears of. */
    private void expireAll(NasTimerId timer) throws Exception {
        for (int i = 1; i <= 4; i++) {
            scheduler.advance(Duration.ofSeconds(6));
            ran.next();
        }
        scheduler.advance(Duration.ofSeconds(6));
        assertThat(amf.expiries.poll(10, TimeUnit.SECONDS)).isEqualTo(new UeN2Event.NasTimerExpired(timer));
    }

    @Test
    void whenTheUeAnswers_thenT3560Stops() throws Exception {
        register();
        NasTransport.DownlinkNasTransport first = (NasTransport.DownlinkNasTransport) ran.next();
        signalling.handleUplinkNasTransport(new NasTransport.UplinkNasTransport(first.amfUeNgapId(), first.ranUeNgapId(),
                Octets.wrap(NasCodec.encode(new GmmMessage.AuthenticationResponse(new byte[16], null, List.of()))), location(), List.of()),
                ran, () -> { throw new AssertionError("ids unknown"); });
        assertThat(amf.received.poll(10, TimeUnit.SECONDS)).isInstanceOf(UplinkNas.RegistrationRequest.class);
        assertThat(amf.received.poll(10, TimeUnit.SECONDS)).as("the answer reached the AMF").isInstanceOf(UplinkNas.AuthenticationResponse.class);
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(ran.sent.poll(200, TimeUnit.MILLISECONDS)).as("no retransmission after the answer").isNull();
    }

    private void register() {
        GmmMessage.RegistrationRequest rr = GmmMessage.RegistrationRequest.initial(
                new MobileIdentity.Suci(new PlmnId("001", "01"), "0", 0, 0, new MobileIdentity.SchemeOutput.NullScheme("0000000001")),
                NgKsi.NO_KEY, new UeSecurityCapability(0xF0, 0xF0, -1, -1, new byte[0]), new Nssai(List.of(SNssai.of(1, 0x010203))));
        signalling.handleInitialUeMessage(ran, new NasTransport.InitialUeMessage(1, Octets.wrap(NasCodec.encode(rr)), location(),
                RrcEstablishmentCause.MO_SIGNALLING, null, NgapMessage.ABSENT, false, null, List.of()));
    }

    private static UserLocationInformation location() {
        PlmnIdentity plmn = PlmnIdentity.of("001", "01");
        return new UserLocationInformation.Nr(new NrCgi(plmn, 0x10), new Tai(plmn, 1));
    }

    private static GmmMessage gmm(NasTransport.DownlinkNasTransport m) {
        DecodeResult<NasPdu> d = NasCodec.decodePdu(m.nasPdu().toByteArray());
        return (GmmMessage) ((NasPdu.Plain) ((DecodeResult.Ok<NasPdu>) d).value()).message();
    }
}
