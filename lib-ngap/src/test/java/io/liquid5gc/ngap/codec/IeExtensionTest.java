package io.liquid5gc.ngap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.DecodeResult;
import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.TestMessages;
import io.liquid5gc.ngap.Tshark;
import io.liquid5gc.ngap.ie.AllocationAndRetentionPriority;
import io.liquid5gc.ngap.ie.BroadcastPlmnItem;
import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PduSessionAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.PduSessionType;
import io.liquid5gc.ngap.ie.PreEmptionCapability;
import io.liquid5gc.ngap.ie.PreEmptionVulnerability;
import io.liquid5gc.ngap.ie.QosCharacteristics;
import io.liquid5gc.ngap.ie.QosFlowLevelQosParameters;
import io.liquid5gc.ngap.ie.QosFlowSetupRequestItem;
import io.liquid5gc.ngap.ie.RawExtension;
import io.liquid5gc.ngap.ie.ServedGuamiItem;
import io.liquid5gc.ngap.ie.SupportedTaItem;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.PduSessionResourceSetup;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupRequestTransfer;
import io.liquid5gc.ngap.transfer.TransferResult;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * iE-Extensions (ProtocolExtensionContainer, TS 38.413 9.4.5) are kept raw on the records that carry them and
 * encoded again bit for bit; one with criticality reject is visible for the TS 38.413 10.3.4.2 reaction.
 */
class IeExtensionTest {
    static final String ULI_NID = "initial-ue-message-uli-nid-extension.hex";
    /** id-NID (TS 38.413 9.3.3.x, ASN.1 ProtocolIE-ID 263). */
    static final int ID_NID = 263;
    /** id-ConfiguredTACIndication (272): ConfiguredTACIndication ::= ENUMERATED {true, ...}, value true = 0x00. */
    static final RawExtension CONFIGURED_TAC = new RawExtension(272, Criticality.IGNORE, Octets.ofHex("00"));
    /** id-GUAMIType (176): GUAMIType ::= ENUMERATED {native, mapped, ...}, value mapped = 0x40. */
    static final RawExtension GUAMI_TYPE = new RawExtension(176, Criticality.IGNORE, Octets.ofHex("40"));
    /** id-RedundantQosFlowIndicator (194): ENUMERATED {true, false}, value false = 0x80. */
    static final RawExtension REDUNDANT_QOS = new RawExtension(194, Criticality.IGNORE, Octets.ofHex("80"));
    /** An extension from a release after R17.9 (id 400 is unassigned there): opaque to the codec. */
    static final RawExtension LATER_RELEASE = new RawExtension(400, Criticality.IGNORE, Octets.ofHex("ab"));
    /** id-PduSessionExpectedUEActivityBehaviour (281), its value opaque to the codec. */
    static final RawExtension EXPECTED_BEHAVIOUR = new RawExtension(281, Criticality.IGNORE, Octets.ofHex("1234"));

    @Test
    void whenUserLocationInformationCarriesUnknownExtension_thenReencodedUnchanged() throws Exception {
        byte[] bytes = GoldenVectorTest.load(ULI_NID);
        DecodeResult.Decoded d = (DecodeResult.Decoded) NgapCodec.decode(bytes);
        NasTransport.InitialUeMessage m = (NasTransport.InitialUeMessage) d.message();
        UserLocationInformation.Nr uli = (UserLocationInformation.Nr) m.userLocationInformation();

        assertThat(uli.tai().tac()).isEqualTo(117);
        assertThat(uli.extensions()).containsExactly(
                new RawExtension(ID_NID, Criticality.REJECT, Octets.ofHex("123456789ab0")));
        assertThat(NgapCodec.encode(m)).isEqualTo(bytes);
    }

    @Test
    void whenExtensionHasCriticalityReject_thenTheDecodedValueNamesItForTheProcedureToReject() throws Exception {
        DecodeResult.Decoded d = (DecodeResult.Decoded) NgapCodec.decode(GoldenVectorTest.load(ULI_NID));
        UserLocationInformation uli = ((NasTransport.InitialUeMessage) d.message()).userLocationInformation();

        RawExtension x = RawExtension.firstToReject(uli.extensions());

        assertThat(x).isNotNull();
        assertThat(x.id()).isEqualTo(ID_NID);
        assertThat(x.mustReject()).isTrue();
        assertThat(RawExtension.firstToReject(TestMessages.ULI.extensions())).isNull();
    }

    @Test
    void whenGoldenVectorWithExtensionDissected_thenWiresharkReadsTheNid() throws Exception {
        Assumptions.assumeTrue(Tshark.available(), "tshark and text2pcap not installed");
        byte[] bytes = GoldenVectorTest.load(ULI_NID);
        byte[] reencoded = NgapCodec.encode(((DecodeResult.Decoded) NgapCodec.decode(bytes)).message());

        for (String f : Tshark.dissect(List.of(bytes, reencoded))) {
            assertThat(f)
                    .contains("userLocationInformationNR")
                    .contains("id: id-NID (263)")
                    .contains("NID: 123456789ab0 [bit length 44")
                    .contains("tAC: 117 (0x000075)")
                    .contains("RRCEstablishmentCause: mo-Signalling (3)")
                    .doesNotContain("Malformed")
                    .doesNotContain("[Expert Info (Error");
        }
    }

