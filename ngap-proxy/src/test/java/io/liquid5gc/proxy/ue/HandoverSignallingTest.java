package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.ie.NgKsi;
import io.liquid5gc.nas.ie.Nssai;
import io.liquid5gc.nas.ie.PlmnId;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.ngap.ie.CauseProtocol;
import io.liquid5gc.ngap.ie.CauseRadioNetwork;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.HandoverType;
import io.liquid5gc.ngap.ie.NrCgi;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.ie.Tai;
import io.liquid5gc.ngap.ie.TargetId;
import io.liquid5gc.ngap.ie.UeNgapIds;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import io.liquid5gc.ngap.message.ErrorIndication;
import io.liquid5gc.ngap.message.HandoverCancel;
import io.liquid5gc.ngap.message.HandoverNotify;
import io.liquid5gc.ngap.message.HandoverPreparation;
import io.liquid5gc.ngap.message.HandoverResourceAllocation;
import io.liquid5gc.ngap.message.InitialContextSetup;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.PathSwitch;
import io.liquid5gc.ngap.message.UeContextRelease;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.proxy.n2.RanLink;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.amf.AmfApi;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.NasSecurityContext;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UeSecurityCapability;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.kdf.AccessType;
import io.liquid5gc.security.kdf.KeyHierarchy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proxy side of N2 handover (TS 38.413 8.4, TS 23.502 4.9.1.3) and of the Xn path switch, with a recording
 * stand-in for the AMF function and recording RAN links: the target gets a HANDOVER REQUEST on a new AMF UE NGAP ID
 * with the next NH/NCC of the chain (TS 33.501 6.9.2.1.1, A.10; expected values from lib-security's KDF), the
 * source the HANDOVER COMMAND or PREPARATION FAILURE, and after HANDOVER NOTIFY the source connection is released.
 */
class HandoverSignallingTest {

    private static final byte[] KAMF = Hex.decode("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static final UeSecurityCapability CAPS = new UeSecurityCapability(0xF0, 0xF0, null);

    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore(Clock.systemUTC());
    private final JsonMapper json = new JsonMapper();
    private final RecordingAmf amf = new RecordingAmf();
    private final Ran source = new Ran("gnb-1");
    private final Ran target = new Ran("gnb-2");
    private final UeSignalling signalling = new UeSignalling(amf, store, json,
            ProxyProperties.defaults(), new SimpleMeterRegistry(), new NasTimersTest.ManualScheduler());
    private final Runnable unknown = () -> { throw new AssertionError("ids unknown"); };
    private long sourceAmfId;
    private byte[] kgnb;

    @BeforeEach
    void registerAtTheSource() throws Exception {
        signalling.ranDirectory(name -> name.equals(target.describe()) ? target : null, () -> List.of(source, target));
        amf.answer(UplinkNas.RegistrationRequest.class, r -> {
            store.put(io.liquid5gc.sbi.amf.AmfStoreKeys.nasSecurity(r.ueContextId()), json.writeValueAsBytes(new NasSecurityContext(0, Hex.encode(KAMF), 2, 2)),
                    Duration.ofHours(1));
            return new UeResult(List.of(
                    new UeAction.SendNas(new DownlinkNas.SecurityModeCommand(2, 2, 0, CAPS, false, null), UeAction.Protection.NEW_CONTEXT_INTEGRITY),
                    new UeAction.InitialContextSetup(new DownlinkNas.RegistrationAccept(null, List.of(), List.of(), 3240, List.of()),
                            List.of(new Snssai(1, "010203")), CAPS, List.of())), GmmState.REGISTERED);
        });
        GmmMessage.RegistrationRequest rr = GmmMessage.RegistrationRequest.initial(
                new MobileIdentity.Suci(new PlmnId("001", "01"), "0", 0, 0, new MobileIdentity.SchemeOutput.NullScheme("0000000001")),
                NgKsi.NO_KEY, new io.liquid5gc.nas.ie.UeSecurityCapability(0xF0, 0xF0, -1, -1, new byte[0]),
                new Nssai(List.of(SNssai.of(1, 0x010203))));
        signalling.handleInitialUeMessage(source, new NasTransport.InitialUeMessage(7, Octets.wrap(NasCodec.encode(rr)), location(),
                RrcEstablishmentCause.MO_SIGNALLING, null, NgapMessage.ABSENT, false, null, List.of()));
        assertThat(source.next()).isInstanceOf(NasTransport.DownlinkNasTransport.class);
        InitialContextSetup.Request ics = (InitialContextSetup.Request) source.next();
        sourceAmfId = ics.amfUeNgapId();
        kgnb = ics.securityKey().toByteArray();
        assertThat(kgnb).isEqualTo(KeyHierarchy.kgnb(KAMF, 0, AccessType.THREE_GPP));
    }

    private HandoverResourceAllocation.Request handoverRequired() throws Exception {
        amf.answer(UeN2Event.HandoverRequired.class, r -> {
            UeN2Event.HandoverRequired h = (UeN2Event.HandoverRequired) r.n2Event();
            return new UeResult(List.of(new UeAction.HandoverRequest(h.targetGnb(), "INTRA_5GS", h.cause(), List.of(), "0102",
                    List.of(new Snssai(1, "010203")), CAPS)), GmmState.REGISTERED);
        });
        signalling.handleHandoverRequired(new HandoverPreparation.Required(sourceAmfId, 7, HandoverType.INTRA_5GS,
                CauseRadioNetwork.HANDOVER_DESIRABLE_FOR_RADIO_REASON,
                new TargetId.RanNode(new GlobalRanNodeId.Gnb(PlmnIdentity.of("001", "01"), 0x2, 22), new Tai(PlmnIdentity.of("001", "01"), 1)),
                false, null, Octets.wrap(Hex.decode("0102")), List.of()), source, unknown);
        return (HandoverResourceAllocation.Request) target.next();
    }

    @Test
    void whenHandoverRequired_thenTheTargetGetsAHandoverRequestWithANewAmfUeNgapIdAndTheNextNh() throws Exception {
        HandoverResourceAllocation.Request request = handoverRequired();

        UeRequest toAmf = amf.requests.poll(10, TimeUnit.SECONDS);
        assertThat(toAmf.n2Event()).isInstanceOfSatisfying(UeN2Event.HandoverRequired.class, h -> {
            assertThat(h.targetGnb()).isEqualTo("gnb-2");
            assertThat(h.cause()).isEqualTo(NgapCause.RADIO_NETWORK_HANDOVER_DESIRABLE_FOR_RADIO_REASON);
        });
        assertThat(request.cause()).as("the source's cause, through the AMF").isEqualTo(CauseRadioNetwork.HANDOVER_DESIRABLE_FOR_RADIO_REASON);
        assertThat(amf.functions.getLast()).isEqualTo(AmfApi.HANDOVER);
        assertThat(request.amfUeNgapId()).isNotEqualTo(sourceAmfId);
        assertThat(request.securityContext().nextHopChainingCount()).isEqualTo(1);
        assertThat(request.securityContext().nextHopNh().toByteArray()).isEqualTo(KeyHierarchy.nh(KAMF, kgnb));
        assertThat(request.sourceToTargetContainer().toByteArray()).isEqualTo(Hex.decode("0102"));
        assertThat(signalling.knows(request.amfUeNgapId(), 7)).as("the target connection is the UE's while preparing").isTrue();
    }

    @Test
    void whenTheTargetAcknowledgesAndNotifies_thenTheSourceGetsTheCommandAndThenItsReleaseAndTheTargetIdsAreTheUes() throws Exception {
        long targetId = handoverRequired().amfUeNgapId();
        amf.answer(UeN2Event.HandoverRequestAcknowledged.class, r -> new UeResult(List.of(new UeAction.HandoverCommand("INTRA_5GS", List.of(),
                ((UeN2Event.HandoverRequestAcknowledged) r.n2Event()).targetToSourceContainer())), GmmState.REGISTERED));
        amf.answer(UeN2Event.HandoverNotified.class, r -> new UeResult(List.of(new UeAction.ReleaseHandoverSource()), GmmState.REGISTERED));

        signalling.handleHandoverRequestAcknowledge(new HandoverResourceAllocation.Acknowledge(targetId, 99, null, null,
                Octets.wrap(Hex.decode("0a0b")), null, List.of()), target, unknown);
        HandoverPreparation.Command command = (HandoverPreparation.Command) source.next();
        assertThat(command.amfUeNgapId()).isEqualTo(sourceAmfId);
        assertThat(command.targetToSourceContainer().toByteArray()).isEqualTo(Hex.decode("0a0b"));

        signalling.handleHandoverNotify(new HandoverNotify(targetId, 99, location(), List.of()), target, unknown);
        UeContextRelease.Command release = (UeContextRelease.Command) source.next();
        assertThat(release.ueNgapIds()).isEqualTo(new UeNgapIds.Pair(sourceAmfId, 7));
        assertThat(release.cause()).isEqualTo(CauseRadioNetwork.SUCCESSFUL_HANDOVER);
        assertThat(signalling.knows(targetId, 99)).isTrue();
        assertThat(signalling.knows(sourceAmfId, 7)).isFalse();
    }

    @Test
    void whenTheTargetOffersDataForwarding_thenTheAmfGetsItsForwardingTunnelAndTheSourcesCommandCarriesTheUpfs() throws Exception {
        // TS 38.413 9.3.4.11 (the target's DL forwarding tunnel) and 9.3.4.10 (the UPF's, for the source)
        long targetId = handoverRequired().amfUeNgapId();
        var upfForwarding = io.liquid5gc.sbi.smf.UpTransportLayerInformation.of("10.1.2.3", 0xF00D);
        amf.answer(UeN2Event.HandoverRequestAcknowledged.class, r -> new UeResult(List.of(new UeAction.HandoverCommand("INTRA_5GS", List.of(5),
                "0a", List.of(new UeAction.HandoverCommand.Forwarding(5, new io.liquid5gc.sbi.smf.HandoverCommandTransfer(upfForwarding, List.of(1)))))),
                GmmState.REGISTERED));
        var dl = new io.liquid5gc.ngap.ie.GtpTunnel(io.liquid5gc.ngap.ie.TransportLayerAddress.ipv4(10, 9, 9, 1), 0x11);
        var fwd = new io.liquid5gc.ngap.ie.GtpTunnel(io.liquid5gc.ngap.ie.TransportLayerAddress.ipv4(10, 9, 9, 1), 0x12);
        var ack = io.liquid5gc.ngap.codec.SmTransferCodec.encode(new io.liquid5gc.ngap.transfer.HandoverRequestAcknowledgeTransfer(dl, fwd, null,
                List.of(new io.liquid5gc.ngap.transfer.QosFlowWithDataForwarding(1, true)), null, null));

        signalling.handleHandoverRequestAcknowledge(new HandoverResourceAllocation.Acknowledge(targetId, 99,
                List.of(io.liquid5gc.ngap.ie.PduSessionItem.withTransfer(5, ack)), null, Octets.wrap(Hex.decode("0a")), null, List.of()), target, unknown);

        UeRequest toAmf = null;
        while (toAmf == null || !(toAmf.n2Event() instanceof UeN2Event.HandoverRequestAcknowledged)) {
            toAmf = amf.requests.poll(10, TimeUnit.SECONDS);
        }
        var admitted = ((UeN2Event.HandoverRequestAcknowledged) toAmf.n2Event()).admitted().getFirst().transfer();
        assertThat(admitted.dlForwardingUpTnlInformation()).isEqualTo(io.liquid5gc.sbi.smf.UpTransportLayerInformation.of("10.9.9.1", 0x12));
        assertThat(admitted.dlNguUpTnlInformation()).isEqualTo(io.liquid5gc.sbi.smf.UpTransportLayerInformation.of("10.9.9.1", 0x11));
        HandoverPreparation.Command command = (HandoverPreparation.Command) source.next();
        var transfer = io.liquid5gc.ngap.codec.SmTransferCodec.decode(io.liquid5gc.ngap.transfer.HandoverCommandTransfer.class,
                command.pduSessionsHandover().getFirst().transfer());
        assertThat(transfer).isInstanceOfSatisfying(io.liquid5gc.ngap.transfer.TransferResult.Ok.class, ok -> {
            var t = (io.liquid5gc.ngap.transfer.HandoverCommandTransfer) ok.value();
            assertThat(t.dlForwardingUpTnlInformation().teid()).isEqualTo(0xF00D);
            assertThat(t.dlForwardingUpTnlInformation().address().toInetAddress().getHostAddress()).isEqualTo("10.1.2.3");
            assertThat(t.qosFlowsToBeForwarded()).containsExactly(1);
        });
    }

    @Test
    void whenTheTargetFails_thenTheSourceGetsAPreparationFailureAndTheTargetConnectionIsForgotten() throws Exception {
        long targetId = handoverRequired().amfUeNgapId();
        amf.answer(UeN2Event.HandoverFailed.class, r -> new UeResult(List.of(new UeAction.HandoverPreparationFailure(
                ((UeN2Event.HandoverFailed) r.n2Event()).cause())), GmmState.REGISTERED));

        signalling.handleHandoverFailure(new HandoverResourceAllocation.Failure(targetId, CauseRadioNetwork.NO_RADIO_RESOURCES_AVAILABLE_IN_TARGET_CELL,
                null, List.of()), target, unknown);

        HandoverPreparation.Failure failure = (HandoverPreparation.Failure) source.next();
        assertThat(failure.amfUeNgapId()).isEqualTo(sourceAmfId);
        assertThat(failure.cause()).isEqualTo(CauseRadioNetwork.NO_RADIO_RESOURCES_AVAILABLE_IN_TARGET_CELL);
        assertThat(signalling.knows(targetId, 7)).isFalse();
        assertThat(signalling.knows(sourceAmfId, 7)).isTrue();
    }

    @Test
    void whenTheAmfRefusesAHandoverNotify_thenTheGnbThatSentItGetsAnErrorIndicationWithItsIdsAndTheUeStaysAtTheSource() throws Exception {
        long targetId = handoverRequired().amfUeNgapId();
        amf.answer(UeN2Event.HandoverNotified.class, r -> new UeResult(List.of(new UeAction.ErrorIndication(
                NgapCause.PROTOCOL_MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE)), GmmState.REGISTERED));

        signalling.handleHandoverNotify(new HandoverNotify(targetId, 99, location(), List.of()), target, unknown);

        ErrorIndication error = (ErrorIndication) target.next();
        assertThat(error.amfUeNgapId()).isEqualTo(targetId);
        assertThat(error.ranUeNgapId()).isEqualTo(99);
        assertThat(error.cause()).isEqualTo(CauseProtocol.MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE);
        assertThat(source.sent.poll(300, TimeUnit.MILLISECONDS)).as("the source keeps the UE: no release").isNull();
        assertThat(signalling.knows(sourceAmfId, 7)).isTrue();
    }

    @Test
    void whenTheAmfRefusesAnAcknowledge_thenTheTargetGetsTheErrorIndicationAndTheSourceNoCommand() throws Exception {
        long targetId = handoverRequired().amfUeNgapId();
        amf.answer(UeN2Event.HandoverRequestAcknowledged.class, r -> new UeResult(List.of(new UeAction.ErrorIndication(
                NgapCause.PROTOCOL_MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE)), GmmState.REGISTERED));

        signalling.handleHandoverRequestAcknowledge(new HandoverResourceAllocation.Acknowledge(targetId, 98, null, null,
                Octets.wrap(Hex.decode("0a0b")), null, List.of()), target, unknown);

        ErrorIndication error = (ErrorIndication) target.next();
        assertThat(error.amfUeNgapId()).isEqualTo(targetId);
        assertThat(error.ranUeNgapId()).isEqualTo(98);
        assertThat(source.sent.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void whenTheSourceCancelsAnAcknowledgedHandover_thenItGetsTheCancelAcknowledgeAndTheTargetItsRelease() throws Exception {
        long targetId = handoverRequired().amfUeNgapId();
        amf.answer(UeN2Event.HandoverRequestAcknowledged.class, r -> new UeResult(List.of(new UeAction.HandoverCommand("INTRA_5GS", List.of(), null)),
                GmmState.REGISTERED));
        amf.answer(UeN2Event.HandoverCancelled.class, r -> new UeResult(List.of(new UeAction.HandoverCancelAcknowledge()), GmmState.REGISTERED));
        signalling.handleHandoverRequestAcknowledge(new HandoverResourceAllocation.Acknowledge(targetId, 99, null, null,
                Octets.wrap(Hex.decode("0a0b")), null, List.of()), target, unknown);
        assertThat(source.next()).isInstanceOf(HandoverPreparation.Command.class);

        signalling.handleHandoverCancel(new HandoverCancel.Request(sourceAmfId, 7, CauseRadioNetwork.TNGRELOCPREP_EXPIRY, List.of()), source, unknown);

        HandoverCancel.Acknowledge ack = (HandoverCancel.Acknowledge) source.next();
        assertThat(ack.amfUeNgapId()).isEqualTo(sourceAmfId);
        assertThat(ack.ranUeNgapId()).isEqualTo(7);
        UeContextRelease.Command release = (UeContextRelease.Command) target.next();
        assertThat(release.ueNgapIds()).isEqualTo(new UeNgapIds.Pair(targetId, 99));
        assertThat(release.cause()).isEqualTo(CauseRadioNetwork.HANDOVER_CANCELLED);
        assertThat(amf.requests).extracting(UeRequest::n2Event).last()
                .isEqualTo(new UeN2Event.HandoverCancelled(new NgapCause(NgapCause.Group.RADIO_NETWORK, CauseRadioNetwork.TNGRELOCPREP_EXPIRY.index())));
        assertThat(signalling.knows(targetId, 99)).isFalse();
        assertThat(signalling.knows(sourceAmfId, 7)).as("the UE stays at the source").isTrue();
    }

    @Test
    void whenTheSourceRequiresAHandoverAgain_thenTheEarlierTargetConnectionIsForgotten() throws Exception {
        long first = handoverRequired().amfUeNgapId();
        long second = handoverRequired().amfUeNgapId();

        assertThat(second).isNotEqualTo(first);
        assertThat(signalling.knows(first, 7)).as("the given-up preparation's connection").isFalse();
        assertThat(signalling.knows(second, 7)).isTrue();
    }

    @Test
    void whenTheHandoverTargetIsNotConnectedHere_thenTheSourceGetsUnknownTargetId() throws Exception {
        amf.answer(UeN2Event.HandoverRequired.class, r -> new UeResult(List.of(new UeAction.HandoverRequest(
                "gnb-9", "INTRA_5GS", NgapCause.RADIO_NETWORK_UNSPECIFIED, List.of(), null, List.of(), CAPS)), GmmState.REGISTERED));
        signalling.handleHandoverRequired(new HandoverPreparation.Required(sourceAmfId, 7, HandoverType.INTRA_5GS, CauseRadioNetwork.UNSPECIFIED,
                new TargetId.RanNode(new GlobalRanNodeId.Gnb(PlmnIdentity.of("001", "01"), 0x9, 22), new Tai(PlmnIdentity.of("001", "01"), 1)),
                false, null, Octets.wrap(new byte[1]), List.of()), source, unknown);

        HandoverPreparation.Failure failure = (HandoverPreparation.Failure) source.next();
        assertThat(failure.cause()).isEqualTo(CauseRadioNetwork.UNKNOWN_TARGET_ID);
    }

    @Test
    void whenAPathSwitchFollowsAHandover_thenItsAcknowledgeCarriesTheNextNhOfTheChain() throws Exception {
        byte[] firstNh = handoverRequired().securityContext().nextHopNh().toByteArray();
        amf.answer(UeN2Event.PathSwitchRequest.class, r -> new UeResult(List.of(new UeAction.PathSwitchRequestAcknowledge(List.of(), CAPS,
                List.of(new Snssai(1, "010203")))), GmmState.REGISTERED));
        Ran third = new Ran("gnb-3");

        signalling.handlePathSwitchRequest(new PathSwitch.Request(55, sourceAmfId, location(), null, null, null, List.of()), third, unknown);

        PathSwitch.Acknowledge ack = (PathSwitch.Acknowledge) third.next();
        assertThat(ack.amfUeNgapId()).isEqualTo(sourceAmfId);
        assertThat(ack.ranUeNgapId()).isEqualTo(55);
        assertThat(ack.securityContext().nextHopChainingCount()).isEqualTo(2);
        assertThat(ack.securityContext().nextHopNh().toByteArray()).isEqualTo(KeyHierarchy.nh(KAMF, firstNh));
        assertThat(signalling.knows(sourceAmfId, 55)).isTrue();
    }

    private static UserLocationInformation location() {
        PlmnIdentity plmn = PlmnIdentity.of("001", "01");
        return new UserLocationInformation.Nr(new NrCgi(plmn, 0x10), new Tai(plmn, 1));
    }

    /** A RAN link that records what the proxy sends. */
    static final class Ran implements RanLink {
        private final String name;
        final BlockingQueue<NgapMessage> sent = new LinkedBlockingQueue<>();

        Ran(String name) {
            this.name = name;
        }

        @Override
        public void sendUeAssociated(NgapMessage message, long ranUeNgapId) {
            sent.add(message);
        }

        @Override
        public String describe() {
            return name;
        }

        NgapMessage next() throws InterruptedException {
            NgapMessage m = sent.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a message from the proxy to " + name).isNotNull();
            return m;
        }
    }

    /** The AMF function stand-in: records each call and answers by the message or event class it was given. */
    static final class RecordingAmf implements FunctionClient {
        final BlockingQueue<UeRequest> requests = new LinkedBlockingQueue<>();
        final List<FunctionSpec<?, ?>> functions = new CopyOnWriteArrayList<>();
        private final Map<Class<?>, Function<UeRequest, UeResult>> answers = new ConcurrentHashMap<>();

        void answer(Class<?> messageOrEvent, Function<UeRequest, UeResult> answer) {
            answers.put(messageOrEvent, answer);
        }

        @Override
        public Placement placementOf(NfType nf) {
            return Placement.LOCAL;
        }

        @Override
        public boolean isEnabled(NfType nf) {
            return true;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <I, O> O call(FunctionSpec<I, O> function, I request) {
            UeRequest r = (UeRequest) request;
            functions.add(function);
            Object key = r.message() != null ? r.message() : r.n2Event();
            Function<UeRequest, UeResult> answer = answers.get(key.getClass());
            if (r.message() == null) {
                requests.add(r);
            }
            return (O) (answer == null ? new UeResult(List.of(), GmmState.REGISTERED) : answer.apply(r));
        }
    }
}
