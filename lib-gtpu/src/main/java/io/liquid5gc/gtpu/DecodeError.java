package io.liquid5gc.gtpu;

/** Why a datagram is not a GTP-U message this library can read (TS 29.281 5, 7.7, 8). */
public enum DecodeError {
    /** Fewer octets than the header (8, or 12 with any of E, S, PN) or than its Length field says. */
    TRUNCATED,
    /** Version is not 1 (TS 29.281 5.1): GTPv1-U only. */
    UNSUPPORTED_VERSION,
    /** PT is 0: GTP' (TS 32.295), not GTP. */
    NOT_GTP,
    /** An extension header with length 0, running past the message, or more of them than the limit. */
    BAD_EXTENSION_HEADER,
    /** An information element that is malformed (wrong length, unknown TV type whose length cannot be known). */
    BAD_INFORMATION_ELEMENT,
    /** A mandatory information element or field is absent (TS 29.281 7.2, 7.3). */
    MISSING_MANDATORY
}
