package io.liquid5gc.sbi.smf;

/** The request of {@code smf-n4-session-setup}: (re)build the N4 session of an existing SM context. */
public record N4SessionSetupRequest(String smContextRef) {
}
