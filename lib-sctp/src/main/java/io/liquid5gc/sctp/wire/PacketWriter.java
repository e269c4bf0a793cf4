package io.liquid5gc.sctp.wire;

import java.util.List;

/**
 * Builds one SCTP packet into a reusable buffer: common header, then chunks as long as they fit the
 * size limit (bundling, RFC 9260 6.10), then the CRC32c. Not thread-safe; reused per packet so the
 * send path allocates nothing per packet.
 */
public final class PacketWriter {
    private final byte[] buf;
    private final Crc32c crc = new Crc32c();
    private int limit;
    private int pos;
    private int chunks;

    public PacketWriter(int capacity) {
        this.buf = new byte[capacity];
    }

    /** Starts a packet whose total size must not exceed {@code maxSize}. */
    public PacketWriter begin(int srcPort, int dstPort, int vtag, int maxSize) {
        limit = Math.min(maxSize, buf.length);
        pos = 0;
        chunks = 0;
        put16(srcPort);
        put16(dstPort);
        put32(vtag);
        put32(0);
        return this;
    }

    public int remaining() {
        return limit - pos;
    }

    public int chunkCount() {
        return chunks;
    }

    public boolean isEmpty() {
        return chunks == 0;
    }

    /** Bytes a chunk occupies in a packet, padding included. */
    public static int paddedSize(Chunk c) {
        return PacketCodec.pad4(encodedLength(c));
    }

    /** True if the chunk still fits this packet. */
    public boolean fits(Chunk c) {
        return paddedSize(c) <= remaining();
    }

    /** Adds a chunk if it fits; returns false otherwise (the packet is unchanged). */
    public boolean add(Chunk c) {
        int len = encodedLength(c);
        if (PacketCodec.pad4(len) > remaining()) {
            return false;
        }
        int start = pos;
        buf[pos++] = (byte) c.typeCode();
        buf[pos++] = (byte) flags(c);
        put16(len);
        switch (c) {
            case Chunk.Data d -> {
                put32(d.tsn());
                put16(d.streamId());
                put16(d.ssn());
                put32(d.ppid());
                putBytes(d.payload());
            }
            case Chunk.Init i -> initBody(i.initiateTag(), i.aRwnd(), i.outboundStreams(), i.inboundStreams(),
                    i.initialTsn(), i.params());
            case Chunk.InitAck i -> initBody(i.initiateTag(), i.aRwnd(), i.outboundStreams(), i.inboundStreams(),
                    i.initialTsn(), i.params());
            case Chunk.Sack s -> {
                put32(s.cumulativeTsnAck());
                put32((int) s.aRwnd());
                put16(s.gapBlocks().length / 2);
                put16(s.duplicateTsns().length);
                for (int g : s.gapBlocks()) {
                    put16(g);
                }
                for (int d : s.duplicateTsns()) {
                    put32(d);
                }
            }
            case Chunk.Heartbeat h -> putBytes(h.info());
            case Chunk.HeartbeatAck h -> putBytes(h.info());
            case Chunk.Abort a -> causes(a.causes());
            case Chunk.Error e -> causes(e.causes());
            case Chunk.Shutdown s -> put32(s.cumulativeTsnAck());
            case Chunk.ShutdownAck s -> { }
            case Chunk.CookieEcho ce -> putBytes(ce.cookie());
            case Chunk.CookieAck ca -> { }
            case Chunk.ShutdownComplete sc -> { }
            case Chunk.Unknown u -> putBytes(u.value());
        }
        padTo4(start);
        chunks++;
        return true;
    }

    /**
     * Adds a DATA chunk (RFC 9260 3.3.1) from a slice of a user message without allocating a chunk
     * record; returns false if it does not fit.
     */
    public boolean addData(int flags, int tsn, int streamId, int ssn, int ppid, byte[] src, int off, int len) {
        int clen = 16 + len;
        if (PacketCodec.pad4(clen) > remaining()) {
            return false;
        }
        int start = pos;
        buf[pos++] = 0;
        buf[pos++] = (byte) flags;
        put16(clen);
        put32(tsn);
        put16(streamId);
        put16(ssn);
        put32(ppid);
        System.arraycopy(src, off, buf, pos, len);
        pos += len;
        padTo4(start);
        chunks++;
        return true;
    }

