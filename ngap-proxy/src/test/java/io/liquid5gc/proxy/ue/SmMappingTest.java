package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.nas.Tshark;
import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.Dnn;
import io.liquid5gc.nas.ie.PacketFilter;
import io.liquid5gc.nas.ie.PduSessionType;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.ie.SessionAmbr;
import io.liquid5gc.nas.ie.SscMode;
import io.liquid5gc.nas.sm.SmCause;
import io.liquid5gc.nas.sm.SmMessage;
import io.liquid5gc.ngap.codec.SmTransferCodec;
import io.liquid5gc.ngap.ie.AllocationAndRetentionPriority;
import io.liquid5gc.ngap.ie.AssociatedQosFlow;
import io.liquid5gc.ngap.ie.CauseRadioNetwork;
import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PreEmptionCapability;
import io.liquid5gc.ngap.ie.PreEmptionVulnerability;
import io.liquid5gc.ngap.ie.QosCharacteristics;
import io.liquid5gc.ngap.ie.QosFlowPerTnlInformation;
import io.liquid5gc.ngap.ie.QosFlowWithCause;
import io.liquid5gc.ngap.ie.TransportLayerAddress;
import io.liquid5gc.ngap.transfer.PduSessionResourceModifyRequestTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupResponseTransfer;
import io.liquid5gc.ngap.transfer.TransferResult;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.DownlinkSm;
import io.liquid5gc.sbi.amf.UplinkSm;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.pcf.Arp;
import io.liquid5gc.sbi.smf.PduAddress;
import io.liquid5gc.sbi.smf.PduSessionEstablishmentAccept;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupRequestTransfer;
import io.liquid5gc.sbi.smf.QosFlowDescription;
import io.liquid5gc.sbi.smf.QosFlowSetupRequestItem;
import io.liquid5gc.sbi.smf.QosRule;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 5GSM content and NGAP SM transfers between the SMF's contract (sbi-api) and the wire, checked against independent
 * readers: lib-nas's and lib-ngap's decoders, and Wireshark's nas-5gs dissector.
 */
class SmMappingTest {

    private static final Snssai SLICE = new Snssai(1, "010203");

    /** An accept as nf-smf builds it: default rule (match-all) and a second rule, two flows, the #50 type cause. */
    private static PduSessionEstablishmentAccept accept(Ambr ambr) {
        return new PduSessionEstablishmentAccept(5, "IPV4", "SSC_MODE_1",
                List.of(new QosRule(1, true, 255, List.of(new QosRule.PacketFilter(1, "BIDIRECTIONAL", "MATCH_ALL")), 1),
                        new QosRule(2, false, 128, List.of(new QosRule.PacketFilter(3, "BIDIRECTIONAL", "MATCH_ALL")), 2)),
                ambr, new PduAddress("IPV4", "10.45.0.7"), SLICE, "ims.mnc001.mcc001.gprs", 50,
                List.of(new QosFlowDescription(1, 9, null, null, null, null), new QosFlowDescription(2, 5, null, null, null, null)));
    }

    private static SmMessage sm(byte[] bytes) {
        DecodeResult<SmMessage> d = NasCodec.decodeSm(bytes);
        assertThat(d).as("lib-nas decodes %s", java.util.HexFormat.of().formatHex(bytes)).isInstanceOf(DecodeResult.Ok.class);
        return ((DecodeResult.Ok<SmMessage>) d).value();
    }

    // ---- PDU Session Establishment Accept (TS 24.501 8.3.2)

