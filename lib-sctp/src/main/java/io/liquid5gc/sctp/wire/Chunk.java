package io.liquid5gc.sctp.wire;

import java.util.List;

/**
 * One SCTP chunk (RFC 9260 3.3). A sealed hierarchy of records with an {@link Unknown} case so that
 * nothing is silently dropped by the codec; handling of unknown types is the receiver's decision
 * (RFC 9260 3.2, {@link UnknownAction}).
 */
public sealed interface Chunk {

    /** The wire type code. */
    int typeCode();

    /** RFC 9260 3.3.1 DATA. Flags: I (bit 3, RFC 7053), U (bit 2), B (bit 1), E (bit 0). */
    record Data(int flags, int tsn, int streamId, int ssn, int ppid, byte[] payload) implements Chunk {
        public static final int FLAG_E = 1;
        public static final int FLAG_B = 2;
        public static final int FLAG_U = 4;
        public static final int FLAG_I = 8;
        public static final int HEADER = 16;

        public int typeCode() {
            return 0;
        }

        public boolean unordered() {
            return (flags & FLAG_U) != 0;
        }

        public boolean beginning() {
            return (flags & FLAG_B) != 0;
        }

        public boolean ending() {
            return (flags & FLAG_E) != 0;
        }

        public boolean immediate() {
            return (flags & FLAG_I) != 0;
        }

        @Override
        public String toString() {
            return "DATA[tsn=" + Integer.toUnsignedString(tsn) + " sid=" + streamId + " ssn=" + ssn + " ppid=" + ppid
                    + " flags=" + flags + " len=" + payload.length + "]";
        }
    }

    /** RFC 9260 3.3.2 INIT. Streams and TSN as unsigned values in ints. */
    record Init(int initiateTag, long aRwnd, int outboundStreams, int inboundStreams, int initialTsn, List<Param> params)
            implements Chunk {
        public Init {
            params = List.copyOf(params);
        }

        public int typeCode() {
            return 1;
        }
    }

    /** RFC 9260 3.3.3 INIT ACK. */
    record InitAck(int initiateTag, long aRwnd, int outboundStreams, int inboundStreams, int initialTsn,
            List<Param> params) implements Chunk {
        public InitAck {
            params = List.copyOf(params);
        }

        public int typeCode() {
            return 2;
        }

        /** The State Cookie parameter's value, or null if absent (RFC 9260 3.3.3.1). */
        public byte[] cookie() {
            for (Param p : params) {
                if (p.type() == Param.Type.STATE_COOKIE.code()) {
                    return p.value();
                }
            }
            return null;
        }
    }

    /**
     * RFC 9260 3.3.4 SACK. {@code gapBlocks} holds start/end offsets (relative to the cumulative TSN ack)
     * as consecutive pairs; {@code duplicateTsns} the reported duplicates.
     */
    record Sack(int cumulativeTsnAck, long aRwnd, int[] gapBlocks, int[] duplicateTsns) implements Chunk {
        public int typeCode() {
            return 3;
        }

        public int gapBlockCount() {
            return gapBlocks.length / 2;
        }

        @Override
        public String toString() {
            return "SACK[cum=" + Integer.toUnsignedString(cumulativeTsnAck) + " rwnd=" + aRwnd + " gaps="
                    + java.util.Arrays.toString(gapBlocks) + " dups=" + java.util.Arrays.toString(duplicateTsns) + "]";
        }
    }

    /** RFC 9260 3.3.5 HEARTBEAT; {@code info} is the raw parameter area (Heartbeat Info TLV). */
    record Heartbeat(byte[] info) implements Chunk {
        public int typeCode() {
            return 4;
        }
    }

    /** RFC 9260 3.3.6 HEARTBEAT ACK; echoes the HEARTBEAT's parameter area. */
    record HeartbeatAck(byte[] info) implements Chunk {
        public int typeCode() {
            return 5;
        }
    }

    /** RFC 9260 3.3.7 ABORT; T bit set when the verification tag is reflected. */
    record Abort(boolean tBit, List<ErrorCause> causes) implements Chunk {
        public Abort {
            causes = List.copyOf(causes);
        }

        public int typeCode() {
            return 6;
        }
    }

    /** RFC 9260 3.3.8 SHUTDOWN. */
    record Shutdown(int cumulativeTsnAck) implements Chunk {
        public int typeCode() {
            return 7;
        }
    }

    /** RFC 9260 3.3.9 SHUTDOWN ACK. */
    record ShutdownAck() implements Chunk {
        public int typeCode() {
            return 8;
        }
    }

    /** RFC 9260 3.3.10 ERROR. */
    record Error(List<ErrorCause> causes) implements Chunk {
        public Error {
            causes = List.copyOf(causes);
        }

        public int typeCode() {
            return 9;
        }
    }

    /** RFC 9260 3.3.11 COOKIE ECHO. */
    record CookieEcho(byte[] cookie) implements Chunk {
        public int typeCode() {
            return 10;
        }
    }

    /** RFC 9260 3.3.12 COOKIE ACK. */
    record CookieAck() implements Chunk {
        public int typeCode() {
            return 11;
        }
    }

    /** RFC 9260 3.3.13 SHUTDOWN COMPLETE; T bit as for ABORT. */
    record ShutdownComplete(boolean tBit) implements Chunk {
        public int typeCode() {
            return 14;
        }
    }

    /** Any other chunk type, kept whole (value without padding). */
    record Unknown(int type, int flags, byte[] value) implements Chunk {
        public int typeCode() {
            return type;
        }

        public UnknownAction action() {
            return UnknownAction.ofChunkType(type);
        }
    }
}
