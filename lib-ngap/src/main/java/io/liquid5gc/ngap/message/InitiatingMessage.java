package io.liquid5gc.ngap.message;

/** TS 38.413 9.4.2: messages carried in the NGAP-PDU alternative InitiatingMessage. */
public sealed interface InitiatingMessage extends NgapMessage
        permits AmfConfigurationUpdate.Request,
        AmfStatusIndication,
        ErrorIndication,
        HandoverCancel.Request,
        HandoverNotify,
        HandoverPreparation.Required,
        HandoverResourceAllocation.Request,
        InitialContextSetup.Request,
        NasTransport.DownlinkNasTransport,
        NasTransport.InitialUeMessage,
        NasTransport.NasNonDeliveryIndication,
        NasTransport.RerouteNasRequest,
        NasTransport.UplinkNasTransport,
        NgReset.Request,
        NgSetup.Request,
        Overload.Start,
        Overload.Stop,
        Paging,
        PathSwitch.Request,
        PduSessionResourceModify.Request,
        PduSessionResourceNotify,
        PduSessionResourceRelease.Command,
        PduSessionResourceSetup.Request,
        RanConfigurationUpdate.Request,
        RanStatusTransfer.Downlink,
        RanStatusTransfer.Uplink,
        UeContextModification.Request,
        UeContextRelease.Command,
        UeContextRelease.Request,
        UeRadioCapabilityInfoIndication {
    @Override
    default MessageType messageType() {
        return MessageType.INITIATING_MESSAGE;
    }
}
