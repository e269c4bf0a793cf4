package io.liquid5gc.ngap.transfer;

/** TS 38.413 9.3.4.21 PDU Session Resource Release Response Transfer (only extensions, none modelled). */
public record PduSessionResourceReleaseResponseTransfer() implements SmTransfer {
}
