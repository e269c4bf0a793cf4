package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.ie.NgKsi;
import io.liquid5gc.nas.ie.Nssai;
import io.liquid5gc.nas.ie.PlmnId;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.ngap.ie.CauseMisc;
import io.liquid5gc.ngap.ie.NrCgi;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.ie.Tai;
import io.liquid5gc.ngap.ie.UeNgapIds;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import io.liquid5gc.ngap.message.ErrorIndication;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.UeContextRelease;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.StoreConnection;
import io.liquid5gc.runtime.store.StoreUnavailableException;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.common.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A UE procedure while the store is away (issue 17): the proxy neither hangs nor leaves a UE context behind. Its own
 * store not answering (no AMF UE NGAP ID can be allocated): ERROR INDICATION with the RAN UE NGAP ID and misc
 * control-processing-overload. The AMF function answering 503 (its store lost): UE CONTEXT RELEASE COMMAND with the same
 * cause, so the gNB releases the RRC connection and the UE retries by its own timers.
 */
class UeStoreFaultTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final HandoverSignallingTest.RecordingAmf amf = new HandoverSignallingTest.RecordingAmf();
    private final HandoverSignallingTest.Ran gnb = new HandoverSignallingTest.Ran("gnb-1");

    private UeSignalling signalling(KeyValueStore store) {
        return new UeSignalling(amf, store, new JsonMapper(), ProxyProperties.defaults(),
                meters, new NasTimersTest.ManualScheduler());
    }

    @Test
    void whenTheProxysStoreDoesNotAnswer_thenTheInitialUeMessageGetsAnErrorIndicationAndNoUeContext() throws Exception {
        // the state store as a process gets it from the runtime while Redis is not there: CONNECTING, calls fail at once
        StoreConnection absent = new StoreConnection("state", "redis", "redis://127.0.0.1:1", () -> {
            throw new StoreUnavailableException("cannot connect to Redis at redis://127.0.0.1:1: Connection refused", null);
        }, Duration.ZERO, Duration.ofSeconds(5), Clock.systemUTC(), s -> { });
        UeSignalling signalling = signalling(absent);
        signalling.handleInitialUeMessage(gnb, initialUeMessage(21));
        NgapMessage answer = gnb.next();
        assertThat(answer).isInstanceOfSatisfying(ErrorIndication.class, e -> {
            assertThat(e.ranUeNgapId()).isEqualTo(21);
            assertThat(e.amfUeNgapId()).isEqualTo(NgapMessage.ABSENT);
            assertThat(e.cause()).isEqualTo(CauseMisc.CONTROL_PROCESSING_OVERLOAD);
        });
        assertThat(amf.functions).isEmpty();
        assertThat(signalling.ues()).isZero();
        assertThat(meters.get("liquid5gc.proxy.ue.events").tag("event", "initial_store_unavailable").counter().count()).isEqualTo(1);
    }

    @Test
    void whenTheAmfFunctionAnswers503_thenTheUeIsReleasedWithControlProcessingOverloadInsteadOfLeftWaiting() throws Exception {
        UeSignalling signalling = signalling(new InMemoryKeyValueStore(Clock.systemUTC()));
        amf.answer(UplinkNas.RegistrationRequest.class, r -> {
            throw new ProblemException(StoreUnavailableException.problem("amf-initial-registration"));
        });
        signalling.handleInitialUeMessage(gnb, initialUeMessage(22));
        NgapMessage answer = gnb.next();
        assertThat(answer).isInstanceOfSatisfying(UeContextRelease.Command.class, c -> {
            assertThat(c.cause()).isEqualTo(CauseMisc.CONTROL_PROCESSING_OVERLOAD);
            assertThat(c.ueNgapIds()).isInstanceOfSatisfying(UeNgapIds.Pair.class, ids -> assertThat(ids.ranUeNgapId()).isEqualTo(22));
        });
        assertThat(meters.get("liquid5gc.proxy.ue.events").tag("event", "amf_unavailable_released").counter().count()).isEqualTo(1);
        for (int i = 0; i < 1000 && signalling.ues() > 0; i++) {
            Thread.sleep(10);
        }
        assertThat(signalling.ues()).isZero();
    }

    static NasTransport.InitialUeMessage initialUeMessage(long ranUeNgapId) {
        GmmMessage.RegistrationRequest rr = GmmMessage.RegistrationRequest.initial(
                new MobileIdentity.Suci(new PlmnId("001", "01"), "0", 0, 0, new MobileIdentity.SchemeOutput.NullScheme("0000000001")),
                NgKsi.NO_KEY, new io.liquid5gc.nas.ie.UeSecurityCapability(0xF0, 0xF0, -1, -1, new byte[0]),
                new Nssai(List.of(SNssai.of(1, 0x010203))));
        PlmnIdentity plmn = PlmnIdentity.of("001", "01");
        return new NasTransport.InitialUeMessage(ranUeNgapId, Octets.wrap(NasCodec.encode(rr)),
                new UserLocationInformation.Nr(new NrCgi(plmn, 0x10), new Tai(plmn, 1)),
                RrcEstablishmentCause.MO_SIGNALLING, null, NgapMessage.ABSENT, false, null, List.of());
    }
}
