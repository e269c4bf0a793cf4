package io.liquid5gc.ngap.transfer;

import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.QosFlowWithCause;
import io.liquid5gc.ngap.ie.SecurityResult;
import java.util.List;

/** TS 38.413 9.3.4.11 Handover Request Acknowledge Transfer. */
public record HandoverRequestAcknowledgeTransfer(GtpTunnel dlNguUpTnlInformation, GtpTunnel dlForwardingUpTnlInformation,
                                                 SecurityResult securityResult,
                                                 List<QosFlowWithDataForwarding> qosFlowsSetup,
                                                 List<QosFlowWithCause> qosFlowsFailedToSetup,
                                                 List<DataForwardingDrb> dataForwardingResponseDrbs) implements SmTransfer {
    public HandoverRequestAcknowledgeTransfer {
        qosFlowsSetup = List.copyOf(qosFlowsSetup);
        qosFlowsFailedToSetup = qosFlowsFailedToSetup == null ? null : List.copyOf(qosFlowsFailedToSetup);
        dataForwardingResponseDrbs = dataForwardingResponseDrbs == null ? null : List.copyOf(dataForwardingResponseDrbs);
    }
}
