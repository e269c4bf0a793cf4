package io.liquid5gc.ngap;

import io.liquid5gc.ngap.ie.*;
import io.liquid5gc.ngap.message.*;
import java.util.List;

/** The one place tests build NGAP messages: one realistic instance of every modelled message type. */
public final class TestMessages {
    private TestMessages() {
    }

    public static final PlmnIdentity PLMN = PlmnIdentity.of("001", "01");
    public static final Tai TAI = new Tai(PLMN, 0x000001);
    public static final NrCgi CGI = new NrCgi(PLMN, 0x000000010L);
    public static final UserLocationInformation ULI = new UserLocationInformation.Nr(CGI, TAI);
    public static final Guami GUAMI = new Guami(PLMN, 0xCA, 0x3F8, 0x01);
    public static final SNssai EMBB = new SNssai(1, 0x010203);
    public static final List<SNssai> NSSAI = List.of(EMBB, SNssai.of(2));
    public static final long AMF_ID = 0x1_0000_0001L;
    public static final long RAN_ID = 0xFFFF_FFF0L;
    /** A 5GMM Registration Request, plain (TS 24.501 8.2.6), as a NAS-PDU payload. */
    public static final Octets NAS = Octets.ofHex("7e004179000d0100f110000000000000000010f1002e04f0f0f0f0");
    public static final Octets KEY = Octets.ofHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    public static final UeSecurityCapabilities SEC_CAPS = new UeSecurityCapabilities(0xE000, 0xE000, 0xC000, 0xC000);
    public static final UeAggregateMaximumBitRate AMBR = new UeAggregateMaximumBitRate(1_000_000_000L, 500_000_000L);
    public static final Cause CAUSE = CauseRadioNetwork.USER_INACTIVITY;
    public static final CriticalityDiagnostics DIAG = new CriticalityDiagnostics(14, TriggeringMessage.INITIATING_MESSAGE,
            Criticality.REJECT, List.of(new CriticalityDiagnostics.IeDiagnostic(Criticality.REJECT, 999, TypeOfError.NOT_UNDERSTOOD)));
    public static final GlobalRanNodeId GNB = new GlobalRanNodeId.Gnb(PLMN, 0x000001L, 22);
    public static final Octets TRANSFER = Octets.ofHex("0000040082000a0c3b9aca00301dcd6500008b000a01f00a0000011234567800860001000088000700010000093c00");
    public static final Octets CONTAINER = Octets.ofHex("40031a2b3c4d");
    public static final List<PduSessionItem> SETUP_ITEMS = List.of(new PduSessionItem(1, NAS, EMBB, TRANSFER));
    public static final List<PduSessionItem> TRANSFER_ITEMS = List.of(PduSessionItem.withTransfer(1, TRANSFER),
            PduSessionItem.withTransfer(2, TRANSFER));
    public static final List<PduSessionItem> ID_ITEMS = List.of(PduSessionItem.id(1), PduSessionItem.id(5));
    public static final SecurityContext SEC_CTX = new SecurityContext(2, KEY);
    public static final List<RawIe> NONE = List.of();

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
                initialUeMessage(),
                new NasTransport.InitialUeMessage(3, NAS, ULI, RrcEstablishmentCause.MO_EXCEPTION_DATA, null, 0x155, false, NSSAI, NONE),
                new NasTransport.DownlinkNasTransport(AMF_ID, RAN_ID, "old-amf", 5, NAS, AMBR, NSSAI, NONE),
                new NasTransport.UplinkNasTransport(AMF_ID, RAN_ID, NAS, ULI, NONE),
                new NasTransport.NasNonDeliveryIndication(AMF_ID, RAN_ID, NAS, CauseRadioNetwork.RADIO_CONNECTION_WITH_UE_LOST, NONE),
                new NasTransport.RerouteNasRequest(RAN_ID, AMF_ID, Octets.ofHex("000f4005000001005500020001"), 0x3F8, NSSAI, NONE),
                initialContextSetupRequest(),
                new InitialContextSetup.Request(AMF_ID, RAN_ID, "old", null, GUAMI, null, NSSAI, SEC_CAPS, KEY,
                        Octets.ofHex("0102"), 12, Octets.ofHex("1122334455ffff00"), null, NONE),
                new InitialContextSetup.Response(AMF_ID, RAN_ID, TRANSFER_ITEMS, List.of(PduSessionItem.withTransfer(3, Octets.ofHex("0040"))), null, NONE),
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
                new PduSessionResourceModify.Request(AMF_ID, RAN_ID, 2, List.of(new PduSessionItem(1, NAS, null, TRANSFER)), NONE),
                new PduSessionResourceModify.Response(AMF_ID, RAN_ID, TRANSFER_ITEMS, null, ULI, null, NONE),
                new PduSessionResourceRelease.Command(AMF_ID, RAN_ID, NgapMessage.ABSENT, NAS, TRANSFER_ITEMS, NONE),
                new PduSessionResourceRelease.Response(AMF_ID, RAN_ID, TRANSFER_ITEMS, ULI, null, NONE),
                new PduSessionResourceNotify(AMF_ID, RAN_ID, TRANSFER_ITEMS, null, ULI, NONE),
                new Paging(new FiveGSTmsi(1, 2, 0xDEADBEEFL), PagingDrx.V256, List.of(TAI, new Tai(PLMN, 2)), PagingPriority.PRIOLEVEL3, NONE),
                new HandoverPreparation.Required(AMF_ID, RAN_ID, HandoverType.INTRA_5GS, CauseRadioNetwork.HANDOVER_DESIRABLE_FOR_RADIO_REASON,
                        new TargetId.RanNode(new GlobalRanNodeId.Gnb(PLMN, 2, 32), TAI), true, TRANSFER_ITEMS, CONTAINER, NONE),
                new HandoverPreparation.Command(AMF_ID, RAN_ID, HandoverType.INTRA_5GS, TRANSFER_ITEMS, null, CONTAINER, null, NONE),
                new HandoverPreparation.Failure(AMF_ID, RAN_ID, CauseRadioNetwork.HO_TARGET_NOT_ALLOWED, null, NONE),
                new HandoverResourceAllocation.Request(AMF_ID, HandoverType.INTRA_5GS, CauseRadioNetwork.HANDOVER_DESIRABLE_FOR_RADIO_REASON,
                        AMBR, SEC_CAPS, SEC_CTX, List.of(new PduSessionItem(1, null, EMBB, TRANSFER)), NSSAI, CONTAINER, GUAMI, NONE),
                new HandoverResourceAllocation.Acknowledge(AMF_ID, RAN_ID, TRANSFER_ITEMS, null, CONTAINER, null, NONE),
                new HandoverResourceAllocation.Failure(AMF_ID, CauseRadioNetwork.NO_RADIO_RESOURCES_AVAILABLE_IN_TARGET_CELL, null, NONE),
                new HandoverNotify(AMF_ID, RAN_ID, ULI, NONE),
                new HandoverCancel.Request(AMF_ID, RAN_ID, CauseRadioNetwork.HANDOVER_CANCELLED, NONE),
                new HandoverCancel.Acknowledge(AMF_ID, RAN_ID, null, NONE),
                new RanStatusTransfer.Uplink(AMF_ID, RAN_ID, Octets.ofHex("000000010000400000000000"), NONE),
                new RanStatusTransfer.Downlink(AMF_ID, RAN_ID, Octets.ofHex("000000010000400000000000"), NONE),
                new PathSwitch.Request(RAN_ID, AMF_ID, ULI, SEC_CAPS, TRANSFER_ITEMS, null, NONE),
                new PathSwitch.Acknowledge(AMF_ID, RAN_ID, SEC_CAPS, SEC_CTX, TRANSFER_ITEMS, null, NSSAI, null, NONE),
                new PathSwitch.Failure(AMF_ID, RAN_ID, TRANSFER_ITEMS, null, NONE),
                new UnknownMessage(MessageType.INITIATING_MESSAGE, 18, Criticality.IGNORE, Octets.ofHex("000002000a00020001005500020001"))
        );
    }
}
