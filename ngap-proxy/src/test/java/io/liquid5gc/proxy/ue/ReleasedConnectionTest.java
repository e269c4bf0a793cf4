package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.UeNgapIds;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.UeContextRelease;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Found with UERANSIM: right after its De-registration Accept the UE sent a new Registration Request on the same
 * connection, which the proxy was releasing; the request was handed to the AMF and its Authentication Request went
 * out on the released connection (the gNB answered ERROR INDICATION unknown-local-UE-NGAP-ID, the AMF context was left
 * half-registered). Once UE CONTEXT RELEASE COMMAND is sent, UL NAS on that connection is dropped (TS 38.413 8.3.3:
 * the connection is going); the UE comes back on a new one.
 */
class ReleasedConnectionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final HandoverSignallingTest.RecordingAmf amf = new HandoverSignallingTest.RecordingAmf();
    private final HandoverSignallingTest.Ran gnb = new HandoverSignallingTest.Ran("gnb-1");

    @Test
    void whenUplinkNasArrivesOnAConnectionTheAmfReleased_thenNoAmfFunctionRunsAndNothingIsSentOnIt() throws Exception {
        UeSignalling signalling = new UeSignalling(amf, new InMemoryKeyValueStore(Clock.systemUTC()), new JsonMapper(),
                ProxyProperties.defaults(), meters, new NasTimersTest.ManualScheduler());
        amf.answer(UplinkNas.RegistrationRequest.class, r -> new UeResult(List.of(
                new UeAction.SendNas(new DownlinkNas.RegistrationReject(7), UeAction.Protection.PLAIN),
                new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE)), GmmState.DEREGISTERED));
        NasTransport.InitialUeMessage initial = UeStoreFaultTest.initialUeMessage(31);
        signalling.handleInitialUeMessage(gnb, initial);
        assertThat(gnb.next()).isInstanceOf(NasTransport.DownlinkNasTransport.class);
        NgapMessage release = gnb.next();
        assertThat(release).isInstanceOf(UeContextRelease.Command.class);
        long amfUeNgapId = ((UeNgapIds.Pair) ((UeContextRelease.Command) release).ueNgapIds()).amfUeNgapId();
        assertThat(amf.functions).hasSize(1);

        // the UE goes on talking on the connection being released
        signalling.handleUplinkNasTransport(new NasTransport.UplinkNasTransport(amfUeNgapId, 31, initial.nasPdu(),
                initial.userLocationInformation(), List.of()), gnb, () -> { throw new AssertionError("the ids are known"); });
        assertThat(gnb.sent.poll(500, TimeUnit.MILLISECONDS)).as("nothing sent on the released connection").isNull();
        assertThat(amf.functions).as("no AMF function ran for it").hasSize(1);
        assertThat(meters.get("liquid5gc.proxy.ue.events").tag("event", "nas_after_release_dropped").counter().count()).isEqualTo(1);
    }
}
