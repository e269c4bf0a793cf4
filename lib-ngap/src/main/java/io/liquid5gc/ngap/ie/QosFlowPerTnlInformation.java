package io.liquid5gc.ngap.ie;

import java.util.List;

/** TS 38.413 9.3.2.8 QoS Flow per TNL Information: the GTP tunnel and the QoS flows it carries. */
public record QosFlowPerTnlInformation(GtpTunnel tunnel, List<AssociatedQosFlow> flows) {
    public QosFlowPerTnlInformation {
        flows = List.copyOf(flows);
    }
}
