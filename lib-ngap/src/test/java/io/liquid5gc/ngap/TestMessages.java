package io.liquid5gc.ngap;

import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.codec.SmTransferCodec;
import io.liquid5gc.ngap.ie.*;
import io.liquid5gc.ngap.message.*;
import io.liquid5gc.ngap.transfer.*;
import java.util.List;

/** The one place tests build NGAP messages: one realistic instance of every modelled message type. */
public final class TestMessages {
    private TestMessages() {
    }

    public static final List<RawIe> NONE = List.of();
    public static final PlmnIdentity PLMN = PlmnIdentity.of("001", "01");
    public static final Tai TAI = new Tai(PLMN, 0x000001);
    public static final NrCgi CGI = new NrCgi(PLMN, 0x000000010L);
    public static final UserLocationInformation ULI = new UserLocationInformation.Nr(CGI, TAI);
    public static final Guami GUAMI = new Guami(PLMN, 0xCA, 0x3F8, 0x01);
    public static final SNssai EMBB = new SNssai(1, 0x010203);
    public static final List<SNssai> NSSAI = List.of(EMBB, SNssai.of(2));
    public static final long AMF_ID = 0x1_0000_0001L;
    public static final long RAN_ID = 0xFFFF_FFF0L;
    /**
     * A plain 5GMM REGISTRATION REQUEST (TS 24.501 8.2.6): initial registration, ngKSI 7, SUCI with null scheme
     * (MCC 001, MNC 01, MSIN 0000000001), 5GMM capability absent, UE security capability 5G-EA0-2 / 5G-IA0-2.
     */
    public static final Octets NAS = Octets.ofHex("7e004179000d0100f110f0ff000000000000102e02e0e0");
    public static final Octets KEY = Octets.ofHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    public static final UeSecurityCapabilities SEC_CAPS = new UeSecurityCapabilities(0xE000, 0xE000, 0xC000, 0xC000);
    public static final UeAggregateMaximumBitRate AMBR = new UeAggregateMaximumBitRate(1_000_000_000L, 500_000_000L);
    public static final Cause CAUSE = CauseRadioNetwork.USER_INACTIVITY;
    public static final CriticalityDiagnostics DIAG = new CriticalityDiagnostics(14, TriggeringMessage.INITIATING_MESSAGE,
            Criticality.REJECT, List.of(new CriticalityDiagnostics.IeDiagnostic(Criticality.REJECT, 999, TypeOfError.NOT_UNDERSTOOD)));
    public static final GlobalRanNodeId GNB = new GlobalRanNodeId.Gnb(PLMN, 0x000001L, 22);
    public static final GtpTunnel UPF_TUNNEL = new GtpTunnel(TransportLayerAddress.ipv4(10, 100, 200, 1), 0x00000001);
    public static final GtpTunnel GNB_TUNNEL = new GtpTunnel(TransportLayerAddress.ipv4(10, 100, 200, 2), 0x80000001);
    public static final QosFlowSetupRequestItem QOS_FLOW = new QosFlowSetupRequestItem(1, new QosFlowLevelQosParameters(
            QosCharacteristics.NonDynamic.of(9), new AllocationAndRetentionPriority(8,
            PreEmptionCapability.SHALL_NOT_TRIGGER_PRE_EMPTION, PreEmptionVulnerability.NOT_PRE_EMPTABLE)));

