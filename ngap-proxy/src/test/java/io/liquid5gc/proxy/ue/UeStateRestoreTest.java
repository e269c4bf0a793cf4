package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-UE N2 state is in the store, so a second proxy (another replica, or this one restarted)
 * carries on with a UE whose connection the first one set up; ids known nowhere get the Error Indication path.
 */
class UeStateRestoreTest {

    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore(Clock.systemUTC());
    private final NasTimersTest.Amf amf = new NasTimersTest.Amf();
    private final NasTimersTest.ManualScheduler scheduler = new NasTimersTest.ManualScheduler();

    private UeSignalling proxy() {
        return new UeSignalling(amf, store, new JsonMapper(), ProxyProperties.defaults(),
                new SimpleMeterRegistry(), scheduler);
    }

    @Test
    void whenAnotherProxyGetsTheUesNextMessage_thenItContinuesWithTheSameUeContext() throws Exception {
        NasTransport.DownlinkNasTransport challenge = registerThrough(proxy());
        UeSignalling restarted = proxy();
        NasTimersTest.RecordingRan reconnectedGnb = new NasTimersTest.RecordingRan();
        CountDownLatch unknown = new CountDownLatch(1);
        restarted.handleUplinkNasTransport(new NasTransport.UplinkNasTransport(challenge.amfUeNgapId(), challenge.ranUeNgapId(),
                Octets.wrap(NasCodec.encode(new GmmMessage.AuthenticationResponse(new byte[16], null, List.of()))), location(), List.of()),
                reconnectedGnb, unknown::countDown);
        UplinkNas next = amf.received.poll(10, TimeUnit.SECONDS);
        assertThat(next).isInstanceOf(UplinkNas.AuthenticationResponse.class);
        assertThat(amf.contextIds.getLast()).isEqualTo(Long.toString(challenge.amfUeNgapId()));
        assertThat(unknown.getCount()).isEqualTo(1);
        assertThat(restarted.ues()).isEqualTo(1);
    }

    @Test
    void whenNoProxyEverHadTheIds_thenTheyAreUnknown() throws Exception {
        NasTransport.DownlinkNasTransport challenge = registerThrough(proxy());
        CountDownLatch unknown = new CountDownLatch(2);
        UeSignalling other = proxy();
        NasTimersTest.RecordingRan gnb = new NasTimersTest.RecordingRan();
        byte[] nas = NasCodec.encode(new GmmMessage.AuthenticationResponse(new byte[16], null, List.of()));
        other.handleUplinkNasTransport(new NasTransport.UplinkNasTransport(challenge.amfUeNgapId() + 1000, 1, Octets.wrap(nas), location(), List.of()),
                gnb, unknown::countDown);
        // right AMF UE NGAP ID, wrong RAN UE NGAP ID: not this UE's connection
        other.handleUplinkNasTransport(new NasTransport.UplinkNasTransport(challenge.amfUeNgapId(), challenge.ranUeNgapId() + 5, Octets.wrap(nas),
                location(), List.of()), gnb, unknown::countDown);
        assertThat(unknown.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(other.ues()).isZero();
    }

    private NasTransport.DownlinkNasTransport registerThrough(UeSignalling first) throws Exception {
        NasTimersTest.RecordingRan gnb = new NasTimersTest.RecordingRan();
        GmmMessage.RegistrationRequest rr = GmmMessage.RegistrationRequest.initial(
                new MobileIdentity.Suci(new PlmnId("001", "01"), "0", 0, 0, new MobileIdentity.SchemeOutput.NullScheme("0000000001")),
                NgKsi.NO_KEY, new UeSecurityCapability(0xF0, 0xF0, -1, -1, new byte[0]), new Nssai(List.of(SNssai.of(1, 0x010203))));
        first.handleInitialUeMessage(gnb, new NasTransport.InitialUeMessage(7, Octets.wrap(NasCodec.encode(rr)), location(),
                RrcEstablishmentCause.MO_SIGNALLING, null, NgapMessage.ABSENT, false, null, List.of()));
        NasTransport.DownlinkNasTransport challenge = (NasTransport.DownlinkNasTransport) gnb.next();
        assertThat(amf.received.poll(10, TimeUnit.SECONDS)).isInstanceOf(UplinkNas.RegistrationRequest.class);
        // the UE's answer comes a radio round trip later; by then the first proxy has written the UE's state
        String key = UeState.key(Long.toString(challenge.amfUeNgapId()));
        for (int i = 0; i < 500 && store.get(key).isEmpty(); i++) {
            Thread.onSpinWait();
            Thread.sleep(10);
        }
        assertThat(store.get(key)).as("the UE's state in the store").isPresent();
        return challenge;
    }

    private static UserLocationInformation location() {
        PlmnIdentity plmn = PlmnIdentity.of("001", "01");
        return new UserLocationInformation.Nr(new NrCgi(plmn, 0x10), new Tai(plmn, 1));
    }
}
