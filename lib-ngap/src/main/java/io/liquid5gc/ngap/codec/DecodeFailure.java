package io.liquid5gc.ngap.codec;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;

/**
 * Internal signal that a message must be rejected (TS 38.413 10.3: IE with criticality reject not comprehended
 * or missing, falsely constructed message). Caught by the decoder and turned into a decode-error value.
 */
public final class DecodeFailure extends RuntimeException {
    public final Cause cause;
    public final CriticalityDiagnostics.IeDiagnostic ie;

    public DecodeFailure(Cause cause, CriticalityDiagnostics.IeDiagnostic ie, String message) {
        super(message, null, false, false);
        this.cause = cause;
        this.ie = ie;
    }
}
