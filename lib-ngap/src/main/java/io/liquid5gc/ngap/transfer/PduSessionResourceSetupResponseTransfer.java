package io.liquid5gc.ngap.transfer;

import io.liquid5gc.ngap.ie.QosFlowPerTnlInformation;
import io.liquid5gc.ngap.ie.QosFlowWithCause;
import io.liquid5gc.ngap.ie.SecurityResult;
import java.util.List;

/** TS 38.413 9.3.4.2 PDU Session Resource Setup Response Transfer: the DL NG-U tunnel at the gNB and its flows. */
public record PduSessionResourceSetupResponseTransfer(QosFlowPerTnlInformation dlQosFlowPerTnlInformation,
                                                      List<QosFlowPerTnlInformation> additionalDlQosFlowPerTnlInformation,
                                                      SecurityResult securityResult,
                                                      List<QosFlowWithCause> qosFlowsFailedToSetup) implements SmTransfer {
    public PduSessionResourceSetupResponseTransfer {
        additionalDlQosFlowPerTnlInformation = additionalDlQosFlowPerTnlInformation == null ? null
                : List.copyOf(additionalDlQosFlowPerTnlInformation);
        qosFlowsFailedToSetup = qosFlowsFailedToSetup == null ? null : List.copyOf(qosFlowsFailedToSetup);
    }
}