    /** One instance of every SM transfer container (TS 38.413 9.3.4). */
    public static List<SmTransfer> transfers() {
        QosFlowSetupRequestItem gbr = new QosFlowSetupRequestItem(2, new QosFlowLevelQosParameters(
                new QosCharacteristics.Dynamic(20, 100, 1, 6, 1, 1, 2000, 4096),
                new AllocationAndRetentionPriority(1, PreEmptionCapability.MAY_TRIGGER_PRE_EMPTION, PreEmptionVulnerability.PRE_EMPTABLE),
                new GbrQosInformation(20_000_000, 10_000_000, 5_000_000, 1_000_000, true, 10, QosCharacteristics.ABSENT),
                true, false), 5);
        SecurityIndication si = new SecurityIndication(ProtectionIndication.PREFERRED, ProtectionIndication.NOT_NEEDED,
                MaximumIntegrityProtectedDataRate.MAXIMUM_UE_RATE);
        SecurityResult sr = new SecurityResult(ProtectionResult.PERFORMED, ProtectionResult.NOT_PERFORMED);
        List<QosFlowWithCause> failed = List.of(new QosFlowWithCause(3, CauseRadioNetwork.NOT_SUPPORTED_5QI_VALUE));
        return List.of(
                setupRequestTransfer(),
                new PduSessionResourceSetupRequestTransfer(new PduSessionAggregateMaximumBitRate(100_000_000, 50_000_000),
                        UPF_TUNNEL, true, PduSessionType.IPV4V6, si, 7, List.of(QOS_FLOW, gbr), NONE),
                setupResponseTransfer(),
                new PduSessionResourceSetupResponseTransfer(new QosFlowPerTnlInformation(GNB_TUNNEL,
                        List.of(new AssociatedQosFlow(1, 1))), List.of(new QosFlowPerTnlInformation(GNB_TUNNEL, List.of(AssociatedQosFlow.of(2)))),
                        sr, failed),
                new PduSessionResourceSetupUnsuccessfulTransfer(CauseRadioNetwork.RADIO_RESOURCES_NOT_AVAILABLE, DIAG),
                new PduSessionResourceModifyRequestTransfer(new PduSessionAggregateMaximumBitRate(1, 2),
                        List.of(new UlNguUpTnlModifyItem(UPF_TUNNEL, GNB_TUNNEL)), 1,
                        List.of(QOS_FLOW, new QosFlowSetupRequestItem(4, null, -1)), failed, NONE),
                new PduSessionResourceModifyResponseTransfer(GNB_TUNNEL, null, List.of(1, 4), null, failed),
                new PduSessionResourceReleaseCommandTransfer(CauseNas.NORMAL_RELEASE),
                new PduSessionResourceReleaseResponseTransfer(),
                new HandoverRequiredTransfer(true),
                new HandoverCommandTransfer(GNB_TUNNEL, List.of(1), List.of(new DataForwardingDrb(1, GNB_TUNNEL, null))),
                new HandoverRequestAcknowledgeTransfer(GNB_TUNNEL, null, sr, List.of(new QosFlowWithDataForwarding(1, true)), null, null),
                new PathSwitchRequestTransfer(GNB_TUNNEL, false, sr, si, List.of(1, 2)),
                new PathSwitchRequestAcknowledgeTransfer(UPF_TUNNEL, si),
                new PathSwitchRequestUnsuccessfulTransfer(CauseMisc.CONTROL_PROCESSING_OVERLOAD));
    }

    public static PduSessionResourceSetupRequestTransfer setupRequestTransfer() {
        return new PduSessionResourceSetupRequestTransfer(new PduSessionAggregateMaximumBitRate(1_000_000_000L, 1_000_000_000L),
                UPF_TUNNEL, false, PduSessionType.IPV4, null, -1, List.of(QOS_FLOW), NONE);
    }

    public static PduSessionResourceSetupResponseTransfer setupResponseTransfer() {
        return new PduSessionResourceSetupResponseTransfer(new QosFlowPerTnlInformation(GNB_TUNNEL, List.of(AssociatedQosFlow.of(1))),
                null, null, null);
    }

    static Octets enc(SmTransfer t) {
        return SmTransferCodec.encode(t);
    }

