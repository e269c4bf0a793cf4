package io.liquid5gc.gtpu;

/** The outcome of {@link GtpuCodec#decode}: a message, or why there is none. Never an exception. */
public sealed interface DecodeResult {

    /** A decoded message. */
    record Decoded(GtpuMessage message) implements DecodeResult {
    }

    /** The datagram is not a readable GTP-U message: what is wrong, and where. */
    record Failed(DecodeError error, String detail) implements DecodeResult {
    }
}
