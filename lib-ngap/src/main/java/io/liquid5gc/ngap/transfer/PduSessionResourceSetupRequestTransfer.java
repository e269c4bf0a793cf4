package io.liquid5gc.ngap.transfer;

import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.IeContainer;
import io.liquid5gc.ngap.ie.PduSessionAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.PduSessionType;
import io.liquid5gc.ngap.ie.QosFlowSetupRequestItem;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.SecurityIndication;
import java.util.List;

/**
 * TS 38.413 9.3.4.1 PDU Session Resource Setup Request Transfer (a ProtocolIE-Container): UL NG-U tunnel at the
 * UPF, PDU session type, QoS flows to set up; AMBR, security indication and network instance (-1) optional.
 */
public record PduSessionResourceSetupRequestTransfer(PduSessionAggregateMaximumBitRate pduSessionAmbr,
                                                     GtpTunnel ulNguUpTnlInformation, boolean dataForwardingNotPossible,
                                                     PduSessionType pduSessionType,
                                                     SecurityIndication securityIndication, long networkInstance,
                                                     List<QosFlowSetupRequestItem> qosFlows, List<RawIe> rawIes)
        implements SmTransfer, IeContainer {
    public PduSessionResourceSetupRequestTransfer {
        qosFlows = List.copyOf(qosFlows);
        rawIes = List.copyOf(rawIes);
    }
}
