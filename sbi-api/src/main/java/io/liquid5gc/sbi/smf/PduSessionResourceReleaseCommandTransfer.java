package io.liquid5gc.sbi.smf;

/** PDU Session Resource Release Command Transfer (TS 38.413 9.3.4.12): the NGAP cause, e.g. "nas: normal-release". */
public record PduSessionResourceReleaseCommandTransfer(String cause) {
}
