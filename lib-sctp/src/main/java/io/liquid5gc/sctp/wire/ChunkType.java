package io.liquid5gc.sctp.wire;

/**
 * Chunk types of RFC 9260 3.2 that this stack understands. Any other type is carried as
 * {@link Chunk.Unknown} and handled by its two high-order bits ({@link UnknownAction}).
 */
public enum ChunkType {
    DATA(0), INIT(1), INIT_ACK(2), SACK(3), HEARTBEAT(4), HEARTBEAT_ACK(5), ABORT(6), SHUTDOWN(7),
    SHUTDOWN_ACK(8), ERROR(9), COOKIE_ECHO(10), COOKIE_ACK(11), SHUTDOWN_COMPLETE(14);

    private static final ChunkType[] BY_CODE = new ChunkType[256];

    static {
        for (ChunkType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    ChunkType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The known type for a wire code, or {@code null}. */
    public static ChunkType of(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
