package io.liquid5gc.sctp.wire;

/**
 * What to do with an unrecognized chunk or parameter type, from its two high-order bits
 * (RFC 9260 3.2 for chunks, RFC 9260 3.2.1 for parameters).
 */
public enum UnknownAction {
    /** 00: stop processing (the packet, or the remaining parameters); do not report. */
    STOP,
    /** 01: stop processing and report it. */
    STOP_AND_REPORT,
    /** 10: skip it and continue. */
    SKIP,
    /** 11: skip it, continue, and report it. */
    SKIP_AND_REPORT;

    /** For a chunk type (8 bits). */
    public static UnknownAction ofChunkType(int type) {
        return values()[(type >>> 6) & 3];
    }

    /** For a parameter type (16 bits). */
    public static UnknownAction ofParamType(int type) {
        return values()[(type >>> 14) & 3];
    }

    public boolean stops() {
        return this == STOP || this == STOP_AND_REPORT;
    }

    public boolean reports() {
        return this == STOP_AND_REPORT || this == SKIP_AND_REPORT;
    }
}
