package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.88 Security Context: Next Hop Chaining Count (0..7) and Next-Hop NH (256-bit key). */
public record SecurityContext(int nextHopChainingCount, Octets nextHopNh) {
    public SecurityContext {
        if (nextHopChainingCount < 0 || nextHopChainingCount > 7 || nextHopNh.length() != 32) {
            throw new IllegalArgumentException("NCC is 0..7 and NH 32 octets");
        }
    }
}
