package io.liquid5gc.ngap.transfer;

import io.liquid5gc.ngap.ie.GtpTunnel;
import java.util.List;

/** TS 38.413 9.3.4.10 Handover Command Transfer; every part optional. */
public record HandoverCommandTransfer(GtpTunnel dlForwardingUpTnlInformation, List<Integer> qosFlowsToBeForwarded,
                                      List<DataForwardingDrb> dataForwardingResponseDrbs) implements SmTransfer {
    public HandoverCommandTransfer {
        qosFlowsToBeForwarded = qosFlowsToBeForwarded == null ? null : List.copyOf(qosFlowsToBeForwarded);
        dataForwardingResponseDrbs = dataForwardingResponseDrbs == null ? null : List.copyOf(dataForwardingResponseDrbs);
    }
}
