package io.liquid5gc.nas.codec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a message's non-imperative part in the order of its {@link IeTable}, merging raw IEs
 * kept from decoding into their place. Typed IEs must be written in table order.
 */
public final class OptionalIeWriter {

    /** Encodes the value part of one IE. */
    @FunctionalInterface
    public interface IeEncoder<T> {
        void encode(T value, NasWriter w);
    }

    private final NasWriter w;
    private final IeTable table;
    private final List<RawIe> raw;
    private int next;

    public OptionalIeWriter(NasWriter w, IeTable table, List<RawIe> raw) {
        this.w = w;
        this.table = table;
        if (raw.size() > 1) {
            List<RawIe> sorted = new ArrayList<>(raw);
            sorted.sort(Comparator.comparingInt(table::rank));
            this.raw = sorted;
        } else {
            this.raw = raw;
        }
    }

    /** Writes the raw IEs that precede {@code iei}; raw repeats of {@code iei} itself follow the typed one. */
    private void flushUpTo(int iei) {
        int r = table.rank(iei);
        while (next < raw.size() && table.rank(raw.get(next)) < r) {
            raw.get(next++).encode(w);
        }
    }

    public <T> OptionalIeWriter tlv(int iei, T v, IeEncoder<? super T> enc) {
        if (v != null) {
            flushUpTo(iei);
            w.u8(iei);
            int m = w.beginLen8();
            enc.encode(v, w);
            w.endLen8(m);
        }
        return this;
    }

    public <T> OptionalIeWriter tlve(int iei, T v, IeEncoder<? super T> enc) {
        if (v != null) {
            flushUpTo(iei);
            w.u8(iei);
            int m = w.beginLen16();
            enc.encode(v, w);
            w.endLen16(m);
        }
        return this;
    }

    /** Type 3 IE with a value of fixed length written by {@code enc}. */
    public <T> OptionalIeWriter tv(int iei, T v, IeEncoder<? super T> enc) {
        if (v != null) {
            flushUpTo(iei);
            w.u8(iei);
            enc.encode(v, w);
        }
        return this;
    }

    public OptionalIeWriter tlvBytes(int iei, byte[] v) {
        if (v != null) {
            flushUpTo(iei);
            w.u8(iei).u8(v.length).bytes(v);
        }
        return this;
    }

    public OptionalIeWriter tlveBytes(int iei, byte[] v) {
        if (v != null) {
            flushUpTo(iei);
            w.u8(iei).u16(v.length).bytes(v);
        }
        return this;
    }

    /** Type 1 IE; {@code half} < 0 means absent. */
    public OptionalIeWriter tv1(int iei, int half) {
        if (half >= 0) {
            flushUpTo(iei & 0xF0);
            w.u8((iei & 0xF0) | (half & 0x0F));
        }
        return this;
    }

    /** Type 2 IE. */
    public OptionalIeWriter t(int iei, boolean present) {
        if (present) {
            flushUpTo(iei);
            w.u8(iei);
        }
        return this;
    }

    public void finish() {
        while (next < raw.size()) {
            raw.get(next++).encode(w);
        }
    }
}
