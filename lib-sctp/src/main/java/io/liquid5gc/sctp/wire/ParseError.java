package io.liquid5gc.sctp.wire;

/** Why a packet could not be decoded. A value, never an exception (see {@link Decoded}). */
public enum ParseError {
    /** Shorter than the 12-byte common header. */
    TRUNCATED_HEADER,
    /** RFC 9260 6.8: CRC32c mismatch. */
    BAD_CHECKSUM,
    /** A chunk header or its declared length runs past the packet or is below 4. */
    BAD_CHUNK_LENGTH,
    /** A chunk is shorter than its fixed fields. */
    CHUNK_TOO_SHORT,
    /** A parameter or error cause TLV has a bad length. */
    BAD_TLV_LENGTH,
    /** SACK gap/duplicate counts do not fit the chunk. */
    BAD_SACK_COUNTS,
    /** More chunks than the decoder accepts in one packet. */
    TOO_MANY_CHUNKS
}
