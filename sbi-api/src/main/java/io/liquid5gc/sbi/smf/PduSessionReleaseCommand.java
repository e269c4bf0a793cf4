package io.liquid5gc.sbi.smf;

/** The content of the PDU Session Release Command (TS 24.501 8.3.14): the session and the 5GSM cause (#36 regular deactivation). */
public record PduSessionReleaseCommand(int pduSessionId, int cause5gsm, String causeName) {
}
