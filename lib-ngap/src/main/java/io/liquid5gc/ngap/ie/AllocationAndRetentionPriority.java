package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.19 Allocation and Retention Priority. */
public record AllocationAndRetentionPriority(int priorityLevel, PreEmptionCapability capability,
                                             PreEmptionVulnerability vulnerability) {
    public AllocationAndRetentionPriority {
        if (priorityLevel < 1 || priorityLevel > 15) {
            throw new IllegalArgumentException("ARP priority level is 1..15");
        }
    }
}
