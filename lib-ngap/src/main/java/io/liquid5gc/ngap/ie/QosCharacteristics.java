package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * TS 38.413 9.3.1.12 QoS Characteristics (CHOICE). Absent optional integers are -1; {@code extensions} are the
 * descriptor's iE-Extensions kept raw (e.g. id-CNPacketDelayBudgetDL), empty when none.
 */
public sealed interface QosCharacteristics {
    int ABSENT = -1;

    /** TS 38.413 9.3.1.28 Non Dynamic 5QI Descriptor. */
    record NonDynamic(int fiveQi, int priorityLevel, int averagingWindow, int maximumDataBurstVolume,
                      List<RawExtension> extensions) implements QosCharacteristics {
        public NonDynamic {
            extensions = RawExtension.immutable(extensions);
        }

        public NonDynamic(int fiveQi, int priorityLevel, int averagingWindow, int maximumDataBurstVolume) {
            this(fiveQi, priorityLevel, averagingWindow, maximumDataBurstVolume, List.of());
        }

        public static NonDynamic of(int fiveQi) {
            return new NonDynamic(fiveQi, ABSENT, ABSENT, ABSENT);
        }
    }

    /**
     * TS 38.413 9.3.1.18 Dynamic 5QI Descriptor; packet error rate as scalar x 10^-exponent; delayCritical is
     * 0 (delay-critical), 1 (non-delay-critical) or -1.
     */
    record Dynamic(int priorityLevel, int packetDelayBudget, int perScalar, int perExponent, int fiveQi,
                   int delayCritical, int averagingWindow, int maximumDataBurstVolume, List<RawExtension> extensions)
            implements QosCharacteristics {
        public Dynamic {
            extensions = RawExtension.immutable(extensions);
        }

        public Dynamic(int priorityLevel, int packetDelayBudget, int perScalar, int perExponent, int fiveQi,
                       int delayCritical, int averagingWindow, int maximumDataBurstVolume) {
            this(priorityLevel, packetDelayBudget, perScalar, perExponent, fiveQi, delayCritical, averagingWindow,
                    maximumDataBurstVolume, List.of());
        }
    }
}