    static NgSetup.Request ngSetupRequestWithExtensions() {
        NgSetup.Request base = TestMessages.ngSetupRequest();
        SupportedTaItem ta = base.supportedTaList().get(0);
        BroadcastPlmnItem plmn = ta.broadcastPlmns().get(0);
        SupportedTaItem extended = new SupportedTaItem(ta.tac(),
                List.of(new BroadcastPlmnItem(plmn.plmn(), plmn.sliceSupport())), List.of(CONFIGURED_TAC));
        return new NgSetup.Request(base.globalRanNodeId(), base.ranNodeName(), List.of(extended),
                base.defaultPagingDrx(), base.rawIes());
    }

    static NgSetup.Response ngSetupResponseWithExtensions() {
        NgSetup.Response base = TestMessages.ngSetupResponse();
        return new NgSetup.Response(base.amfName(), List.of(new ServedGuamiItem(TestMessages.GUAMI, null,
                List.of(GUAMI_TYPE))), base.relativeAmfCapacity(), base.plmnSupportList(), null, base.rawIes());
    }

    @Test
    void whenItemsOfNgSetupCarryExtensions_thenTheyRoundTripAndWiresharkReadsThem() throws Exception {
        List<NgapMessage> messages = List.of(ngSetupRequestWithExtensions(), ngSetupResponseWithExtensions());
        for (NgapMessage m : messages) {
            byte[] bytes = NgapCodec.encode(m);
            DecodeResult.Decoded d = (DecodeResult.Decoded) NgapCodec.decode(bytes);
            assertThat(d.message()).isEqualTo(m);
            assertThat(NgapCodec.encode(d.message())).isEqualTo(bytes);
        }
        Assumptions.assumeTrue(Tshark.available(), "tshark and text2pcap not installed");
        List<String> frames = Tshark.dissect(messages.stream().map(NgapCodec::encode).toList());
        assertThat(frames.get(0)).contains("id: id-ConfiguredTACIndication (272)")
                .contains("ConfiguredTACIndication: true (0)");
        assertThat(frames.get(1)).contains("id: id-GUAMIType (176)").contains("GUAMIType: mapped (1)");
        for (String f : frames) {
            assertThat(f).doesNotContain("Malformed").doesNotContain("[Expert Info (Error");
        }
    }

    @Test
    void whenPduSessionItemAndQosFlowCarryExtensions_thenTheyRoundTrip() {
        QosFlowSetupRequestItem flow = new QosFlowSetupRequestItem(1, new QosFlowLevelQosParameters(
                new QosCharacteristics.NonDynamic(9, -1, -1, -1, List.of(LATER_RELEASE)),
                new AllocationAndRetentionPriority(8, PreEmptionCapability.SHALL_NOT_TRIGGER_PRE_EMPTION,
                        PreEmptionVulnerability.NOT_PRE_EMPTABLE), null, false, false, List.of(LATER_RELEASE)),
                -1, List.of(REDUNDANT_QOS));
        PduSessionResourceSetupRequestTransfer t = new PduSessionResourceSetupRequestTransfer(
                new PduSessionAggregateMaximumBitRate(1_000_000, 1_000_000), TestMessages.UPF_TUNNEL, false,
                PduSessionType.IPV4, null, -1, List.of(flow), List.of());
        Octets encoded = SmTransferCodec.encode(t);
        TransferResult<PduSessionResourceSetupRequestTransfer> back =
                SmTransferCodec.decode(PduSessionResourceSetupRequestTransfer.class, encoded);
        assertThat(back).isInstanceOf(TransferResult.Ok.class);
        assertThat(((TransferResult.Ok<PduSessionResourceSetupRequestTransfer>) back).value()).isEqualTo(t);

        PduSessionResourceSetup.Request m = new PduSessionResourceSetup.Request(TestMessages.AMF_ID,
                TestMessages.RAN_ID, -1, null, List.of(new PduSessionItem(1, TestMessages.NAS, TestMessages.EMBB,
                encoded, List.of(EXPECTED_BEHAVIOUR))), null, List.of());
        byte[] bytes = NgapCodec.encode(m);
        DecodeResult.Decoded d = (DecodeResult.Decoded) NgapCodec.decode(bytes);
        assertThat(d.message()).isEqualTo(m);
        assertThat(NgapCodec.encode(d.message())).isEqualTo(bytes);
    }

    @Test
    void whenExtensionsGivenAsNull_thenEmptyAndEqualToTheShorterConstructor() {
        UserLocationInformation.Nr uli = new UserLocationInformation.Nr(TestMessages.CGI, TestMessages.TAI, null, null);

        assertThat(uli.extensions()).isEmpty();
        assertThat(uli).isEqualTo(TestMessages.ULI);
    }
}
