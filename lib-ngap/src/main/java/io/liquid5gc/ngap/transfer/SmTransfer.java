package io.liquid5gc.ngap.transfer;

/**
 * The SMF-to-NG-RAN transfer containers (TS 38.413 9.3.4): values carried as OCTET STRING (CONTAINING ...)
 * in the PDU session resource items, produced and consumed by the SMF, passed through by the AMF. Absent
 * optional parts are null (lists, structures) or -1 (numbers).
 */
public sealed interface SmTransfer permits PduSessionResourceSetupRequestTransfer,
        PduSessionResourceSetupResponseTransfer, PduSessionResourceSetupUnsuccessfulTransfer,
        PduSessionResourceModifyRequestTransfer, PduSessionResourceModifyResponseTransfer,
        PduSessionResourceReleaseCommandTransfer, PduSessionResourceReleaseResponseTransfer,
        HandoverRequiredTransfer, HandoverCommandTransfer, HandoverRequestAcknowledgeTransfer,
        PathSwitchRequestTransfer, PathSwitchRequestAcknowledgeTransfer, PathSwitchRequestUnsuccessfulTransfer {
}
