package io.liquid5gc.ngap.transfer;

/** TS 38.413 9.3.4.14 Handover Required Transfer. */
public record HandoverRequiredTransfer(boolean directForwardingPathAvailable) implements SmTransfer {
}
