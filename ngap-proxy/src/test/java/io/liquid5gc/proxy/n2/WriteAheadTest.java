package io.liquid5gc.proxy.n2;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.ie.NgKsi;
import io.liquid5gc.nas.ie.Nssai;
import io.liquid5gc.nas.ie.PlmnId;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.ie.UeSecurityCapability;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.ngap.DecodeResult;
import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.ie.NrCgi;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.ie.Tai;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.proxy.ue.UeSignalling;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationState;
import io.liquid5gc.sctp.SctpMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * When the proxy's answer reaches the gNB, the UE's state that produced it is already in the store: a gNB with an
 * association to another proxy may send the UE's reply there at once (issue 17 item 4; {@link HeldSends}).
 */
class WriteAheadTest {

    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore(Clock.systemUTC());

    /** What went out on the association, and whether the UE's state was in the store at that moment. */
    private record Sent(NgapMessage message, boolean stateStored) {
    }

    private final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();

    @Test
    void whenTheAmfAnswersAUe_thenItsStateIsStoredBeforeTheAnswerLeaves() throws Exception {
        ProxyProperties properties = ProxyProperties.defaults();
        N2Server server = new N2Server(properties, new SimpleMeterRegistry());
        RanNode node = new RanNode(new RecordingAssociation(), server);
        UeSignalling ue = new UeSignalling(new ChallengingAmf(), store, new JsonMapper(), properties, new SimpleMeterRegistry());
        GmmMessage.RegistrationRequest rr = GmmMessage.RegistrationRequest.initial(
                new MobileIdentity.Suci(new PlmnId("001", "01"), "0", 0, 0, new MobileIdentity.SchemeOutput.NullScheme("0000000001")),
                NgKsi.NO_KEY, new UeSecurityCapability(0xF0, 0xF0, -1, -1, new byte[0]), new Nssai(List.of(SNssai.of(1, 0x010203))));
        PlmnIdentity plmn = PlmnIdentity.of("001", "01");
        ue.handleInitialUeMessage(node, new NasTransport.InitialUeMessage(7, Octets.wrap(NasCodec.encode(rr)),
                new UserLocationInformation.Nr(new NrCgi(plmn, 0x10), new Tai(plmn, 1)), RrcEstablishmentCause.MO_SIGNALLING, null,
                NgapMessage.ABSENT, false, null, List.of()));
        Sent first = sent.poll(10, TimeUnit.SECONDS);
        assertThat(first).as("the Authentication Request").isNotNull();
        assertThat(first.message()).isInstanceOf(NasTransport.DownlinkNasTransport.class);
        assertThat(first.stateStored()).as("the UE's state in the store when its message left").isTrue();
    }

    /** An association that only records what is sent (decoded), checking the store at that moment. */
    private final class RecordingAssociation implements Association {
        @Override
        public long id() {
            return 1;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 38412);
        }

        @Override
        public int inboundStreams() {
            return 2;
        }

        @Override
        public int outboundStreams() {
            return 2;
        }

        @Override
        public AssociationState state() {
            return AssociationState.ESTABLISHED;
        }

        @Override
        public boolean trySend(SctpMessage message) {
            send(message);
            return true;
        }

        @Override
        public CompletionStage<Void> send(SctpMessage message) {
            if (NgapCodec.decode(message.payload()) instanceof DecodeResult.Decoded d) {
                long amf = d.message() instanceof io.liquid5gc.ngap.message.UeAssociated u ? u.amfUeNgapId() : -1;
                sent.add(new Sent(d.message(), store.get("proxy/ue/" + amf).isPresent()));
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public long bufferedBytes() {
            return 0;
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void abort(String reason) {
        }
    }

    /** The AMF stand-in: a Registration Request gets an Authentication Request. */
    private static final class ChallengingAmf implements FunctionClient {
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
            return (O) new UeResult(List.of(new UeAction.SendNas(new DownlinkNas.AuthenticationRequest(0, "0000", "00".repeat(16), "11".repeat(16)),
                    UeAction.Protection.PLAIN)), GmmState.AUTHENTICATION_PENDING);
        }
    }
}
