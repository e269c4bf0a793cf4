package io.liquid5gc.ngap.message;

/** TS 38.413 9.4.2: messages carried in the NGAP-PDU alternative UnsuccessfulOutcome. */
public sealed interface UnsuccessfulOutcome extends NgapMessage
        permits AmfConfigurationUpdate.Failure,
        HandoverPreparation.Failure,
        HandoverResourceAllocation.Failure,
        InitialContextSetup.Failure,
        NgSetup.Failure,
        PathSwitch.Failure,
        RanConfigurationUpdate.Failure,
        UeContextModification.Failure {
    @Override
    default MessageType messageType() {
        return MessageType.UNSUCCESSFUL_OUTCOME;
    }
}
