package io.liquid5gc.ngap.transfer;

import io.liquid5gc.ngap.ie.Cause;

/**
 * TS 38.413 9.3.4 Path Switch Request Unsuccessful Transfer: why a PDU session's downlink path was not switched, in
 * the PDU Session Resource Released List of a PATH SWITCH REQUEST FAILURE (9.2.3.10).
 */
public record PathSwitchRequestUnsuccessfulTransfer(Cause cause) implements SmTransfer {
}
