package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * TS 38.413 9.3.1.12 QoS Flow Level QoS Parameters; gbr is null for non-GBR flows; {@code extensions} are its
 * iE-Extensions kept raw (e.g. id-QosMonitoringRequest), empty when none.
 */
public record QosFlowLevelQosParameters(QosCharacteristics characteristics, AllocationAndRetentionPriority arp,
                                        GbrQosInformation gbr, boolean reflectiveQos, boolean additionalFlowMoreLikely,
                                        List<RawExtension> extensions) {
    public QosFlowLevelQosParameters {
        extensions = RawExtension.immutable(extensions);
    }

    public QosFlowLevelQosParameters(QosCharacteristics characteristics, AllocationAndRetentionPriority arp,
                                     GbrQosInformation gbr, boolean reflectiveQos, boolean additionalFlowMoreLikely) {
        this(characteristics, arp, gbr, reflectiveQos, additionalFlowMoreLikely, List.of());
    }

    public QosFlowLevelQosParameters(QosCharacteristics characteristics, AllocationAndRetentionPriority arp) {
        this(characteristics, arp, null, false, false);
    }
}
