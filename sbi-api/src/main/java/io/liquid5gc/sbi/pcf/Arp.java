package io.liquid5gc.sbi.pcf;

import java.util.Set;

/**
 * Arp (TS 29.571 5.5.4.3): allocation and retention priority. {@code priorityLevel} 1..15 (1 highest),
 * {@code preemptCap} NOT_PREEMPT | MAY_PREEMPT, {@code preemptVuln} NOT_PREEMPTABLE | PREEMPTABLE.
 */
public record Arp(int priorityLevel, String preemptCap, String preemptVuln) {

    public static final Set<String> PREEMPT_CAPS = Set.of("NOT_PREEMPT", "MAY_PREEMPT");
    public static final Set<String> PREEMPT_VULNS = Set.of("NOT_PREEMPTABLE", "PREEMPTABLE");

    public Arp {
        if (priorityLevel < 1 || priorityLevel > 15) {
            throw new IllegalArgumentException("arp priorityLevel must be 1..15 (TS 29.571 5.5.2 ArpPriorityLevel): " + priorityLevel);
        }
        if (!PREEMPT_CAPS.contains(preemptCap)) {
            throw new IllegalArgumentException("arp preemptCap must be one of " + PREEMPT_CAPS + ": " + preemptCap);
        }
        if (!PREEMPT_VULNS.contains(preemptVuln)) {
            throw new IllegalArgumentException("arp preemptVuln must be one of " + PREEMPT_VULNS + ": " + preemptVuln);
        }
    }
}
