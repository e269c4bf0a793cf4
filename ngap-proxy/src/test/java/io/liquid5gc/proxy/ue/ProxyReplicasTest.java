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
import io.liquid5gc.ngap.message.UeContextRelease;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Two proxies on one store, as a gNB with an association to each sees them (issue 17 item 4). */
class ProxyReplicasTest {

    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore(Clock.systemUTC());
    private final NasTimersTest.Amf amf = new NasTimersTest.Amf();

    private UeSignalling proxy() {
        return new UeSignalling(amf, store, new JsonMapper(), ProxyProperties.defaults(),
                new SimpleMeterRegistry(), new NasTimersTest.ManualScheduler());
    }

    @Test
    void whenUesArriveAtTwoProxiesOnOneStoreAtOnce_thenNoAmfUeNgapIdIsGivenTwice() throws Exception {
        UeSignalling one = proxy();
        UeSignalling two = proxy();
        NasTimersTest.RecordingRan toOne = new NasTimersTest.RecordingRan();
        NasTimersTest.RecordingRan toTwo = new NasTimersTest.RecordingRan();
        int each = 50;
        for (int i = 0; i < each; i++) {
            one.handleInitialUeMessage(toOne, initialUe(i + 1, String.format("%010d", i + 1)));
            two.handleInitialUeMessage(toTwo, initialUe(i + 1, String.format("%010d", 100 + i)));
        }
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < each; i++) {
            ids.add(((NasTransport.DownlinkNasTransport) toOne.next()).amfUeNgapId());
            ids.add(((NasTransport.DownlinkNasTransport) toTwo.next()).amfUeNgapId());
        }
        assertThat(ids).as("AMF UE NGAP IDs of both proxies").hasSize(2 * each);
    }

    @Test
    void whenTheReleaseCompleteArrivesAtTheOtherProxy_thenThatProxyTakesTheUeUpAndEndsItsConnection() throws Exception {
        UeSignalling one = proxy();
        NasTimersTest.RecordingRan gnb = new NasTimersTest.RecordingRan();
        one.handleInitialUeMessage(gnb, initialUe(7, "0000000001"));
        NasTransport.DownlinkNasTransport challenge = (NasTransport.DownlinkNasTransport) gnb.next();
        String key = UeState.key(Long.toString(challenge.amfUeNgapId()));
        for (int i = 0; i < 500 && store.get(key).isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(store.get(UeState.idKey(challenge.amfUeNgapId()))).as("the connection's index").isPresent();
        // the first proxy is gone; the gNB answers its last UE CONTEXT RELEASE COMMAND through the other one
        UeSignalling two = proxy();
        two.handleUeContextReleaseComplete(new UeContextRelease.Complete(challenge.amfUeNgapId(), challenge.ranUeNgapId(), null, null, null,
                List.of()), new NasTimersTest.RecordingRan());
        for (int i = 0; i < 500 && store.get(UeState.idKey(challenge.amfUeNgapId())).isPresent(); i++) {
            Thread.sleep(10);
        }
        assertThat(store.get(UeState.idKey(challenge.amfUeNgapId()))).as("the released connection's index").isEmpty();
        assertThat(two.ues()).isZero();
    }

    private static NasTransport.InitialUeMessage initialUe(long ranUeNgapId, String msin) {
        GmmMessage.RegistrationRequest rr = GmmMessage.RegistrationRequest.initial(
                new MobileIdentity.Suci(new PlmnId("001", "01"), "0", 0, 0, new MobileIdentity.SchemeOutput.NullScheme(msin)),
                NgKsi.NO_KEY, new UeSecurityCapability(0xF0, 0xF0, -1, -1, new byte[0]), new Nssai(List.of(SNssai.of(1, 0x010203))));
        return new NasTransport.InitialUeMessage(ranUeNgapId, Octets.wrap(NasCodec.encode(rr)), location(), RrcEstablishmentCause.MO_SIGNALLING,
                null, NgapMessage.ABSENT, false, null, List.of());
    }

    private static UserLocationInformation location() {
        PlmnIdentity plmn = PlmnIdentity.of("001", "01");
        return new UserLocationInformation.Nr(new NrCgi(plmn, 0x10), new Tai(plmn, 1));
    }
}
