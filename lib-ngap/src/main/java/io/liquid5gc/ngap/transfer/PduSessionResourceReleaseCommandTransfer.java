package io.liquid5gc.ngap.transfer;

import io.liquid5gc.ngap.ie.Cause;

/** TS 38.413 9.3.4.12 PDU Session Resource Release Command Transfer. */
public record PduSessionResourceReleaseCommandTransfer(Cause cause) implements SmTransfer {
}
