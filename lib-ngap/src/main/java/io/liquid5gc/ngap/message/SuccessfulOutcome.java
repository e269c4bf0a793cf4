package io.liquid5gc.ngap.message;

/** TS 38.413 9.4.2: messages carried in the NGAP-PDU alternative SuccessfulOutcome. */
public sealed interface SuccessfulOutcome extends NgapMessage
        permits AmfConfigurationUpdate.Acknowledge,
        HandoverCancel.Acknowledge,
        HandoverPreparation.Command,
        HandoverResourceAllocation.Acknowledge,
        InitialContextSetup.Response,
        NgReset.Acknowledge,
        NgSetup.Response,
        PathSwitch.Acknowledge,
        PduSessionResourceModify.Response,
        PduSessionResourceRelease.Response,
        PduSessionResourceSetup.Response,
        RanConfigurationUpdate.Acknowledge,
        UeContextModification.Response,
        UeContextRelease.Complete {
    @Override
    default MessageType messageType() {
        return MessageType.SUCCESSFUL_OUTCOME;
    }
}
