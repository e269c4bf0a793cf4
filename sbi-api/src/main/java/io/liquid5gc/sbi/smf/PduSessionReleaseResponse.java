package io.liquid5gc.sbi.smf;

/**
 * The answer of {@code smf-pdu-session-release} (TS 23.502 4.3.4.2): the N1 PDU Session Release Command content and the
 * N2 PDU Session Resource Release Command Transfer, after the SMF freed the address, tunnel, counters and bindings.
 */
public record PduSessionReleaseResponse(String smContextRef, int pduSessionId, PduSessionReleaseCommand n1SmMsg,
                                        PduSessionResourceReleaseCommandTransfer n2SmInfo) {
}