    @Test
    void whenTheSmfsAcceptIsEncoded_thenLibNasReadsTheSameValues() {
        SmMessage decoded = sm(SmMapping.encode(5, new DownlinkSm.EstablishmentAccept(3, accept(new Ambr("2000 Kbps", "100 Mbps")))));

        assertThat(decoded).isInstanceOfSatisfying(SmMessage.PduSessionEstablishmentAccept.class, a -> {
            assertThat(a.pduSessionId()).isEqualTo(5);
            assertThat(a.pti()).isEqualTo(3);
            assertThat(a.pduSessionType()).isEqualTo(PduSessionType.IPV4);
            assertThat(a.sscMode()).isEqualTo(SscMode.SSC_MODE_1);
            assertThat(a.authorizedQosRules()).hasSize(2);
            var r1 = a.authorizedQosRules().get(0);
            assertThat(r1.id()).isEqualTo(1);
            assertThat(r1.defaultRule()).isTrue();
            assertThat(r1.operation()).isEqualTo(io.liquid5gc.nas.ie.QosRule.CREATE);
            assertThat(r1.precedence()).isEqualTo(255);
            assertThat(r1.qfi()).isEqualTo(1);
            assertThat(r1.packetFilters()).containsExactly(PacketFilter.matchAll(1));
            var r2 = a.authorizedQosRules().get(1);
            assertThat(r2.id()).isEqualTo(2);
            assertThat(r2.defaultRule()).isFalse();
            assertThat(r2.precedence()).isEqualTo(128);
            assertThat(r2.qfi()).isEqualTo(2);
            assertThat(r2.packetFilters()).containsExactly(PacketFilter.matchAll(3));
            assertThat(a.sessionAmbr()).isEqualTo(new SessionAmbr(SessionAmbr.UNIT_MBPS, 100, SessionAmbr.UNIT_KBPS, 2000));
            assertThat(a.cause()).isEqualTo(SmCause.PDU_SESSION_TYPE_IPV4_ONLY_ALLOWED);
            assertThat(a.pduAddress()).isEqualTo(io.liquid5gc.nas.ie.PduAddress.ipv4(new byte[] {10, 45, 0, 7}));
            assertThat(a.sNssai()).isEqualTo(SNssai.of(1, 0x010203));
            assertThat(a.dnn()).isEqualTo(new Dnn("ims.mnc001.mcc001.gprs"));
            assertThat(a.authorizedQosFlowDescriptions()).extracting(f -> f.qfi(), f -> f.fiveQi())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 9), org.assertj.core.groups.Tuple.tuple(2, 5));
        });
    }

    /** TS 24.501 9.11.4.14: the finest of 1 kbps / 1 Mbps / 1 Gbps / 1 Tbps whose 16-bit value holds the rate, rounded up. */
    @ParameterizedTest
    @CsvSource({
            "1 Gbps, 6, 1000",
            "100 Mbps, 6, 100",
            "2000 Kbps, 1, 2000",
            "65535 Kbps, 1, 65535",
            "65536 Kbps, 6, 66",
            "1.5 Kbps, 1, 2",
            "70 Gbps, 11, 70",
            "100 Tbps, 16, 100",
            "0 bps, 1, 0"})
    void whenTheSessionAmbrIsGiven_thenTheUnitAndValueHoldItAtLeast(String rate, int unit, int value) {
        SessionAmbr ambr = SmMapping.sessionAmbr(new Ambr(rate, rate));

        assertThat(ambr).isEqualTo(new SessionAmbr(unit, value, unit, value));
        assertThat(ambr.downlinkBps()).isGreaterThanOrEqualTo(Ambr.bitsPerSecond(rate));
        // and it survives the wire as lib-nas reads it
        SmMessage.PduSessionEstablishmentAccept a = (SmMessage.PduSessionEstablishmentAccept)
                sm(SmMapping.encode(1, new DownlinkSm.EstablishmentAccept(1, accept(new Ambr(rate, "1 Gbps")))));
        assertThat(a.sessionAmbr().uplinkUnit()).isEqualTo(unit);
        assertThat(a.sessionAmbr().uplink()).isEqualTo(value);
    }

    @Test
    void whenTheAcceptIsDissectedByWireshark_thenItIsAnEstablishmentAcceptWithTheSmfsValues() throws Exception {
        Assumptions.assumeTrue(Tshark.available(), "tshark and text2pcap are not installed");
        PduSessionEstablishmentAccept accept = accept(new Ambr("2000 Kbps", "1 Gbps"));
        List<String> frames = Tshark.dissect(List.of(
                SmMapping.encode(5, new DownlinkSm.EstablishmentAccept(3, accept)),
                io.liquid5gc.nas.codec.NasCodec.encode(NasMapping.toGmm(new DownlinkNas.DlNasTransport(5, new DownlinkSm.EstablishmentAccept(3, accept), null)))));

        for (String f : frames) {
            assertThat(Tshark.problems(f)).as(f).isEmpty();
            assertThat(f).contains("Message type: PDU session establishment accept (0xc2)")
                    .contains("PDU session identity value 5 (5)").contains("Procedure transaction identity: 3")
                    .contains("Selected SSC mode: SSC mode 1 (1)").contains("PDU session type: IPv4 (1)")
                    .contains("DQR: The QoS rule is the default QoS rule").contains("Packet filter component type: Match-all type (1)")
                    .contains("QoS rule precedence: 255").contains("QoS rule precedence: 128")
                    .contains("Session-AMBR for downlink: 1000 Mbps (1000)").contains("Session-AMBR for uplink: 2000 Kbps (2000)")
                    .contains("5GSM cause: PDU session type IPv4 only allowed (50)")
                    .contains("PDU address information: 10.45.0.7")
                    .contains("Slice/service type (SST): eMBB (1)").contains("Slice differentiator (SD): 66051")
                    .contains("5QI: 9").contains("5QI: 5")
                    .contains("DNN: ims.mnc001.mcc001.gprs");
        }
        assertThat(frames.get(1)).contains("Message type: DL NAS transport (0x68)").contains("Payload container type: N1 SM information (1)");
    }

    // ---- other downlink 5GSM messages

    @Test
    void whenRejectsAndCommandsAreEncoded_thenLibNasReadsTheirCausesAndTimers() {
        assertThat(sm(SmMapping.encode(4, new DownlinkSm.EstablishmentReject(2, 69, 120))))
                .isInstanceOfSatisfying(SmMessage.PduSessionEstablishmentReject.class, r -> {
                    assertThat(r.pduSessionId()).isEqualTo(4);
                    assertThat(r.pti()).isEqualTo(2);
                    assertThat(r.cause()).isEqualTo(SmCause.INSUFFICIENT_RESOURCES_FOR_SLICE);
                    assertThat(r.backOffTimer().toSeconds()).isEqualTo(120);
                });
        assertThat(sm(SmMapping.encode(4, new DownlinkSm.EstablishmentReject(2, 27, null))))
                .isInstanceOfSatisfying(SmMessage.PduSessionEstablishmentReject.class, r -> {
                    assertThat(r.cause()).isEqualTo(SmCause.MISSING_OR_UNKNOWN_DNN);
                    assertThat(r.backOffTimer()).isNull();
                });
        assertThat(sm(SmMapping.encode(6, new DownlinkSm.ReleaseCommand(9, 36))))
                .isInstanceOfSatisfying(SmMessage.PduSessionReleaseCommand.class, c -> {
                    assertThat(c.pduSessionId()).isEqualTo(6);
                    assertThat(c.pti()).isEqualTo(9);
                    assertThat(c.cause()).isEqualTo(SmCause.REGULAR_DEACTIVATION);
                });
        assertThat(sm(SmMapping.encode(6, new DownlinkSm.ReleaseReject(9, 43))))
                .isInstanceOfSatisfying(SmMessage.PduSessionReleaseReject.class, r -> {
                    assertThat(r.pti()).isEqualTo(9);
                    assertThat(r.cause()).isEqualTo(SmCause.INVALID_PDU_SESSION_IDENTITY);
                });
        assertThat(sm(SmMapping.encode(6, new DownlinkSm.ModificationReject(9, 43))))
                .isInstanceOfSatisfying(SmMessage.PduSessionModificationReject.class, r -> assertThat(r.cause()).isEqualTo(SmCause.INVALID_PDU_SESSION_IDENTITY));
    }

    // ---- uplink 5GSM

    @Test
    void whenTheUeSends5gsmMessages_thenTheAmfGetsTheirContent() {
        byte[] establishment = NasCodec.encode(new SmMessage.PduSessionEstablishmentRequest(5, 1,
                io.liquid5gc.nas.ie.IntegrityProtectionMaxDataRate.full(), PduSessionType.IPV4V6, SscMode.SSC_MODE_1, null, null, null, List.of()));
        assertThat(SmMapping.toUplink(establishment)).isEqualTo(new UplinkSm.PduSessionEstablishmentRequest(1, "IPV4V6", "SSC_MODE_1"));
        byte[] bare = NasCodec.encode(new SmMessage.PduSessionEstablishmentRequest(5, 2,
                io.liquid5gc.nas.ie.IntegrityProtectionMaxDataRate.full(), null, null, null, null, null, List.of()));
        assertThat(SmMapping.toUplink(bare)).isEqualTo(new UplinkSm.PduSessionEstablishmentRequest(2, null, null));
        assertThat(SmMapping.toUplink(NasCodec.encode(new SmMessage.PduSessionReleaseRequest(5, 7, SmCause.REGULAR_DEACTIVATION, null, List.of()))))
                .isEqualTo(new UplinkSm.PduSessionReleaseRequest(7, 36));
        assertThat(SmMapping.toUplink(NasCodec.encode(new SmMessage.PduSessionReleaseRequest(5, 7, null, null, List.of()))))
                .isEqualTo(new UplinkSm.PduSessionReleaseRequest(7, 0));
        assertThat(SmMapping.toUplink(NasCodec.encode(new SmMessage.PduSessionReleaseComplete(5, 7, null, null, List.of()))))
                .isEqualTo(new UplinkSm.PduSessionReleaseComplete(7));
        assertThat(SmMapping.toUplink(new byte[] {0x2e, 0x05})).isEqualTo(new UplinkSm.Other(0, "UNDECODABLE"));
    }

    // ---- NGAP SM transfers (TS 38.413 9.3.4)

    @Test
    void whenTheSmfsSetupTransferIsEncoded_thenLibNgapReadsTheUplinkTunnelFlowsArpAndAmbr() {
        PduSessionResourceSetupRequestTransfer contract = new PduSessionResourceSetupRequestTransfer(new Ambr("200 Mbps", "1 Gbps"),
                UpTransportLayerInformation.of("10.100.200.2", 0xFEDCBA98L), "IPV4",
                List.of(new QosFlowSetupRequestItem(1, 9, new Arp(8, "NOT_PREEMPT", "NOT_PREEMPTABLE")),
                        new QosFlowSetupRequestItem(2, 5, new Arp(1, "MAY_PREEMPT", "PREEMPTABLE"))));

        Octets octets = SmMapping.setupRequestTransfer(contract);

        var decoded = switch (SmTransferCodec.decode(io.liquid5gc.ngap.transfer.PduSessionResourceSetupRequestTransfer.class, octets)) {
            case TransferResult.Ok<io.liquid5gc.ngap.transfer.PduSessionResourceSetupRequestTransfer> ok -> ok.value();
            case TransferResult.Error<io.liquid5gc.ngap.transfer.PduSessionResourceSetupRequestTransfer> e -> throw new AssertionError(e.detail());
        };
        assertThat(decoded.ulNguUpTnlInformation().address().toInetAddress().getHostAddress()).isEqualTo("10.100.200.2");
        assertThat(decoded.ulNguUpTnlInformation().teid()).isEqualTo(0xFEDCBA98);
        assertThat(decoded.pduSessionType()).isEqualTo(io.liquid5gc.ngap.ie.PduSessionType.IPV4);
        assertThat(decoded.pduSessionAmbr().downlink()).isEqualTo(1_000_000_000L);
        assertThat(decoded.pduSessionAmbr().uplink()).isEqualTo(200_000_000L);
        assertThat(decoded.qosFlows()).hasSize(2);
        var f1 = decoded.qosFlows().get(0);
        assertThat(f1.qosFlowIdentifier()).isEqualTo(1);
        assertThat(f1.parameters().characteristics()).isEqualTo(QosCharacteristics.NonDynamic.of(9));
        assertThat(f1.parameters().arp()).isEqualTo(new AllocationAndRetentionPriority(8,
                PreEmptionCapability.SHALL_NOT_TRIGGER_PRE_EMPTION, PreEmptionVulnerability.NOT_PRE_EMPTABLE));
        var f2 = decoded.qosFlows().get(1);
        assertThat(f2.qosFlowIdentifier()).isEqualTo(2);
        assertThat(f2.parameters().characteristics()).isEqualTo(QosCharacteristics.NonDynamic.of(5));
        assertThat(f2.parameters().arp()).isEqualTo(new AllocationAndRetentionPriority(1,
                PreEmptionCapability.MAY_TRIGGER_PRE_EMPTION, PreEmptionVulnerability.PRE_EMPTABLE));
        assertThat(f2.parameters().gbr()).isNull();
    }

    @Test
    void whenTheModifyRequestTransferIsBuilt_thenLibNgapReadsTheAmbrAndTheFlowsToModify() {
        PduSessionResourceSetupRequestTransfer qos = new PduSessionResourceSetupRequestTransfer(new Ambr("200 Mbps", "1 Gbps"),
                UpTransportLayerInformation.of("10.100.200.2", 7), "IPV4", List.of(new QosFlowSetupRequestItem(1, 9, new Arp(8, "NOT_PREEMPT", "NOT_PREEMPTABLE"))));

        var decoded = ((io.liquid5gc.ngap.transfer.TransferResult.Ok<PduSessionResourceModifyRequestTransfer>)
                SmMapping.decode(PduSessionResourceModifyRequestTransfer.class, SmMapping.modifyRequestTransfer(qos))).value();

        assertThat(decoded.pduSessionAmbr().downlink()).isEqualTo(1_000_000_000L);
        assertThat(decoded.pduSessionAmbr().uplink()).isEqualTo(200_000_000L);
        assertThat(decoded.qosFlowsToAddOrModify()).singleElement().satisfies(f -> {
            assertThat(f.qosFlowIdentifier()).isEqualTo(1);
            assertThat(f.parameters().characteristics()).isEqualTo(QosCharacteristics.NonDynamic.of(9));
        });
    }

    @Test
    void whenTheGnbsSetupResponseTransferIsRead_thenTheSmfGetsTheDownlinkTunnelAndTheFlows() {
        var transfer = new PduSessionResourceSetupResponseTransfer(new QosFlowPerTnlInformation(
                new GtpTunnel(TransportLayerAddress.ipv4(10, 200, 0, 1), 0x80000001), List.of(AssociatedQosFlow.of(1), AssociatedQosFlow.of(2))),
                null, null, List.of(new QosFlowWithCause(3, CauseRadioNetwork.UNSPECIFIED)));

        var decoded = SmMapping.decode(PduSessionResourceSetupResponseTransfer.class, SmTransferCodec.encode(transfer));
        var contract = SmMapping.setupResponseTransfer(
                ((io.liquid5gc.ngap.transfer.TransferResult.Ok<PduSessionResourceSetupResponseTransfer>) decoded).value());

        assertThat(contract).isEqualTo(new io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer(
                UpTransportLayerInformation.of("10.200.0.1", 0x80000001L), List.of(1, 2), List.of(3)));
        assertThat(contract.dlNguUpTnlInformation().gtpTeid()).isEqualTo("80000001");
    }

    @Test
    void whenTheSetupResponseTransferIsMissingOrUndecodable_thenTheErrorIsAValueNamingIt() {
        assertThat(SmMapping.decode(PduSessionResourceSetupResponseTransfer.class, null)).isInstanceOfSatisfying(
                io.liquid5gc.ngap.transfer.TransferResult.Error.class, e -> {
                    assertThat(e.detail()).contains("PduSessionResourceSetupResponseTransfer");
                    assertThat(e.cause()).isEqualTo(io.liquid5gc.ngap.ie.CauseProtocol.TRANSFER_SYNTAX_ERROR);
                });
        assertThat(SmMapping.decode(PduSessionResourceSetupResponseTransfer.class, Octets.of(0xFF))).isInstanceOfSatisfying(
                io.liquid5gc.ngap.transfer.TransferResult.Error.class, e -> assertThat(e.detail()).contains("PduSessionResourceSetupResponseTransfer"));
    }
}
