package io.liquid5gc.ngap.transfer;

import io.liquid5gc.ngap.ie.IeContainer;
import io.liquid5gc.ngap.ie.PduSessionAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.QosFlowSetupRequestItem;
import io.liquid5gc.ngap.ie.QosFlowWithCause;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.UlNguUpTnlModifyItem;
import java.util.List;

/** TS 38.413 9.3.4.3 PDU Session Resource Modify Request Transfer (a ProtocolIE-Container); all IEs optional. */
public record PduSessionResourceModifyRequestTransfer(PduSessionAggregateMaximumBitRate pduSessionAmbr,
                                                      List<UlNguUpTnlModifyItem> ulNguUpTnlModifyList, long networkInstance,
                                                      List<QosFlowSetupRequestItem> qosFlowsToAddOrModify,
                                                      List<QosFlowWithCause> qosFlowsToRelease, List<RawIe> rawIes)
        implements SmTransfer, IeContainer {
    public PduSessionResourceModifyRequestTransfer {
        ulNguUpTnlModifyList = ulNguUpTnlModifyList == null ? null : List.copyOf(ulNguUpTnlModifyList);
        qosFlowsToAddOrModify = qosFlowsToAddOrModify == null ? null : List.copyOf(qosFlowsToAddOrModify);
        qosFlowsToRelease = qosFlowsToRelease == null ? null : List.copyOf(qosFlowsToRelease);
        rawIes = List.copyOf(rawIes);
    }
}
