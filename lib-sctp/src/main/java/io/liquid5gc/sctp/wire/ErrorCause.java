package io.liquid5gc.sctp.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An error cause TLV as carried in ABORT and ERROR chunks (RFC 9260 3.3.10). The body is kept as
 * bytes; {@link Code} names the causes defined by RFC 9260 3.3.10.1 to 3.3.10.13.
 */
public record ErrorCause(int code, byte[] info) {

    public ErrorCause {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("cause code " + code);
        }
        info = info == null ? new byte[0] : info;
    }

    public static ErrorCause of(Code code) {
        return new ErrorCause(code.code(), new byte[0]);
    }

    public static ErrorCause of(Code code, byte[] info) {
        return new ErrorCause(code.code(), info);
    }

    /** RFC 9260 3.3.10.3: Stale Cookie Error with the measure of staleness in microseconds. */
    public static ErrorCause staleCookie(long stalenessMicros) {
        long v = Math.min(stalenessMicros, 0xFFFFFFFFL);
        return of(Code.STALE_COOKIE, new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    /** RFC 9260 3.3.10.1: Invalid Stream Identifier (stream id followed by two reserved bytes). */
    public static ErrorCause invalidStream(int streamId) {
        return of(Code.INVALID_STREAM_IDENTIFIER, new byte[] {(byte) (streamId >>> 8), (byte) streamId, 0, 0});
    }

    /** RFC 9260 3.3.10.9: No User Data, carrying the TSN of the empty DATA chunk. */
    public static ErrorCause noUserData(int tsn) {
        return of(Code.NO_USER_DATA, new byte[] {(byte) (tsn >>> 24), (byte) (tsn >>> 16), (byte) (tsn >>> 8), (byte) tsn});
    }

    /** RFC 9260 3.3.10.6: Unrecognized Chunk Type, carrying the whole chunk (header and value, padded). */
    public static ErrorCause unrecognizedChunk(int type, int flags, byte[] value) {
        int len = 4 + value.length;
        byte[] b = new byte[(len + 3) & ~3];
        b[0] = (byte) type;
        b[1] = (byte) flags;
        b[2] = (byte) (len >>> 8);
        b[3] = (byte) len;
        System.arraycopy(value, 0, b, 4, value.length);
        return of(Code.UNRECOGNIZED_CHUNK_TYPE, b);
    }

    /** RFC 9260 3.3.10.13: Protocol Violation with a text reason. */
    public static ErrorCause protocolViolation(String reason) {
        return of(Code.PROTOCOL_VIOLATION, reason.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public int encodedLength() {
        return 4 + info.length;
    }

    public Code knownCode() {
        return Code.of(code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorCause(int c, byte[] i) && c == code && Arrays.equals(i, info);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(info);
    }

    @Override
    public String toString() {
        Code k = knownCode();
        return (k != null ? k.name() : "cause" + code) + (info.length > 0 ? "[" + HexFormat.of().formatHex(info) + "]" : "");
    }

    /** Cause codes of RFC 9260 3.3.10. */
    public enum Code {
        INVALID_STREAM_IDENTIFIER(1), MISSING_MANDATORY_PARAMETER(2), STALE_COOKIE(3), OUT_OF_RESOURCE(4),
        UNRESOLVABLE_ADDRESS(5), UNRECOGNIZED_CHUNK_TYPE(6), INVALID_MANDATORY_PARAMETER(7),
        UNRECOGNIZED_PARAMETERS(8), NO_USER_DATA(9), COOKIE_RECEIVED_WHILE_SHUTTING_DOWN(10),
        RESTART_WITH_NEW_ADDRESSES(11), USER_INITIATED_ABORT(12), PROTOCOL_VIOLATION(13);

        private static final Code[] BY_CODE = new Code[14];

        static {
            for (Code c : values()) {
                BY_CODE[c.code] = c;
            }
        }

        private final int code;

        Code(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static Code of(int code) {
            return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        }
    }
}
