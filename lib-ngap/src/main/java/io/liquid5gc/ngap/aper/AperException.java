package io.liquid5gc.ngap.aper;

/**
 * A malformed or truncated APER encoding. Thrown by {@link AperReader} and caught by the NGAP decoder,
 * which turns it into a decode-error value; it never escapes the public decode API.
 * It carries no stack trace: it is a control-flow signal on untrusted input, not a bug report.
 */
public final class AperException extends RuntimeException {
    public AperException(String message) {
        super(message, null, false, false);
    }
}
