package io.liquid5gc.sbi.udm;

/**
 * ResynchronizationInfo (TS 29.503 6.3.6.2.3): the RAND of the failed challenge and the AUTS the UE answered with
 * (TS 33.102 6.3.3), both lower-case hex (16 and 14 octets).
 */
public record ResynchronizationInfo(String rand, String auts) {
}