    /** Transfers of the shape SEQUENCE { cause, iE-Extensions OPTIONAL, ... } (release command, unsuccessful...). */
    static final Octets CAUSE_TRANSFER = enc(new PduSessionResourceReleaseCommandTransfer(CauseRadioNetwork.UNSPECIFIED));
    static final Octets SETUP_REQ_T = enc(setupRequestTransfer());
    static final Octets SETUP_RESP_T = enc(setupResponseTransfer());
    static final Octets UNSUCC_T = enc(new PduSessionResourceSetupUnsuccessfulTransfer(CauseTransport.UNSPECIFIED, null));
    /** PDUSessionResourceNotifyTransfer with no optional part: a single zero octet. */
    static final Octets EMPTY_SEQUENCE_T = enc(new PduSessionResourceReleaseResponseTransfer());
    public static final Octets TRANSFER = SETUP_REQ_T;
    public static final Octets CONTAINER = Octets.ofHex("40031a2b3c4d");
    public static final List<PduSessionItem> SETUP_ITEMS = List.of(new PduSessionItem(1, NAS, EMBB, SETUP_REQ_T));
    public static final List<PduSessionItem> TRANSFER_ITEMS = List.of(PduSessionItem.withTransfer(1, SETUP_RESP_T),
            PduSessionItem.withTransfer(2, SETUP_RESP_T));

    static List<PduSessionItem> items(SmTransfer t) {
        return items(enc(t));
    }

    static List<PduSessionItem> items(Octets t) {
        return List.of(PduSessionItem.withTransfer(1, t), PduSessionItem.withTransfer(2, t));
    }

    /**
     * RANStatusTransfer-TransparentContainer (TS 38.413 9.3.4.x) for DRB 1 with 12-bit PDCP SN: UL COUNT
     * (SN 1, HFN 2), DL COUNT (SN 3, HFN 4), written bit by bit with the APER writer.
     */
    static Octets ranStatusContainer() {
        AperWriter w = new AperWriter();
        w.writeBits(0, 2);                 // container: extension bit, iE-Extensions absent
        w.writeConstrained(1, 1, 32);      // DRBsSubjectToStatusTransferList count
        w.writeBits(0, 2);                 // item: extension bit, iE-Extensions absent
        w.writeBit(false);                 // DRB-ID (1..32, ...)
        w.writeConstrained(1, 1, 32);
        w.writeConstrained(0, 0, 2);       // DRBStatusUL: dRBStatusUL12
        w.writeBits(0, 3);                 // extension bit, receiveStatusOfUL-PDCP-SDUs absent, iE-Extensions absent
        w.writeBits(0, 2);                 // COUNTValueForPDCP-SN12
        w.writeConstrained(1, 0, 4095);
        w.writeConstrained(2, 0, 1048575);
        w.writeConstrained(0, 0, 2);       // DRBStatusDL: dRBStatusDL12
        w.writeBits(0, 2);
        w.writeBits(0, 2);
        w.writeConstrained(3, 0, 4095);
        w.writeConstrained(4, 0, 1048575);
        return Octets.wrap(w.toByteArray());
    }
    public static final List<PduSessionItem> ID_ITEMS = List.of(PduSessionItem.id(1), PduSessionItem.id(5));
    public static final SecurityContext SEC_CTX = new SecurityContext(2, KEY);

    public static NgSetup.Request ngSetupRequest() {
        return new NgSetup.Request(GNB, "gnb-liquid5gc",
                List.of(new SupportedTaItem(0x000001, List.of(new BroadcastPlmnItem(PLMN, NSSAI)))), PagingDrx.V128, NONE);
    }

    public static NgSetup.Response ngSetupResponse() {
        return new NgSetup.Response("amf.liquid5gc", List.of(new ServedGuamiItem(GUAMI)), 255,
                List.of(new PlmnSupportItem(PLMN, NSSAI)), null, NONE);
    }

    public static NasTransport.InitialUeMessage initialUeMessage() {
        return new NasTransport.InitialUeMessage(RAN_ID, NAS, ULI, RrcEstablishmentCause.MO_SIGNALLING,
                new FiveGSTmsi(0x3F8, 1, 0xC0FFEE01L), NgapMessage.ABSENT, true, null, NONE);
    }

    public static InitialContextSetup.Request initialContextSetupRequest() {
        return new InitialContextSetup.Request(AMF_ID, RAN_ID, null, AMBR, GUAMI, SETUP_ITEMS, NSSAI, SEC_CAPS, KEY,
                null, NgapMessage.ABSENT, null, NAS, NONE);
    }