    /** Size a DATA chunk with {@code len} payload bytes occupies, padding included. */
    public static int dataChunkSize(int len) {
        return PacketCodec.pad4(16 + len);
    }

    /** Finishes the packet (stamps the CRC32c) and returns its length; bytes are in {@link #buffer()}. */
    public int finish() {
        crc.stamp(buf, 0, pos);
        return pos;
    }

    /** Bytes written so far (after {@link #finish()}: the packet length). */
    public int length() {
        return pos;
    }

    public byte[] buffer() {
        return buf;
    }

    /** Encodes a whole packet into a new array (tests, tools). */
    public static byte[] encode(Packet p) {
        int size = Packet.COMMON_HEADER;
        for (Chunk c : p.chunks()) {
            size += paddedSize(c);
        }
        PacketWriter w = new PacketWriter(size);
        w.begin(p.sourcePort(), p.destinationPort(), p.verificationTag(), size);
        for (Chunk c : p.chunks()) {
            w.add(c);
        }
        return java.util.Arrays.copyOf(w.buffer(), w.finish());
    }

    /** Encoded length of a chunk without trailing padding (RFC 9260 3.2 Chunk Length). */
    public static int encodedLength(Chunk c) {
        return 4 + switch (c) {
            case Chunk.Data d -> 12 + d.payload().length;
            case Chunk.Init i -> 16 + paramsLength(i.params());
            case Chunk.InitAck i -> 16 + paramsLength(i.params());
            case Chunk.Sack s -> 12 + 2 * s.gapBlocks().length + 4 * s.duplicateTsns().length;
            case Chunk.Heartbeat h -> h.info().length;
            case Chunk.HeartbeatAck h -> h.info().length;
            case Chunk.Abort a -> causesLength(a.causes());
            case Chunk.Error e -> causesLength(e.causes());
            case Chunk.Shutdown s -> 4;
            case Chunk.ShutdownAck s -> 0;
            case Chunk.CookieEcho ce -> ce.cookie().length;
            case Chunk.CookieAck ca -> 0;
            case Chunk.ShutdownComplete sc -> 0;
            case Chunk.Unknown u -> u.value().length;
        };
    }

    private static int flags(Chunk c) {
        return switch (c) {
            case Chunk.Data d -> d.flags();
            case Chunk.Abort a -> a.tBit() ? 1 : 0;
            case Chunk.ShutdownComplete s -> s.tBit() ? 1 : 0;
            case Chunk.Unknown u -> u.flags();
            default -> 0;
        };
    }

    /** Parameters: all but the last padded (RFC 9260 3.2.1: the last one's padding counts in the chunk). */
    private static int paramsLength(List<Param> ps) {
        int n = 0;
        for (int i = 0; i < ps.size(); i++) {
            int l = ps.get(i).encodedLength();
            n += i == ps.size() - 1 ? l : PacketCodec.pad4(l);
        }
        return n;
    }

    private static int causesLength(List<ErrorCause> cs) {
        int n = 0;
        for (int i = 0; i < cs.size(); i++) {
            int l = cs.get(i).encodedLength();
            n += i == cs.size() - 1 ? l : PacketCodec.pad4(l);
        }
        return n;
    }

    private void initBody(int tag, long rwnd, int os, int mis, int tsn, List<Param> params) {
        put32(tag);
        put32((int) rwnd);
        put16(os);
        put16(mis);
        put32(tsn);
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            int s = pos;
            put16(p.type());
            put16(p.encodedLength());
            putBytes(p.value());
            if (i < params.size() - 1) {
                padTo4(s);
            }
        }
    }

    private void causes(List<ErrorCause> cs) {
        for (int i = 0; i < cs.size(); i++) {
            ErrorCause c = cs.get(i);
            int s = pos;
            put16(c.code());
            put16(c.encodedLength());
            putBytes(c.info());
            if (i < cs.size() - 1) {
                padTo4(s);
            }
        }
    }

    private void padTo4(int start) {
        while (((pos - start) & 3) != 0) {
            buf[pos++] = 0;
        }
    }

    private void put16(int v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void put32(int v) {
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void putBytes(byte[] b) {
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }
}
