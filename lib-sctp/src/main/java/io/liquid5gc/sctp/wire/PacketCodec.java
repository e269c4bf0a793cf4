package io.liquid5gc.sctp.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes SCTP packets (RFC 9260 3) into {@link Packet} values. Lengths are checked against the
 * remaining input before anything is allocated; failures are returned as {@link Decoded.Failed}.
 * Stateless apart from the checksum engine: one instance per thread.
 */
public final class PacketCodec {
    /** Upper bound on chunks per packet; a 64 KiB datagram holds at most 16 Ki empty chunks. */
    public static final int MAX_CHUNKS = 4096;

    private final Crc32c crc = new Crc32c();

    /** Decodes and verifies the CRC32c. */
    public Decoded<Packet> decode(byte[] buf, int off, int len) {
        return decode(buf, off, len, true);
    }

    public Decoded<Packet> decode(byte[] buf, int off, int len, boolean verifyChecksum) {
        if (len < Packet.COMMON_HEADER) {
            return Decoded.failed(ParseError.TRUNCATED_HEADER, 0);
        }
        if (verifyChecksum && !crc.verify(buf, off, len)) {
            return Decoded.failed(ParseError.BAD_CHECKSUM, 8);
        }
        int srcPort = u16(buf, off);
        int dstPort = u16(buf, off + 2);
        int vtag = i32(buf, off + 4);
        List<Chunk> chunks = new ArrayList<>(2);
        int p = off + Packet.COMMON_HEADER;
        int end = off + len;
        while (p < end) {
            if (end - p < 4) {
                return Decoded.failed(ParseError.BAD_CHUNK_LENGTH, p - off);
            }
            int type = buf[p] & 0xFF;
            int flags = buf[p + 1] & 0xFF;
            int clen = u16(buf, p + 2);
            if (clen < 4 || clen > end - p) {
                return Decoded.failed(ParseError.BAD_CHUNK_LENGTH, p - off);
            }
            if (chunks.size() >= MAX_CHUNKS) {
                return Decoded.failed(ParseError.TOO_MANY_CHUNKS, p - off);
            }
            Object c = decodeChunk(type, flags, buf, p + 4, clen - 4);
            if (c instanceof ParseError e) {
                return Decoded.failed(e, p - off);
            }
            chunks.add((Chunk) c);
            // RFC 9260 3.2: chunks are padded to 4 bytes; tolerate a missing pad after the last chunk
            p += Math.min(pad4(clen), end - p);
        }
        return Decoded.ok(new Packet(srcPort, dstPort, vtag, chunks));
    }

