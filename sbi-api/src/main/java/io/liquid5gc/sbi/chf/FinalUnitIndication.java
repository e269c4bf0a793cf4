package io.liquid5gc.sbi.chf;

/** FinalUnitIndication (TS 32.291 6.1.6.2.1.11): the grant is the last one; then TERMINATE / REDIRECT / RESTRICT_ACCESS. */
public record FinalUnitIndication(String finalUnitAction) {
}
