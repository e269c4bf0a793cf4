package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Handover Command Transfer (TS 38.413 9.3.4.10) as the SMF gives it for the source gNB: the UPF's DL Forwarding UP
 * TNL Information (where the source sends the downlink it still has, for indirect data forwarding, TS 23.502
 * 4.9.1.3.2 step 9) and the QoS flows to be forwarded.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HandoverCommandTransfer(UpTransportLayerInformation dlForwardingUpTnlInformation, List<Integer> qosFlowsToBeForwarded) {

    public HandoverCommandTransfer {
        qosFlowsToBeForwarded = qosFlowsToBeForwarded == null ? List.of() : List.copyOf(qosFlowsToBeForwarded);
    }
}
