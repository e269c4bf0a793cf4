package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * PDU Session Resource Setup Response Transfer (TS 38.413 9.3.4.2) as values: the gNB's downlink tunnel endpoint
 * (DL QoS Flow per TNL Information) and the QFIs it accepted / failed to set up; in a handover's Request Acknowledge
 * Transfer (TS 38.413 9.3.4.11) also the target's DL Forwarding UP TNL Information, where it accepts indirect data
 * forwarding.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PduSessionResourceSetupResponseTransfer(UpTransportLayerInformation dlNguUpTnlInformation,
                                                      List<Integer> qosFlowsAcceptedList, List<Integer> qosFlowsFailedList,
                                                      UpTransportLayerInformation dlForwardingUpTnlInformation) {

    public PduSessionResourceSetupResponseTransfer(UpTransportLayerInformation dlNguUpTnlInformation, List<Integer> qosFlowsAcceptedList,
                                                   List<Integer> qosFlowsFailedList) {
        this(dlNguUpTnlInformation, qosFlowsAcceptedList, qosFlowsFailedList, null);
    }

    public PduSessionResourceSetupResponseTransfer {
        qosFlowsAcceptedList = qosFlowsAcceptedList == null ? List.of() : List.copyOf(qosFlowsAcceptedList);
        qosFlowsFailedList = qosFlowsFailedList == null ? List.of() : List.copyOf(qosFlowsFailedList);
    }
}
