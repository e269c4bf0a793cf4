package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.CauseNas;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 probe: Initial UE Messages whose NAS cannot be decoded or verified used to leave a UE context each (the
 * gauge grew until the association closed). Now each gets a UE CONTEXT RELEASE COMMAND (cause nas unspecified) and
 * leaves nothing behind; the AMF is never called.
 */
class InitialNasRejectionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final HandoverSignallingTest.RecordingAmf amf = new HandoverSignallingTest.RecordingAmf();
    private final UeSignalling signalling = new UeSignalling(amf, new InMemoryKeyValueStore(Clock.systemUTC()), new JsonMapper(),
            ProxyProperties.defaults(), meters, new NasTimersTest.ManualScheduler());

    @Test
    void when500GarbageInitialUeMessagesArrive_thenEachIsReleasedAndTheUeGaugeStaysAtZero() throws Exception {
        HandoverSignallingTest.Ran gnb = new HandoverSignallingTest.Ran("gnb-1");
        Random random = new Random(14);
        for (int i = 0; i < 500; i++) {
            byte[] garbage = new byte[1 + random.nextInt(40)];
            random.nextBytes(garbage);
            // half of them look like a security protected 5GMM message (EPD 0x7e, header type 4) with a random MAC
            if (i % 2 == 0 && garbage.length > 7) {
                garbage[0] = 0x7e;
                garbage[1] = 0x04;
            } else {
                garbage[0] = 0x2e; // 5GSM: never an initial NAS message
            }
            signalling.handleInitialUeMessage(gnb, new NasTransport.InitialUeMessage(i, Octets.wrap(garbage), location(),
                    RrcEstablishmentCause.MO_SIGNALLING, null, NgapMessage.ABSENT, false, null, List.of()));
        }
        List<UeContextRelease.Command> releases = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            releases.add((UeContextRelease.Command) gnb.next());
        }

        assertThat(releases).allSatisfy(r -> assertThat(r.cause()).isEqualTo(CauseNas.UNSPECIFIED));
        assertThat(meters.get("liquid5gc.proxy.ue.events").tag("event", "initial_nas_rejected").counter().count()).isEqualTo(500);
        for (int i = 0; i < 1000 && signalling.ues() > 0; i++) {
            Thread.sleep(10);
        }
        assertThat(signalling.ues()).isZero();
        assertThat(meters.get("liquid5gc.proxy.ues").gauge().value()).isZero();
        assertThat(amf.functions).isEmpty();
    }

    private static UserLocationInformation location() {
        PlmnIdentity plmn = PlmnIdentity.of("001", "01");
        return new UserLocationInformation.Nr(new NrCgi(plmn, 0x10), new Tai(plmn, 1));
    }
}