    /** OVERLOAD START: reject non-emergency mobile-originated data, 40 % of the signalling. */
    public static io.liquid5gc.ngap.message.Overload.Start overloadStart() {
        return io.liquid5gc.ngap.message.Overload.Start.of(new io.liquid5gc.ngap.ie.OverloadResponse.Action(
                io.liquid5gc.ngap.ie.OverloadAction.REJECT_NON_EMERGENCY_MO_DT), 40);
    }

    /** AMF STATUS INDICATION: the GUAMI unavailable, keep its UEs a while (apply-timer), backup AMF named. */
    public static io.liquid5gc.ngap.message.AmfStatusIndication amfStatusIndication() {
        return io.liquid5gc.ngap.message.AmfStatusIndication.of(List.of(
                new io.liquid5gc.ngap.ie.UnavailableGuamiItem(GUAMI, true, "amf-backup", List.of())));
    }

    public static List<NgapMessage> all() {
        return List.of(
                ngSetupRequest(),
                ngSetupResponse(),
                new NgSetup.Failure(CauseMisc.UNSPECIFIED, TimeToWait.V10S, DIAG, NONE),
                new RanConfigurationUpdate.Request("gnb-2", List.of(new SupportedTaItem(2, List.of(new BroadcastPlmnItem(PLMN, List.of(EMBB))))),
                        PagingDrx.V64, GNB, NONE),
                new RanConfigurationUpdate.Acknowledge(null, NONE),
                new RanConfigurationUpdate.Failure(CauseProtocol.SEMANTIC_ERROR, null, null, NONE),
                new AmfConfigurationUpdate.Request("amf-2", List.of(new ServedGuamiItem(GUAMI, "backup-amf")), 100,
                        List.of(new PlmnSupportItem(PLMN, List.of(EMBB))), NONE),
                new AmfConfigurationUpdate.Acknowledge(DIAG, NONE),
                new AmfConfigurationUpdate.Failure(CauseTransport.TRANSPORT_RESOURCE_UNAVAILABLE, TimeToWait.V1S, null, NONE),
                new NgReset.Request(CauseMisc.OM_INTERVENTION, new ResetType.NgInterface(), NONE),
                new NgReset.Request(CauseMisc.OM_INTERVENTION, new ResetType.PartOfNgInterface(List.of(
                        new UeAssociatedConnection(AMF_ID, RAN_ID), new UeAssociatedConnection(UeAssociatedConnection.ABSENT, 7))), NONE),
                new NgReset.Acknowledge(List.of(new UeAssociatedConnection(AMF_ID, UeAssociatedConnection.ABSENT)), null, NONE),
                new ErrorIndication(AMF_ID, RAN_ID, CauseProtocol.ABSTRACT_SYNTAX_ERROR_REJECT, DIAG, null, NONE),
                overloadStart(),
                amfStatusIndication(),
                io.liquid5gc.ngap.message.AmfStatusIndication.of(List.of(new io.liquid5gc.ngap.ie.UnavailableGuamiItem(GUAMI, null))),
                new io.liquid5gc.ngap.message.Overload.Start(null, io.liquid5gc.ngap.message.NgapMessage.ABSENT, NONE),
                io.liquid5gc.ngap.message.Overload.Stop.of(),
                initialUeMessage(),
                new NasTransport.InitialUeMessage(3, NAS, ULI, RrcEstablishmentCause.MO_EXCEPTION_DATA, null, 0x155, false, NSSAI, NONE),
                new NasTransport.DownlinkNasTransport(AMF_ID, RAN_ID, "old-amf", 5, NAS, AMBR, NSSAI, NONE),
                new NasTransport.UplinkNasTransport(AMF_ID, RAN_ID, NAS, ULI, NONE),
                new NasTransport.NasNonDeliveryIndication(AMF_ID, RAN_ID, NAS, CauseRadioNetwork.RADIO_CONNECTION_WITH_UE_LOST, NONE),
                new NasTransport.RerouteNasRequest(RAN_ID, AMF_ID, Octets.wrap(NgapCodec.encode(initialUeMessage())), 0x3F8, NSSAI, NONE),
                initialContextSetupRequest(),
                new InitialContextSetup.Request(AMF_ID, RAN_ID, "old", null, GUAMI, null, NSSAI, SEC_CAPS, KEY,
                        Octets.ofHex("0102"), 12, Octets.ofHex("1122334455ffff00"), null, NONE),
                new InitialContextSetup.Response(AMF_ID, RAN_ID, TRANSFER_ITEMS, List.of(PduSessionItem.withTransfer(3, UNSUCC_T)), null, NONE),
                new InitialContextSetup.Failure(AMF_ID, RAN_ID, null, CauseNas.AUTHENTICATION_FAILURE, DIAG, NONE),
                new UeContextRelease.Request(AMF_ID, RAN_ID, ID_ITEMS, CAUSE, NONE),
                new UeContextRelease.Command(new UeNgapIds.Pair(AMF_ID, RAN_ID), CauseNas.NORMAL_RELEASE, NONE),
                new UeContextRelease.Command(new UeNgapIds.AmfOnly(AMF_ID), CauseNas.DEREGISTER, NONE),
                new UeContextRelease.Complete(AMF_ID, RAN_ID, ULI, ID_ITEMS, null, NONE),
                new UeContextModification.Request(AMF_ID, RAN_ID, 3, KEY, 4, AMBR, SEC_CAPS, AMF_ID + 1, GUAMI, NONE),
                new UeContextModification.Response(AMF_ID, RAN_ID, RrcState.CONNECTED, ULI, null, NONE),
                new UeContextModification.Failure(AMF_ID, RAN_ID, CauseRadioNetwork.UNSPECIFIED, null, NONE),
                new UeRadioCapabilityInfoIndication(AMF_ID, RAN_ID, Octets.ofHex("04009401"), null, NONE),
                new PduSessionResourceSetup.Request(AMF_ID, RAN_ID, NgapMessage.ABSENT, null, SETUP_ITEMS, AMBR, NONE),
                new PduSessionResourceSetup.Response(AMF_ID, RAN_ID, TRANSFER_ITEMS, null, null, ULI, NONE),
                new PduSessionResourceModify.Request(AMF_ID, RAN_ID, 2, List.of(new PduSessionItem(1, NAS, null, enc(transfers().get(5)))), NONE),
                new PduSessionResourceModify.Response(AMF_ID, RAN_ID, items(transfers().get(6)), List.of(PduSessionItem.withTransfer(3, UNSUCC_T)), ULI, null, NONE),
                new PduSessionResourceRelease.Command(AMF_ID, RAN_ID, NgapMessage.ABSENT, NAS, items(CAUSE_TRANSFER), NONE),
                new PduSessionResourceRelease.Response(AMF_ID, RAN_ID, items(EMPTY_SEQUENCE_T), ULI, null, NONE),
                new PduSessionResourceNotify(AMF_ID, RAN_ID, items(EMPTY_SEQUENCE_T), items(CAUSE_TRANSFER), ULI, NONE),
                new Paging(new FiveGSTmsi(1, 2, 0xDEADBEEFL), PagingDrx.V256, List.of(TAI, new Tai(PLMN, 2)), PagingPriority.PRIOLEVEL3, NONE),
                new HandoverPreparation.Required(AMF_ID, RAN_ID, HandoverType.INTRA_5GS, CauseRadioNetwork.HANDOVER_DESIRABLE_FOR_RADIO_REASON,
                        new TargetId.RanNode(new GlobalRanNodeId.Gnb(PLMN, 2, 32), TAI), true, items(new HandoverRequiredTransfer(true)), CONTAINER, NONE),
                new HandoverPreparation.Command(AMF_ID, RAN_ID, HandoverType.INTRA_5GS, items(transfers().get(10)), List.of(PduSessionItem.withTransfer(3, CAUSE_TRANSFER)), CONTAINER, null, NONE),
                new HandoverPreparation.Failure(AMF_ID, RAN_ID, CauseRadioNetwork.HO_TARGET_NOT_ALLOWED, null, NONE),
                new HandoverResourceAllocation.Request(AMF_ID, HandoverType.INTRA_5GS, CauseRadioNetwork.HANDOVER_DESIRABLE_FOR_RADIO_REASON,
                        AMBR, SEC_CAPS, SEC_CTX, List.of(new PduSessionItem(1, null, EMBB, TRANSFER)), NSSAI, CONTAINER, GUAMI, NONE),
                new HandoverResourceAllocation.Acknowledge(AMF_ID, RAN_ID, items(transfers().get(11)), List.of(PduSessionItem.withTransfer(3, UNSUCC_T)), CONTAINER, null, NONE),
                new HandoverResourceAllocation.Failure(AMF_ID, CauseRadioNetwork.NO_RADIO_RESOURCES_AVAILABLE_IN_TARGET_CELL, null, NONE),
                new HandoverNotify(AMF_ID, RAN_ID, ULI, NONE),
                new HandoverCancel.Request(AMF_ID, RAN_ID, CauseRadioNetwork.HANDOVER_CANCELLED, NONE),
                new HandoverCancel.Acknowledge(AMF_ID, RAN_ID, null, NONE),
                new RanStatusTransfer.Uplink(AMF_ID, RAN_ID, ranStatusContainer(), NONE),
                new RanStatusTransfer.Downlink(AMF_ID, RAN_ID, ranStatusContainer(), NONE),
                new PathSwitch.Request(RAN_ID, AMF_ID, ULI, SEC_CAPS, items(transfers().get(12)), List.of(PduSessionItem.withTransfer(3, CAUSE_TRANSFER)), NONE),
                new PathSwitch.Acknowledge(AMF_ID, RAN_ID, SEC_CAPS, SEC_CTX, items(transfers().get(13)), List.of(PduSessionItem.withTransfer(3, CAUSE_TRANSFER)), NSSAI, null, NONE),
                new PathSwitch.Failure(AMF_ID, RAN_ID, items(enc(new PathSwitchRequestUnsuccessfulTransfer(CauseMisc.CONTROL_PROCESSING_OVERLOAD))), null, NONE),
                new UnknownMessage(MessageType.INITIATING_MESSAGE, 18, Criticality.IGNORE, Octets.ofHex("000002000a00020001005500020001"))
        );
    }

