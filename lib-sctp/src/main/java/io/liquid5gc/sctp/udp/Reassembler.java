package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.wire.Chunk;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reassembly of fragmented user messages (RFC 9260 6.9, B/E bits over consecutive TSNs) and ordered
 * delivery per stream by SSN (RFC 9260 6.5, 6.6). Bytes held here are what the receive window
 * (a_rwnd) accounts for. Single-fragment messages arriving in order are delivered without being
 * stored.
 */
final class Reassembler {

    interface Sink {
        void deliver(int streamId, int ppid, boolean unordered, byte[] payload);
    }

    enum Result { OK, MESSAGE_TOO_LARGE }

    private final Stream[] streams;
    private final int maxMessage;
    private long heldBytes;

    Reassembler(int inboundStreams, int maxMessage) {
        this.streams = new Stream[inboundStreams];
        this.maxMessage = maxMessage;
    }

    long heldBytes() {
        return heldBytes;
    }

    int streamCount() {
        return streams.length;
    }

    /** Accepts a new (non-duplicate) DATA chunk on a valid stream; {@code utsn} is its unwrapped TSN. */
    Result accept(Chunk.Data d, long utsn, Sink sink) {
        Stream s = stream(d.streamId());
        if (d.beginning() && d.ending()) {
            if (d.unordered()) {
                sink.deliver(d.streamId(), d.ppid(), true, d.payload());
                return Result.OK;
            }
            return complete(s, d.streamId(), d.ssn(), d.ppid(), d.payload(), sink);
        }
        if (s.fragments == null) {
            s.fragments = new TreeMap<>();
        }
        s.fragments.put(utsn, d);
        heldBytes += d.payload().length;
        // walk back to the B fragment, then forward to the E fragment, over consecutive TSNs
        long first = utsn;
        Chunk.Data f = d;
        long bytes = d.payload().length;
        while (!f.beginning()) {
            Chunk.Data prev = s.fragments.get(first - 1);
            if (prev == null || prev.unordered() != d.unordered()) {
                return Result.OK;
            }
            first--;
            f = prev;
            bytes += prev.payload().length;
            if (bytes > maxMessage) {
                return Result.MESSAGE_TOO_LARGE;
            }
        }
        long last = utsn;
        f = d;
        while (!f.ending()) {
            Chunk.Data next = s.fragments.get(last + 1);
            if (next == null || next.unordered() != d.unordered() || next.beginning()) {
                return bytes > maxMessage ? Result.MESSAGE_TOO_LARGE : Result.OK;
            }
            last++;
            f = next;
            bytes += next.payload().length;
            if (bytes > maxMessage) {
                return Result.MESSAGE_TOO_LARGE;
            }
        }
        byte[] msg = new byte[(int) bytes];
        int pos = 0;
        Chunk.Data b = s.fragments.get(first);
        for (long t = first; t <= last; t++) {
            Chunk.Data part = s.fragments.remove(t);
            System.arraycopy(part.payload(), 0, msg, pos, part.payload().length);
            pos += part.payload().length;
        }
        heldBytes -= bytes;
        if (b.unordered()) {
            sink.deliver(b.streamId(), b.ppid(), true, msg);
            return Result.OK;
        }
        return complete(s, b.streamId(), b.ssn(), b.ppid(), msg, sink);
    }

    /** A whole ordered message: deliver it and its successors if it is next, else hold it (RFC 9260 6.6). */
    private Result complete(Stream s, int sid, int ssn, int ppid, byte[] payload, Sink sink) {
        if (ssn != s.nextSsn) {
            if (s.ready == null) {
                s.ready = new HashMap<>();
            }
            if (s.ready.putIfAbsent(ssn, new Held(ppid, payload)) == null) {
                heldBytes += payload.length;
            }
            return Result.OK;
        }
        sink.deliver(sid, ppid, false, payload);
        s.nextSsn = (s.nextSsn + 1) & 0xFFFF;
        if (s.ready != null) {
            Held h;
            while ((h = s.ready.remove(s.nextSsn)) != null) {
                heldBytes -= h.payload.length;
                sink.deliver(sid, h.ppid, false, h.payload);
                s.nextSsn = (s.nextSsn + 1) & 0xFFFF;
            }
        }
        return Result.OK;
    }

    private Stream stream(int sid) {
        Stream s = streams[sid];
        if (s == null) {
            s = new Stream();
            streams[sid] = s;
        }
        return s;
    }

    private static final class Stream {
        int nextSsn;
        TreeMap<Long, Chunk.Data> fragments;
        Map<Integer, Held> ready;
    }

    private record Held(int ppid, byte[] payload) {
    }
}
