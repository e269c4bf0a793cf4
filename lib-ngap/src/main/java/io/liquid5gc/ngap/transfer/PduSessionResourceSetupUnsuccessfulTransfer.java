package io.liquid5gc.ngap.transfer;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;

/** TS 38.413 9.3.4.16 PDU Session Resource Setup Unsuccessful Transfer. */
public record PduSessionResourceSetupUnsuccessfulTransfer(Cause cause, CriticalityDiagnostics criticalityDiagnostics)
        implements SmTransfer {
}
