package io.liquid5gc.pfcp;

/**
 * Why a datagram is not a PFCP message this library can read (TS 29.244 7.2, 8.1). Each maps to the Cause a PFCP
 * entity answers with (TS 29.244 7.2.3.1): {@link #cause()}.
 */
public enum DecodeError {
    /** Fewer octets than the header or than a Length field says. */
    TRUNCATED(Ie.Cause.Value.INVALID_LENGTH),
    /** Version is not 1 (TS 29.244 7.2.2.1): answered with a Version Not Supported Response. */
    UNSUPPORTED_VERSION(Ie.Cause.Value.REQUEST_REJECTED),
    /** The S flag disagrees with the message type (node messages have no SEID, session messages have one). */
    BAD_HEADER(Ie.Cause.Value.REQUEST_REJECTED),
    /** An information element whose value is shorter than its fixed fields or has impossible values. */
    BAD_INFORMATION_ELEMENT(Ie.Cause.Value.MANDATORY_IE_INCORRECT),
    /** A mandatory information element is absent (TS 29.244 7.4, 7.5). */
    MISSING_MANDATORY(Ie.Cause.Value.MANDATORY_IE_MISSING),
    /** More IEs than the limit, in one message or one grouped IE. */
    TOO_MANY_IES(Ie.Cause.Value.REQUEST_REJECTED);

    private final Ie.Cause.Value cause;

    DecodeError(Ie.Cause.Value cause) {
        this.cause = cause;
    }

    /** The PFCP cause a receiver answers a request with when decoding fails this way. */
    public Ie.Cause.Value cause() {
        return cause;
    }
}
