package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.12 QoS Flow Level QoS Parameters; gbr is null for non-GBR flows. */
public record QosFlowLevelQosParameters(QosCharacteristics characteristics, AllocationAndRetentionPriority arp,
                                        GbrQosInformation gbr, boolean reflectiveQos, boolean additionalFlowMoreLikely) {
    public QosFlowLevelQosParameters(QosCharacteristics characteristics, AllocationAndRetentionPriority arp) {
        this(characteristics, arp, null, false, false);
    }
}
