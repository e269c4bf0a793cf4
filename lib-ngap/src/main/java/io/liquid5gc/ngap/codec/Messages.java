package io.liquid5gc.ngap.codec;

import static io.liquid5gc.ngap.codec.IeSpec.mandatory;
import static io.liquid5gc.ngap.codec.IeSpec.optional;
import static io.liquid5gc.ngap.ie.Criticality.IGNORE;
import static io.liquid5gc.ngap.ie.Criticality.REJECT;

import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.IeContainer;
import io.liquid5gc.ngap.message.AmfConfigurationUpdate;
import io.liquid5gc.ngap.message.AmfStatusIndication;
import io.liquid5gc.ngap.message.ErrorIndication;
import io.liquid5gc.ngap.message.HandoverCancel;
import io.liquid5gc.ngap.message.HandoverNotify;
import io.liquid5gc.ngap.message.HandoverPreparation;
import io.liquid5gc.ngap.message.HandoverResourceAllocation;
import io.liquid5gc.ngap.message.InitialContextSetup;
import io.liquid5gc.ngap.message.MessageType;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgReset;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.Overload;
import io.liquid5gc.ngap.message.Paging;
import io.liquid5gc.ngap.message.PathSwitch;
import io.liquid5gc.ngap.message.PduSessionResourceModify;
import io.liquid5gc.ngap.message.PduSessionResourceNotify;
import io.liquid5gc.ngap.message.PduSessionResourceRelease;
import io.liquid5gc.ngap.message.PduSessionResourceSetup;
import io.liquid5gc.ngap.message.ProcedureCode;
import io.liquid5gc.ngap.message.RanConfigurationUpdate;
import io.liquid5gc.ngap.message.RanStatusTransfer;
import io.liquid5gc.ngap.message.UeContextModification;
import io.liquid5gc.ngap.message.UeContextRelease;
import io.liquid5gc.ngap.message.UeRadioCapabilityInfoIndication;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The IE tables of the modelled messages (TS 38.413 9.2; ids, criticalities and presence from the R17.9
 * ASN.1 NGAP-PDU-Contents). Each table lists the typed IEs in specification order, which is the order they are
 * encoded in; the slot numbers tie a row to the record component.
 */
public final class Messages {
    private Messages() {
    }

    private static final ContainerDescriptor<?>[][] BY_CODE = new ContainerDescriptor<?>[3][256];
    private static final Map<Class<?>, ContainerDescriptor<?>> BY_CLASS = new HashMap<>();

    private static <M extends NgapMessage> void add(Class<M> type, ProcedureCode pc, MessageType mt,
                                                    Function<Slots, M> build, BiConsumer<M, Slots> extract,
                                                    IeSpec... specs) {
        ContainerDescriptor<M> d = new ContainerDescriptor<>(type, pc, mt, build, extract, specs);
        BY_CODE[mt.ordinal()][pc.code()] = d;
        BY_CLASS.put(type, d);
    }

    static ContainerDescriptor<?> forCode(MessageType mt, int procedureCode) {
        return procedureCode >= 0 && procedureCode < 256 ? BY_CODE[mt.ordinal()][procedureCode] : null;
    }

    @SuppressWarnings("unchecked")
    static <M extends IeContainer> ContainerDescriptor<M> forClass(Class<M> type) {
        return (ContainerDescriptor<M>) BY_CLASS.get(type);
    }

    /** The message classes with an IE table (for tests and documentation). */
    public static List<Class<?>> modelledMessageTypes() {
        return List.copyOf(BY_CLASS.keySet());
    }

    private static final MessageType IM = MessageType.INITIATING_MESSAGE;
    private static final MessageType SO = MessageType.SUCCESSFUL_OUTCOME;
    private static final MessageType UO = MessageType.UNSUCCESSFUL_OUTCOME;

    private static IeSpec amfId(Criticality c) {
        return mandatory(IeIds.AMF_UE_NGAP_ID, c, 0, Ies.AMF_UE_NGAP_ID);
    }

    private static IeSpec ranId(Criticality c) {
        return mandatory(IeIds.RAN_UE_NGAP_ID, c, 1, Ies.RAN_UE_NGAP_ID);
    }

    private static IeSpec critDiag(int slot) {
        return optional(IeIds.CRITICALITY_DIAGNOSTICS, IGNORE, slot, CauseIes.CRITICALITY_DIAGNOSTICS);
    }

    private static IeSpec uli(int slot, boolean mandatory) {
        return mandatory ? mandatory(IeIds.USER_LOCATION_INFORMATION, IGNORE, slot, Ies.USER_LOCATION_INFORMATION)
                : optional(IeIds.USER_LOCATION_INFORMATION, IGNORE, slot, Ies.USER_LOCATION_INFORMATION);
    }

    private static IeSpec cause(int slot) {
        return mandatory(IeIds.CAUSE, IGNORE, slot, CauseIes.CAUSE);
    }

