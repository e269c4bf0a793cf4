package io.liquid5gc.ngap.ie;

/**
 * TS 38.413 9.3.4.1 QoS Flow Setup Request item (also QoS Flow Add or Modify Request item, where the parameters
 * may be null): QFI (0..63), parameters, optional E-RAB ID (-1 when absent).
 */
public record QosFlowSetupRequestItem(int qosFlowIdentifier, QosFlowLevelQosParameters parameters, int eRabId) {
    public QosFlowSetupRequestItem(int qosFlowIdentifier, QosFlowLevelQosParameters parameters) {
        this(qosFlowIdentifier, parameters, -1);
    }
}
