package io.liquid5gc.sbi.nrf;

/** The answer to nrf-register (TS 29.510 5.2.2.2): the profile as stored and whether it was new (201) or replaced (200). */
public record NfRegistrationResult(NfProfile profile, boolean created) {
}