    /** Messages that carry each SM transfer of {@link #transfers()} in the list Wireshark decodes it from. */
    public static List<NgapMessage> transferCarriers() {
        List<SmTransfer> t = transfers();
        return List.of(
                new PduSessionResourceSetup.Request(AMF_ID, RAN_ID, 1, NAS,
                        List.of(new PduSessionItem(1, null, EMBB, enc(t.get(0))), new PduSessionItem(2, null, EMBB, enc(t.get(1)))),
                        null, NONE),
                new PduSessionResourceSetup.Response(AMF_ID, RAN_ID,
                        List.of(PduSessionItem.withTransfer(1, enc(t.get(2))), PduSessionItem.withTransfer(2, enc(t.get(3)))),
                        List.of(PduSessionItem.withTransfer(3, enc(t.get(4)))), DIAG, ULI, NONE),
                new PduSessionResourceRelease.Command(AMF_ID, RAN_ID, NgapMessage.ABSENT, null, items(t.get(7)), NONE),
                new PduSessionResourceRelease.Response(AMF_ID, RAN_ID, items(t.get(8)), null, null, NONE),
                new HandoverResourceAllocation.Request(AMF_ID, HandoverType.INTRA_5GS, CAUSE, AMBR, SEC_CAPS, SEC_CTX,
                        List.of(new PduSessionItem(1, null, EMBB, enc(t.get(1)))), NSSAI, CONTAINER, GUAMI, NONE));
    }
}
