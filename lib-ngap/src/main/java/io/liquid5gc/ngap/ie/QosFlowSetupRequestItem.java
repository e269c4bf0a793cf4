package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * TS 38.413 9.3.4.1 QoS Flow Setup Request item (also QoS Flow Add or Modify Request item, where the parameters
 * may be null): QFI (0..63), parameters, optional E-RAB ID (-1 when absent); {@code extensions} are its
 * iE-Extensions kept raw (e.g. id-TSCTrafficCharacteristics), empty when none.
 */
public record QosFlowSetupRequestItem(int qosFlowIdentifier, QosFlowLevelQosParameters parameters, int eRabId,
                                      List<RawExtension> extensions) {
    public QosFlowSetupRequestItem {
        extensions = RawExtension.immutable(extensions);
    }

    public QosFlowSetupRequestItem(int qosFlowIdentifier, QosFlowLevelQosParameters parameters, int eRabId) {
        this(qosFlowIdentifier, parameters, eRabId, List.of());
    }

    public QosFlowSetupRequestItem(int qosFlowIdentifier, QosFlowLevelQosParameters parameters) {
        this(qosFlowIdentifier, parameters, -1);
    }
}
