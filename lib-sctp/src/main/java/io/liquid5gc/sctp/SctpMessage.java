package io.liquid5gc.sctp;

import java.util.Objects;

/**
 * One user message (RFC 9260 boundaries are preserved): stream, payload protocol identifier and
 * ordering. The payload array is not copied; do not modify it after {@link Association#send}.
 */
public record SctpMessage(int streamId, int ppid, boolean unordered, byte[] payload) {

    /** NGAP's payload protocol identifier (IANA; TS 38.412 7). */
    public static final int PPID_NGAP = 60;

    public SctpMessage {
        if (streamId < 0 || streamId > 0xFFFF) {
            throw new IllegalArgumentException("stream id " + streamId);
        }
        Objects.requireNonNull(payload, "payload");
    }

    /** An ordered NGAP message on the given stream. */
    public static SctpMessage ngap(int streamId, byte[] payload) {
        return new SctpMessage(streamId, PPID_NGAP, false, payload);
    }

    @Override
    public String toString() {
        return "SctpMessage[stream=" + streamId + ", ppid=" + ppid + ", unordered=" + unordered + ", "
                + payload.length + " bytes]";
    }
}
