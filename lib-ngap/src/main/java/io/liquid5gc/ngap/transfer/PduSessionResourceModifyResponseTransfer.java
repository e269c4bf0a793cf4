package io.liquid5gc.ngap.transfer;

import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.QosFlowPerTnlInformation;
import io.liquid5gc.ngap.ie.QosFlowWithCause;
import java.util.List;

/** TS 38.413 9.3.4.4 PDU Session Resource Modify Response Transfer; every part optional. */
public record PduSessionResourceModifyResponseTransfer(GtpTunnel dlNguUpTnlInformation, GtpTunnel ulNguUpTnlInformation,
                                                       List<Integer> qosFlowsAddedOrModified,
                                                       List<QosFlowPerTnlInformation> additionalDlQosFlowPerTnlInformation,
                                                       List<QosFlowWithCause> qosFlowsFailedToAddOrModify)
        implements SmTransfer {
    public PduSessionResourceModifyResponseTransfer {
        qosFlowsAddedOrModified = qosFlowsAddedOrModified == null ? null : List.copyOf(qosFlowsAddedOrModified);
        additionalDlQosFlowPerTnlInformation = additionalDlQosFlowPerTnlInformation == null ? null
                : List.copyOf(additionalDlQosFlowPerTnlInformation);
        qosFlowsFailedToAddOrModify = qosFlowsFailedToAddOrModify == null ? null : List.copyOf(qosFlowsFailedToAddOrModify);
    }
}