    static {
        ProcedureCode pc;

        // ---- 9.2.6 interface management
        pc = ProcedureCode.NG_SETUP;
        add(NgSetup.Request.class, pc, IM,
                s -> new NgSetup.Request(s.o(0), s.o(1), s.o(2), s.o(3), s.raw()),
                (m, s) -> s.o(0, m.globalRanNodeId()).o(1, m.ranNodeName()).o(2, m.supportedTaList()).o(3, m.defaultPagingDrx()),
                mandatory(IeIds.GLOBAL_RAN_NODE_ID, REJECT, 0, RanNodeIes.GLOBAL_RAN_NODE_ID),
                optional(IeIds.RAN_NODE_NAME, IGNORE, 1, Ies.NAME),
                mandatory(IeIds.SUPPORTED_TA_LIST, REJECT, 2, RanNodeIes.SUPPORTED_TA_LIST),
                mandatory(IeIds.DEFAULT_PAGING_DRX, IGNORE, 3, Ies.PAGING_DRX));
        add(NgSetup.Response.class, pc, SO,
                s -> new NgSetup.Response(s.o(0), s.o(1), (int) s.l(0), s.o(2), s.o(3), s.raw()),
                (m, s) -> s.o(0, m.amfName()).o(1, m.servedGuamiList()).l(0, m.relativeAmfCapacity())
                        .o(2, m.plmnSupportList()).o(3, m.criticalityDiagnostics()),
                mandatory(IeIds.AMF_NAME, REJECT, 0, Ies.NAME),
                mandatory(IeIds.SERVED_GUAMI_LIST, REJECT, 1, RanNodeIes.SERVED_GUAMI_LIST),
                mandatory(IeIds.RELATIVE_AMF_CAPACITY, IGNORE, 0, Ies.RELATIVE_AMF_CAPACITY),
                mandatory(IeIds.PLMN_SUPPORT_LIST, REJECT, 2, RanNodeIes.PLMN_SUPPORT_LIST),
                critDiag(3));
        add(NgSetup.Failure.class, pc, UO,
                s -> new NgSetup.Failure(s.o(0), s.o(1), s.o(2), s.raw()),
                (m, s) -> s.o(0, m.cause()).o(1, m.timeToWait()).o(2, m.criticalityDiagnostics()),
                cause(0), optional(IeIds.TIME_TO_WAIT, IGNORE, 1, Ies.TIME_TO_WAIT), critDiag(2));

        pc = ProcedureCode.RAN_CONFIGURATION_UPDATE;
        add(RanConfigurationUpdate.Request.class, pc, IM,
                s -> new RanConfigurationUpdate.Request(s.o(0), s.o(1), s.o(2), s.o(3), s.raw()),
                (m, s) -> s.o(0, m.ranNodeName()).o(1, m.supportedTaList()).o(2, m.defaultPagingDrx()).o(3, m.globalRanNodeId()),
                optional(IeIds.RAN_NODE_NAME, IGNORE, 0, Ies.NAME),
                optional(IeIds.SUPPORTED_TA_LIST, REJECT, 1, RanNodeIes.SUPPORTED_TA_LIST),
                optional(IeIds.DEFAULT_PAGING_DRX, IGNORE, 2, Ies.PAGING_DRX),
                optional(IeIds.GLOBAL_RAN_NODE_ID, IGNORE, 3, RanNodeIes.GLOBAL_RAN_NODE_ID));
        add(RanConfigurationUpdate.Acknowledge.class, pc, SO,
                s -> new RanConfigurationUpdate.Acknowledge(s.o(0), s.raw()),
                (m, s) -> s.o(0, m.criticalityDiagnostics()),
                critDiag(0));
        add(RanConfigurationUpdate.Failure.class, pc, UO,
                s -> new RanConfigurationUpdate.Failure(s.o(0), s.o(1), s.o(2), s.raw()),
                (m, s) -> s.o(0, m.cause()).o(1, m.timeToWait()).o(2, m.criticalityDiagnostics()),
                cause(0), optional(IeIds.TIME_TO_WAIT, IGNORE, 1, Ies.TIME_TO_WAIT), critDiag(2));

        pc = ProcedureCode.AMF_CONFIGURATION_UPDATE;
        add(AmfConfigurationUpdate.Request.class, pc, IM,
                s -> new AmfConfigurationUpdate.Request(s.o(0), s.o(1), s.l(0), s.o(2), s.raw()),
                (m, s) -> s.o(0, m.amfName()).o(1, m.servedGuamiList()).l(0, m.relativeAmfCapacity()).o(2, m.plmnSupportList()),
                optional(IeIds.AMF_NAME, REJECT, 0, Ies.NAME),
                optional(IeIds.SERVED_GUAMI_LIST, REJECT, 1, RanNodeIes.SERVED_GUAMI_LIST),
                optional(IeIds.RELATIVE_AMF_CAPACITY, IGNORE, 0, Ies.RELATIVE_AMF_CAPACITY),
                optional(IeIds.PLMN_SUPPORT_LIST, REJECT, 2, RanNodeIes.PLMN_SUPPORT_LIST));
        add(AmfConfigurationUpdate.Acknowledge.class, pc, SO,
                s -> new AmfConfigurationUpdate.Acknowledge(s.o(0), s.raw()),
                (m, s) -> s.o(0, m.criticalityDiagnostics()),
                critDiag(0));
        add(AmfConfigurationUpdate.Failure.class, pc, UO,
                s -> new AmfConfigurationUpdate.Failure(s.o(0), s.o(1), s.o(2), s.raw()),
                (m, s) -> s.o(0, m.cause()).o(1, m.timeToWait()).o(2, m.criticalityDiagnostics()),
                cause(0), optional(IeIds.TIME_TO_WAIT, IGNORE, 1, Ies.TIME_TO_WAIT), critDiag(2));

        pc = ProcedureCode.NG_RESET;
        add(NgReset.Request.class, pc, IM,
                s -> new NgReset.Request(s.o(0), s.o(1), s.raw()),
                (m, s) -> s.o(0, m.cause()).o(1, m.resetType()),
                cause(0), mandatory(IeIds.RESET_TYPE, REJECT, 1, UeContextIes.RESET_TYPE));
        add(NgReset.Acknowledge.class, pc, SO,
                s -> new NgReset.Acknowledge(s.o(0), s.o(1), s.raw()),
                (m, s) -> s.o(0, m.connections()).o(1, m.criticalityDiagnostics()),
                optional(IeIds.UE_ASSOCIATED_LOGICAL_NG_CONNECTION_LIST, IGNORE, 0, UeContextIes.UE_ASSOCIATED_CONNECTION_LIST),
                critDiag(1));

        // 8.7.3 AMF status indication (9.2.6.4)
        add(AmfStatusIndication.class, ProcedureCode.AMF_STATUS_INDICATION, IM,
                s -> new AmfStatusIndication(s.o(0), s.raw()),
                (m, s) -> s.o(0, m.unavailableGuamis()),
                mandatory(IeIds.UNAVAILABLE_GUAMI_LIST, REJECT, 0, RanNodeIes.UNAVAILABLE_GUAMI_LIST));

        // 8.7.6 / 8.7.7 overload (9.2.6.17, 9.2.6.18); the Overload Start NSSAI List (id 49) stays raw
        add(Overload.Start.class, ProcedureCode.OVERLOAD_START, IM,
                s -> new Overload.Start(s.o(0), s.l(0), s.raw()),
                (m, s) -> s.o(0, m.amfOverloadResponse()).l(0, m.trafficLoadReductionIndication()),
                optional(IeIds.AMF_OVERLOAD_RESPONSE, REJECT, 0, RanNodeIes.OVERLOAD_RESPONSE),
                optional(IeIds.AMF_TRAFFIC_LOAD_REDUCTION_INDICATION, IGNORE, 0, RanNodeIes.TRAFFIC_LOAD_REDUCTION_INDICATION));
        add(Overload.Stop.class, ProcedureCode.OVERLOAD_STOP, IM, s -> new Overload.Stop(s.raw()), (m, s) -> { });

        add(ErrorIndication.class, ProcedureCode.ERROR_INDICATION, IM,
                s -> new ErrorIndication(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.cause()).o(1, m.criticalityDiagnostics())
                        .o(2, m.fiveGSTmsi()),
                optional(IeIds.AMF_UE_NGAP_ID, IGNORE, 0, Ies.AMF_UE_NGAP_ID),
                optional(IeIds.RAN_UE_NGAP_ID, IGNORE, 1, Ies.RAN_UE_NGAP_ID),
                optional(IeIds.CAUSE, IGNORE, 0, CauseIes.CAUSE),
                critDiag(1),
                optional(IeIds.FIVEG_S_TMSI, IGNORE, 2, Ies.FIVEG_S_TMSI));

        // ---- 9.2.5 NAS transport
        add(NasTransport.InitialUeMessage.class, ProcedureCode.INITIAL_UE_MESSAGE, IM,
                s -> new NasTransport.InitialUeMessage(s.l(0), s.o(0), s.o(1), s.o(2), s.o(3), s.l(1), s.flag(2),
                        s.o(4), s.raw()),
                (m, s) -> s.l(0, m.ranUeNgapId()).o(0, m.nasPdu()).o(1, m.userLocationInformation())
                        .o(2, m.rrcEstablishmentCause()).o(3, m.fiveGSTmsi()).l(1, m.amfSetId())
                        .flag(2, m.ueContextRequested()).o(4, m.allowedNssai()),
                mandatory(IeIds.RAN_UE_NGAP_ID, REJECT, 0, Ies.RAN_UE_NGAP_ID),
                mandatory(IeIds.NAS_PDU, REJECT, 0, Ies.OCTETS),
                mandatory(IeIds.USER_LOCATION_INFORMATION, REJECT, 1, Ies.USER_LOCATION_INFORMATION),
                mandatory(IeIds.RRC_ESTABLISHMENT_CAUSE, IGNORE, 2, Ies.RRC_ESTABLISHMENT_CAUSE),
                optional(IeIds.FIVEG_S_TMSI, REJECT, 3, Ies.FIVEG_S_TMSI),
                optional(IeIds.AMF_SET_ID, IGNORE, 1, Ies.AMF_SET_ID),
                optional(IeIds.UE_CONTEXT_REQUEST, IGNORE, 2, MobilityIes.UE_CONTEXT_REQUEST),
                optional(IeIds.ALLOWED_NSSAI, REJECT, 4, Ies.ALLOWED_NSSAI));
        add(NasTransport.DownlinkNasTransport.class, ProcedureCode.DOWNLINK_NAS_TRANSPORT, IM,
                s -> new NasTransport.DownlinkNasTransport(s.l(0), s.l(1), s.o(0), s.l(2), s.o(1), s.o(2), s.o(3), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.oldAmf()).l(2, m.ranPagingPriority())
                        .o(1, m.nasPdu()).o(2, m.ueAggregateMaximumBitRate()).o(3, m.allowedNssai()),
                amfId(REJECT), ranId(REJECT),
                optional(IeIds.OLD_AMF, REJECT, 0, Ies.NAME),
                optional(IeIds.RAN_PAGING_PRIORITY, IGNORE, 2, Ies.RAN_PAGING_PRIORITY),
                mandatory(IeIds.NAS_PDU, REJECT, 1, Ies.OCTETS),
                optional(IeIds.UE_AGGREGATE_MAXIMUM_BIT_RATE, IGNORE, 2, UeContextIes.UE_AMBR),
                optional(IeIds.ALLOWED_NSSAI, REJECT, 3, Ies.ALLOWED_NSSAI));
        add(NasTransport.UplinkNasTransport.class, ProcedureCode.UPLINK_NAS_TRANSPORT, IM,
                s -> new NasTransport.UplinkNasTransport(s.l(0), s.l(1), s.o(0), s.o(1), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.nasPdu()).o(1, m.userLocationInformation()),
                amfId(REJECT), ranId(REJECT),
                mandatory(IeIds.NAS_PDU, REJECT, 0, Ies.OCTETS),
                uli(1, true));
        add(NasTransport.NasNonDeliveryIndication.class, ProcedureCode.NAS_NON_DELIVERY_INDICATION, IM,
                s -> new NasTransport.NasNonDeliveryIndication(s.l(0), s.l(1), s.o(0), s.o(1), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.nasPdu()).o(1, m.cause()),
                amfId(REJECT), ranId(REJECT),
                mandatory(IeIds.NAS_PDU, IGNORE, 0, Ies.OCTETS),
                cause(1));
        add(NasTransport.RerouteNasRequest.class, ProcedureCode.REROUTE_NAS_REQUEST, IM,
                s -> new NasTransport.RerouteNasRequest(s.l(0), s.l(1), s.o(0), s.l(2), s.o(1), s.raw()),
                (m, s) -> s.l(0, m.ranUeNgapId()).l(1, m.amfUeNgapId()).o(0, m.ngapMessage()).l(2, m.amfSetId())
                        .o(1, m.allowedNssai()),
                mandatory(IeIds.RAN_UE_NGAP_ID, REJECT, 0, Ies.RAN_UE_NGAP_ID),
                optional(IeIds.AMF_UE_NGAP_ID, IGNORE, 1, Ies.AMF_UE_NGAP_ID),
                mandatory(IeIds.NGAP_MESSAGE, REJECT, 0, Ies.OCTETS),
                mandatory(IeIds.AMF_SET_ID, REJECT, 2, Ies.AMF_SET_ID),
                optional(IeIds.ALLOWED_NSSAI, REJECT, 1, Ies.ALLOWED_NSSAI));

        // ---- 9.2.2 UE context management
        pc = ProcedureCode.INITIAL_CONTEXT_SETUP;
        add(InitialContextSetup.Request.class, pc, IM,
                s -> new InitialContextSetup.Request(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.o(3), s.o(4), s.o(5),
                        s.o(6), s.o(7), s.l(2), s.o(8), s.o(9), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.oldAmf())
                        .o(1, m.ueAggregateMaximumBitRate()).o(2, m.guami()).o(3, m.pduSessions()).o(4, m.allowedNssai())
                        .o(5, m.ueSecurityCapabilities()).o(6, m.securityKey()).o(7, m.ueRadioCapability())
                        .l(2, m.indexToRfsp()).o(8, m.maskedImeisv()).o(9, m.nasPdu()),
                amfId(REJECT), ranId(REJECT),
                optional(IeIds.OLD_AMF, REJECT, 0, Ies.NAME),
                optional(IeIds.UE_AGGREGATE_MAXIMUM_BIT_RATE, REJECT, 1, UeContextIes.UE_AMBR),
                mandatory(IeIds.GUAMI, REJECT, 2, Ies.GUAMI),
                optional(IeIds.PDU_SESSION_RESOURCE_SETUP_LIST_CXT_REQ, REJECT, 3, PduSessionIes.PDU_SETUP_REQUEST_LIST),
                mandatory(IeIds.ALLOWED_NSSAI, REJECT, 4, Ies.ALLOWED_NSSAI),
                mandatory(IeIds.UE_SECURITY_CAPABILITIES, REJECT, 5, UeContextIes.UE_SECURITY_CAPABILITIES),
                mandatory(IeIds.SECURITY_KEY, REJECT, 6, Ies.SECURITY_KEY),
                optional(IeIds.UE_RADIO_CAPABILITY, IGNORE, 7, Ies.OCTETS),
                optional(IeIds.INDEX_TO_RFSP, IGNORE, 2, Ies.INDEX_TO_RFSP),
                optional(IeIds.MASKED_IMEISV, IGNORE, 8, Ies.MASKED_IMEISV),
                optional(IeIds.NAS_PDU, IGNORE, 9, Ies.OCTETS));
        add(InitialContextSetup.Response.class, pc, SO,
                s -> new InitialContextSetup.Response(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.pduSessionsSetup())
                        .o(1, m.pduSessionsFailed()).o(2, m.criticalityDiagnostics()),
                amfId(IGNORE), ranId(IGNORE),
                optional(IeIds.PDU_SESSION_RESOURCE_SETUP_LIST_CXT_RES, IGNORE, 0, PduSessionIes.PDU_TRANSFER_LIST),
                optional(IeIds.PDU_SESSION_RESOURCE_FAILED_TO_SETUP_LIST_CXT_RES, IGNORE, 1, PduSessionIes.PDU_TRANSFER_LIST),
                critDiag(2));
        add(InitialContextSetup.Failure.class, pc, UO,
                s -> new InitialContextSetup.Failure(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.pduSessionsFailed()).o(1, m.cause())
                        .o(2, m.criticalityDiagnostics()),
                amfId(IGNORE), ranId(IGNORE),
                optional(IeIds.PDU_SESSION_RESOURCE_FAILED_TO_SETUP_LIST_CXT_FAIL, IGNORE, 0, PduSessionIes.PDU_TRANSFER_LIST),
                cause(1), critDiag(2));

        add(UeContextRelease.Request.class, ProcedureCode.UE_CONTEXT_RELEASE_REQUEST, IM,
                s -> new UeContextRelease.Request(s.l(0), s.l(1), s.o(0), s.o(1), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.pduSessions()).o(1, m.cause()),
                amfId(REJECT), ranId(REJECT),
                optional(IeIds.PDU_SESSION_RESOURCE_LIST_CXT_REL_REQ, REJECT, 0, PduSessionIes.PDU_ID_LIST),
                cause(1));
        pc = ProcedureCode.UE_CONTEXT_RELEASE;
        add(UeContextRelease.Command.class, pc, IM,
                s -> new UeContextRelease.Command(s.o(0), s.o(1), s.raw()),
                (m, s) -> s.o(0, m.ueNgapIds()).o(1, m.cause()),
                mandatory(IeIds.UE_NGAP_IDS, REJECT, 0, UeContextIes.UE_NGAP_IDS), cause(1));
        add(UeContextRelease.Complete.class, pc, SO,
                s -> new UeContextRelease.Complete(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.userLocationInformation())
                        .o(1, m.pduSessions()).o(2, m.criticalityDiagnostics()),
                amfId(IGNORE), ranId(IGNORE), uli(0, false),
                optional(IeIds.PDU_SESSION_RESOURCE_LIST_CXT_REL_CPL, REJECT, 1, PduSessionIes.PDU_ID_LIST),
                critDiag(2));

        pc = ProcedureCode.UE_CONTEXT_MODIFICATION;
        add(UeContextModification.Request.class, pc, IM,
                s -> new UeContextModification.Request(s.l(0), s.l(1), s.l(2), s.o(0), s.l(3), s.o(1), s.o(2), s.l(4),
                        s.o(3), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).l(2, m.ranPagingPriority()).o(0, m.securityKey())
                        .l(3, m.indexToRfsp()).o(1, m.ueAggregateMaximumBitRate()).o(2, m.ueSecurityCapabilities())
                        .l(4, m.newAmfUeNgapId()).o(3, m.newGuami()),
                amfId(REJECT), ranId(REJECT),
                optional(IeIds.RAN_PAGING_PRIORITY, IGNORE, 2, Ies.RAN_PAGING_PRIORITY),
                optional(IeIds.SECURITY_KEY, REJECT, 0, Ies.SECURITY_KEY),
                optional(IeIds.INDEX_TO_RFSP, IGNORE, 3, Ies.INDEX_TO_RFSP),
                optional(IeIds.UE_AGGREGATE_MAXIMUM_BIT_RATE, IGNORE, 1, UeContextIes.UE_AMBR),
                optional(IeIds.UE_SECURITY_CAPABILITIES, REJECT, 2, UeContextIes.UE_SECURITY_CAPABILITIES),
                optional(IeIds.NEW_AMF_UE_NGAP_ID, REJECT, 4, Ies.AMF_UE_NGAP_ID),
                optional(162, REJECT, 3, Ies.GUAMI));
        add(UeContextModification.Response.class, pc, SO,
                s -> new UeContextModification.Response(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.rrcState())
                        .o(1, m.userLocationInformation()).o(2, m.criticalityDiagnostics()),
                amfId(IGNORE), ranId(IGNORE),
                optional(IeIds.RRC_STATE, IGNORE, 0, Ies.RRC_STATE), uli(1, false), critDiag(2));
        add(UeContextModification.Failure.class, pc, UO,
                s -> new UeContextModification.Failure(s.l(0), s.l(1), s.o(0), s.o(1), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.cause()).o(1, m.criticalityDiagnostics()),
                amfId(IGNORE), ranId(IGNORE), cause(0), critDiag(1));

        add(UeRadioCapabilityInfoIndication.class, ProcedureCode.UE_RADIO_CAPABILITY_INFO_INDICATION, IM,
                s -> new UeRadioCapabilityInfoIndication(s.l(0), s.l(1), s.o(0), s.o(1), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.ueRadioCapability())
                        .o(1, m.ueRadioCapabilityForPaging()),
                amfId(REJECT), ranId(REJECT),
                mandatory(IeIds.UE_RADIO_CAPABILITY, IGNORE, 0, Ies.OCTETS),
                optional(IeIds.UE_RADIO_CAPABILITY_FOR_PAGING, IGNORE, 1, Ies.OPEN_TYPE_CONTENTS));

        // ---- 9.2.1 PDU session management
        pc = ProcedureCode.PDU_SESSION_RESOURCE_SETUP;
        add(PduSessionResourceSetup.Request.class, pc, IM,
                s -> new PduSessionResourceSetup.Request(s.l(0), s.l(1), s.l(2), s.o(0), s.o(1), s.o(2), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).l(2, m.ranPagingPriority()).o(0, m.nasPdu())
                        .o(1, m.pduSessions()).o(2, m.ueAggregateMaximumBitRate()),
                amfId(REJECT), ranId(REJECT),
                optional(IeIds.RAN_PAGING_PRIORITY, IGNORE, 2, Ies.RAN_PAGING_PRIORITY),
                optional(IeIds.NAS_PDU, REJECT, 0, Ies.OCTETS),
                mandatory(IeIds.PDU_SESSION_RESOURCE_SETUP_LIST_SU_REQ, REJECT, 1, PduSessionIes.PDU_SETUP_REQUEST_LIST),
                optional(IeIds.UE_AGGREGATE_MAXIMUM_BIT_RATE, IGNORE, 2, UeContextIes.UE_AMBR));
        add(PduSessionResourceSetup.Response.class, pc, SO,
                s -> new PduSessionResourceSetup.Response(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.o(3), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.pduSessionsSetup())
                        .o(1, m.pduSessionsFailed()).o(2, m.criticalityDiagnostics()).o(3, m.userLocationInformation()),
                amfId(IGNORE), ranId(IGNORE),
                optional(IeIds.PDU_SESSION_RESOURCE_SETUP_LIST_SU_RES, IGNORE, 0, PduSessionIes.PDU_TRANSFER_LIST),
                optional(IeIds.PDU_SESSION_RESOURCE_FAILED_TO_SETUP_LIST_SU_RES, IGNORE, 1, PduSessionIes.PDU_TRANSFER_LIST),
                critDiag(2), uli(3, false));

        pc = ProcedureCode.PDU_SESSION_RESOURCE_RELEASE;
        add(PduSessionResourceRelease.Command.class, pc, IM,
                s -> new PduSessionResourceRelease.Command(s.l(0), s.l(1), s.l(2), s.o(0), s.o(1), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).l(2, m.ranPagingPriority()).o(0, m.nasPdu())
                        .o(1, m.pduSessions()),
                amfId(REJECT), ranId(REJECT),
                optional(IeIds.RAN_PAGING_PRIORITY, IGNORE, 2, Ies.RAN_PAGING_PRIORITY),
                optional(IeIds.NAS_PDU, IGNORE, 0, Ies.OCTETS),
                mandatory(IeIds.PDU_SESSION_RESOURCE_TO_RELEASE_LIST_REL_CMD, REJECT, 1, PduSessionIes.PDU_TRANSFER_LIST));
        add(PduSessionResourceRelease.Response.class, pc, SO,
                s -> new PduSessionResourceRelease.Response(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.pduSessions())
                        .o(1, m.userLocationInformation()).o(2, m.criticalityDiagnostics()),
                amfId(IGNORE), ranId(IGNORE),
                mandatory(IeIds.PDU_SESSION_RESOURCE_RELEASED_LIST_REL_RES, IGNORE, 0, PduSessionIes.PDU_TRANSFER_LIST),
                uli(1, false), critDiag(2));

        pc = ProcedureCode.PDU_SESSION_RESOURCE_MODIFY;
        add(PduSessionResourceModify.Request.class, pc, IM,
                s -> new PduSessionResourceModify.Request(s.l(0), s.l(1), s.l(2), s.o(0), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).l(2, m.ranPagingPriority()).o(0, m.pduSessions()),
                amfId(REJECT), ranId(REJECT),
                optional(IeIds.RAN_PAGING_PRIORITY, IGNORE, 2, Ies.RAN_PAGING_PRIORITY),
                mandatory(IeIds.PDU_SESSION_RESOURCE_MODIFY_LIST_MOD_REQ, REJECT, 0, PduSessionIes.PDU_MODIFY_REQUEST_LIST));
        add(PduSessionResourceModify.Response.class, pc, SO,
                s -> new PduSessionResourceModify.Response(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.o(3), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.pduSessionsModified())
                        .o(1, m.pduSessionsFailed()).o(2, m.userLocationInformation()).o(3, m.criticalityDiagnostics()),
                amfId(IGNORE), ranId(IGNORE),
                optional(IeIds.PDU_SESSION_RESOURCE_MODIFY_LIST_MOD_RES, IGNORE, 0, PduSessionIes.PDU_TRANSFER_LIST),
                optional(IeIds.PDU_SESSION_RESOURCE_FAILED_TO_MODIFY_LIST_MOD_RES, IGNORE, 1, PduSessionIes.PDU_TRANSFER_LIST),
                uli(2, false), critDiag(3));

        add(PduSessionResourceNotify.class, ProcedureCode.PDU_SESSION_RESOURCE_NOTIFY, IM,
                s -> new PduSessionResourceNotify(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.pduSessionsNotify())
                        .o(1, m.pduSessionsReleased()).o(2, m.userLocationInformation()),
                amfId(REJECT), ranId(REJECT),
                optional(IeIds.PDU_SESSION_RESOURCE_NOTIFY_LIST, REJECT, 0, PduSessionIes.PDU_TRANSFER_LIST),
                optional(IeIds.PDU_SESSION_RESOURCE_RELEASED_LIST_NOT, IGNORE, 1, PduSessionIes.PDU_TRANSFER_LIST),
                uli(2, false));

        // ---- 9.2.4 paging
        add(Paging.class, ProcedureCode.PAGING, IM,
                s -> new Paging(s.o(0), s.o(1), s.o(2), s.o(3), s.raw()),
                (m, s) -> s.o(0, m.uePagingIdentity()).o(1, m.pagingDrx()).o(2, m.taiList()).o(3, m.pagingPriority()),
                mandatory(IeIds.UE_PAGING_IDENTITY, IGNORE, 0, MobilityIes.UE_PAGING_IDENTITY),
                optional(IeIds.PAGING_DRX, IGNORE, 1, Ies.PAGING_DRX),
                mandatory(IeIds.TAI_LIST_FOR_PAGING, IGNORE, 2, MobilityIes.TAI_LIST_FOR_PAGING),
                optional(IeIds.PAGING_PRIORITY, IGNORE, 3, Ies.PAGING_PRIORITY));

        // ---- 9.2.3 UE mobility management
        pc = ProcedureCode.HANDOVER_PREPARATION;
        add(HandoverPreparation.Required.class, pc, IM,
                s -> new HandoverPreparation.Required(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.flag(2), s.o(3), s.o(4),
                        s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.handoverType()).o(1, m.cause())
                        .o(2, m.targetId()).flag(2, m.directForwardingPathAvailable()).o(3, m.pduSessions())
                        .o(4, m.sourceToTargetContainer()),
                amfId(REJECT), ranId(REJECT),
                mandatory(IeIds.HANDOVER_TYPE, REJECT, 0, Ies.HANDOVER_TYPE),
                cause(1),
                mandatory(IeIds.TARGET_ID, REJECT, 2, MobilityIes.TARGET_ID),
                optional(IeIds.DIRECT_FORWARDING_PATH_AVAILABILITY, IGNORE, 2, MobilityIes.DIRECT_FORWARDING_PATH_AVAILABILITY),
                mandatory(IeIds.PDU_SESSION_RESOURCE_LIST_HO_RQD, REJECT, 3, PduSessionIes.PDU_TRANSFER_LIST),
                mandatory(IeIds.SOURCE_TO_TARGET_TRANSPARENT_CONTAINER, REJECT, 4, Ies.OCTETS));
        add(HandoverPreparation.Command.class, pc, SO,
                s -> new HandoverPreparation.Command(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.o(3), s.o(4), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.handoverType())
                        .o(1, m.pduSessionsHandover()).o(2, m.pduSessionsToRelease()).o(3, m.targetToSourceContainer())
                        .o(4, m.criticalityDiagnostics()),
                amfId(REJECT), ranId(REJECT),
                mandatory(IeIds.HANDOVER_TYPE, REJECT, 0, Ies.HANDOVER_TYPE),
                optional(IeIds.PDU_SESSION_RESOURCE_HANDOVER_LIST, IGNORE, 1, PduSessionIes.PDU_TRANSFER_LIST),
                optional(IeIds.PDU_SESSION_RESOURCE_TO_RELEASE_LIST_HO_CMD, IGNORE, 2, PduSessionIes.PDU_TRANSFER_LIST),
                mandatory(IeIds.TARGET_TO_SOURCE_TRANSPARENT_CONTAINER, REJECT, 3, Ies.OCTETS),
                critDiag(4));
        add(HandoverPreparation.Failure.class, pc, UO,
                s -> new HandoverPreparation.Failure(s.l(0), s.l(1), s.o(0), s.o(1), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.cause()).o(1, m.criticalityDiagnostics()),
                amfId(IGNORE), ranId(IGNORE), cause(0), critDiag(1));

        pc = ProcedureCode.HANDOVER_RESOURCE_ALLOCATION;
        add(HandoverResourceAllocation.Request.class, pc, IM,
                s -> new HandoverResourceAllocation.Request(s.l(0), s.o(0), s.o(1), s.o(2), s.o(3), s.o(4), s.o(5),
                        s.o(6), s.o(7), s.o(8), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).o(0, m.handoverType()).o(1, m.cause())
                        .o(2, m.ueAggregateMaximumBitRate()).o(3, m.ueSecurityCapabilities()).o(4, m.securityContext())
                        .o(5, m.pduSessions()).o(6, m.allowedNssai()).o(7, m.sourceToTargetContainer()).o(8, m.guami()),
                amfId(REJECT),
                mandatory(IeIds.HANDOVER_TYPE, REJECT, 0, Ies.HANDOVER_TYPE),
                cause(1),
                mandatory(IeIds.UE_AGGREGATE_MAXIMUM_BIT_RATE, REJECT, 2, UeContextIes.UE_AMBR),
                mandatory(IeIds.UE_SECURITY_CAPABILITIES, REJECT, 3, UeContextIes.UE_SECURITY_CAPABILITIES),
                mandatory(IeIds.SECURITY_CONTEXT, REJECT, 4, UeContextIes.SECURITY_CONTEXT),
                mandatory(IeIds.PDU_SESSION_RESOURCE_SETUP_LIST_HO_REQ, REJECT, 5, PduSessionIes.PDU_HO_REQUEST_LIST),
                mandatory(IeIds.ALLOWED_NSSAI, REJECT, 6, Ies.ALLOWED_NSSAI),
                mandatory(IeIds.SOURCE_TO_TARGET_TRANSPARENT_CONTAINER, REJECT, 7, Ies.OCTETS),
                mandatory(IeIds.GUAMI, REJECT, 8, Ies.GUAMI));
        add(HandoverResourceAllocation.Acknowledge.class, pc, SO,
                s -> new HandoverResourceAllocation.Acknowledge(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.o(3), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.pduSessionsAdmitted())
                        .o(1, m.pduSessionsFailed()).o(2, m.targetToSourceContainer()).o(3, m.criticalityDiagnostics()),
                amfId(IGNORE), ranId(IGNORE),
                mandatory(IeIds.PDU_SESSION_RESOURCE_ADMITTED_LIST, IGNORE, 0, PduSessionIes.PDU_TRANSFER_LIST),
                optional(IeIds.PDU_SESSION_RESOURCE_FAILED_TO_SETUP_LIST_HO_ACK, IGNORE, 1, PduSessionIes.PDU_TRANSFER_LIST),
                mandatory(IeIds.TARGET_TO_SOURCE_TRANSPARENT_CONTAINER, REJECT, 2, Ies.OCTETS),
                critDiag(3));
        add(HandoverResourceAllocation.Failure.class, pc, UO,
                s -> new HandoverResourceAllocation.Failure(s.l(0), s.o(0), s.o(1), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).o(0, m.cause()).o(1, m.criticalityDiagnostics()),
                amfId(IGNORE), cause(0), critDiag(1));

        add(HandoverNotify.class, ProcedureCode.HANDOVER_NOTIFICATION, IM,
                s -> new HandoverNotify(s.l(0), s.l(1), s.o(0), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.userLocationInformation()),
                amfId(REJECT), ranId(REJECT), uli(0, true));

        pc = ProcedureCode.HANDOVER_CANCEL;
        add(HandoverCancel.Request.class, pc, IM,
                s -> new HandoverCancel.Request(s.l(0), s.l(1), s.o(0), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.cause()),
                amfId(REJECT), ranId(REJECT), cause(0));
        add(HandoverCancel.Acknowledge.class, pc, SO,
                s -> new HandoverCancel.Acknowledge(s.l(0), s.l(1), s.o(0), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.criticalityDiagnostics()),
                amfId(IGNORE), ranId(IGNORE), critDiag(0));

        add(RanStatusTransfer.Uplink.class, ProcedureCode.UPLINK_RAN_STATUS_TRANSFER, IM,
                s -> new RanStatusTransfer.Uplink(s.l(0), s.l(1), s.o(0), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.transparentContainer()),
                amfId(REJECT), ranId(REJECT),
                mandatory(IeIds.RAN_STATUS_TRANSFER_TRANSPARENT_CONTAINER, REJECT, 0, Ies.OPEN_TYPE_CONTENTS));
        add(RanStatusTransfer.Downlink.class, ProcedureCode.DOWNLINK_RAN_STATUS_TRANSFER, IM,
                s -> new RanStatusTransfer.Downlink(s.l(0), s.l(1), s.o(0), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.transparentContainer()),
                amfId(REJECT), ranId(REJECT),
                mandatory(IeIds.RAN_STATUS_TRANSFER_TRANSPARENT_CONTAINER, REJECT, 0, Ies.OPEN_TYPE_CONTENTS));

        pc = ProcedureCode.PATH_SWITCH_REQUEST;
        add(PathSwitch.Request.class, pc, IM,
                s -> new PathSwitch.Request(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.o(3), s.raw()),
                (m, s) -> s.l(0, m.ranUeNgapId()).l(1, m.sourceAmfUeNgapId()).o(0, m.userLocationInformation())
                        .o(1, m.ueSecurityCapabilities()).o(2, m.pduSessionsToBeSwitched()).o(3, m.pduSessionsFailed()),
                mandatory(IeIds.RAN_UE_NGAP_ID, REJECT, 0, Ies.RAN_UE_NGAP_ID),
                mandatory(IeIds.SOURCE_AMF_UE_NGAP_ID, REJECT, 1, Ies.AMF_UE_NGAP_ID),
                uli(0, true),
                mandatory(IeIds.UE_SECURITY_CAPABILITIES, IGNORE, 1, UeContextIes.UE_SECURITY_CAPABILITIES),
                mandatory(IeIds.PDU_SESSION_RESOURCE_TO_BE_SWITCHED_DL_LIST, REJECT, 2, PduSessionIes.PDU_TRANSFER_LIST),
                optional(IeIds.PDU_SESSION_RESOURCE_FAILED_TO_SETUP_LIST_PS_REQ, IGNORE, 3, PduSessionIes.PDU_TRANSFER_LIST));
        add(PathSwitch.Acknowledge.class, pc, SO,
                s -> new PathSwitch.Acknowledge(s.l(0), s.l(1), s.o(0), s.o(1), s.o(2), s.o(3), s.o(4), s.o(5), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.ueSecurityCapabilities())
                        .o(1, m.securityContext()).o(2, m.pduSessionsSwitched()).o(3, m.pduSessionsReleased())
                        .o(4, m.allowedNssai()).o(5, m.criticalityDiagnostics()),
                amfId(IGNORE), ranId(IGNORE),
                optional(IeIds.UE_SECURITY_CAPABILITIES, REJECT, 0, UeContextIes.UE_SECURITY_CAPABILITIES),
                mandatory(IeIds.SECURITY_CONTEXT, REJECT, 1, UeContextIes.SECURITY_CONTEXT),
                mandatory(IeIds.PDU_SESSION_RESOURCE_SWITCHED_LIST, IGNORE, 2, PduSessionIes.PDU_TRANSFER_LIST),
                optional(IeIds.PDU_SESSION_RESOURCE_RELEASED_LIST_PS_ACK, IGNORE, 3, PduSessionIes.PDU_TRANSFER_LIST),
                mandatory(IeIds.ALLOWED_NSSAI, REJECT, 4, Ies.ALLOWED_NSSAI),
                critDiag(5));
        add(PathSwitch.Failure.class, pc, UO,
                s -> new PathSwitch.Failure(s.l(0), s.l(1), s.o(0), s.o(1), s.raw()),
                (m, s) -> s.l(0, m.amfUeNgapId()).l(1, m.ranUeNgapId()).o(0, m.pduSessionsReleased())
                        .o(1, m.criticalityDiagnostics()),
                amfId(IGNORE), ranId(IGNORE),
                mandatory(IeIds.PDU_SESSION_RESOURCE_RELEASED_LIST_PS_FAIL, IGNORE, 0, PduSessionIes.PDU_TRANSFER_LIST),
                critDiag(1));
    }
}
