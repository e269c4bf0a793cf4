package io.liquid5gc.pfcp;

/** The outcome of {@link PfcpCodec#decode}: a message, or why there is none. Never an exception. */
public sealed interface DecodeResult {

    /** A decoded message. */
    record Decoded(PfcpMessage message) implements DecodeResult {
    }

    /**
     * The datagram is not a readable PFCP message. {@code offendingIe} is the IE type at fault (0 when none), for the
     * Offending IE of the answer (TS 29.244 8.2.22); {@code sequenceNumber} and {@code messageType} are those of the
     * header when it could be read (else -1), so a request can still be answered.
     */
    record Failed(DecodeError error, String detail, int offendingIe, int messageType, int sequenceNumber, long seid)
            implements DecodeResult {
    }
}