    /** Returns a Chunk or a ParseError. {@code vo}/{@code vl}: value offset and length. */
    private static Object decodeChunk(int type, int flags, byte[] b, int vo, int vl) {
        ChunkType t = ChunkType.of(type);
        if (t == null) {
            return new Chunk.Unknown(type, flags, Arrays.copyOfRange(b, vo, vo + vl));
        }
        switch (t) {
            case DATA -> {
                if (vl < 12) {
                    return ParseError.CHUNK_TOO_SHORT;
                }
                return new Chunk.Data(flags, i32(b, vo), u16(b, vo + 4), u16(b, vo + 6), i32(b, vo + 8),
                        Arrays.copyOfRange(b, vo + 12, vo + vl));
            }
            case INIT, INIT_ACK -> {
                if (vl < 16) {
                    return ParseError.CHUNK_TOO_SHORT;
                }
                Object params = decodeParams(b, vo + 16, vl - 16);
                if (params instanceof ParseError e) {
                    return e;
                }
                @SuppressWarnings("unchecked")
                List<Param> ps = (List<Param>) params;
                int tag = i32(b, vo);
                long rwnd = u32(b, vo + 4);
                int os = u16(b, vo + 8);
                int mis = u16(b, vo + 10);
                int tsn = i32(b, vo + 12);
                return t == ChunkType.INIT ? new Chunk.Init(tag, rwnd, os, mis, tsn, ps)
                        : new Chunk.InitAck(tag, rwnd, os, mis, tsn, ps);
            }
            case SACK -> {
                if (vl < 12) {
                    return ParseError.CHUNK_TOO_SHORT;
                }
                int gaps = u16(b, vo + 8);
                int dups = u16(b, vo + 10);
                if (12 + 4L * gaps + 4L * dups > vl) {
                    return ParseError.BAD_SACK_COUNTS;
                }
                int[] g = new int[gaps * 2];
                int q = vo + 12;
                for (int i = 0; i < g.length; i++, q += 2) {
                    g[i] = u16(b, q);
                }
                int[] d = new int[dups];
                for (int i = 0; i < dups; i++, q += 4) {
                    d[i] = i32(b, q);
                }
                return new Chunk.Sack(i32(b, vo), u32(b, vo + 4), g, d);
            }
            case HEARTBEAT -> {
                return new Chunk.Heartbeat(Arrays.copyOfRange(b, vo, vo + vl));
            }
            case HEARTBEAT_ACK -> {
                return new Chunk.HeartbeatAck(Arrays.copyOfRange(b, vo, vo + vl));
            }
            case ABORT, ERROR -> {
                Object causes = decodeCauses(b, vo, vl);
                if (causes instanceof ParseError e) {
                    return e;
                }
                @SuppressWarnings("unchecked")
                List<ErrorCause> cs = (List<ErrorCause>) causes;
                return t == ChunkType.ABORT ? new Chunk.Abort((flags & 1) != 0, cs) : new Chunk.Error(cs);
            }
            case SHUTDOWN -> {
                if (vl < 4) {
                    return ParseError.CHUNK_TOO_SHORT;
                }
                return new Chunk.Shutdown(i32(b, vo));
            }
            case SHUTDOWN_ACK -> {
                return new Chunk.ShutdownAck();
            }
            case COOKIE_ECHO -> {
                return new Chunk.CookieEcho(Arrays.copyOfRange(b, vo, vo + vl));
            }
            case COOKIE_ACK -> {
                return new Chunk.CookieAck();
            }
            case SHUTDOWN_COMPLETE -> {
                return new Chunk.ShutdownComplete((flags & 1) != 0);
            }
            default -> throw new AssertionError(t);
        }
    }

    private static Object decodeParams(byte[] b, int off, int len) {
        List<Param> out = new ArrayList<>(4);
        int p = off;
        int end = off + len;
        while (end - p >= 4) {
            int type = u16(b, p);
            int plen = u16(b, p + 2);
            if (plen < 4 || plen > end - p) {
                return ParseError.BAD_TLV_LENGTH;
            }
            out.add(new Param(type, Arrays.copyOfRange(b, p + 4, p + plen)));
            p += Math.min(pad4(plen), end - p);
        }
        return p == end ? out : ParseError.BAD_TLV_LENGTH;
    }

    private static Object decodeCauses(byte[] b, int off, int len) {
        List<ErrorCause> out = new ArrayList<>(1);
        int p = off;
        int end = off + len;
        while (end - p >= 4) {
            int code = u16(b, p);
            int clen = u16(b, p + 2);
            if (clen < 4 || clen > end - p) {
                return ParseError.BAD_TLV_LENGTH;
            }
            out.add(new ErrorCause(code, Arrays.copyOfRange(b, p + 4, p + clen)));
            p += Math.min(pad4(clen), end - p);
        }
        return p == end ? out : ParseError.BAD_TLV_LENGTH;
    }

    /** Decodes a parameter list (for cookie and tests). */
    public static Decoded<List<Param>> decodeParamList(byte[] b, int off, int len) {
        Object o = decodeParams(b, off, len);
        if (o instanceof ParseError e) {
            return Decoded.failed(e, 0);
        }
        @SuppressWarnings("unchecked")
        List<Param> ps = (List<Param>) o;
        return Decoded.ok(ps);
    }

    static int pad4(int n) {
        return (n + 3) & ~3;
    }

    static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
    }

    static int i32(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }

    static long u32(byte[] b, int p) {
        return i32(b, p) & 0xFFFFFFFFL;
    }
}
