package io.liquid5gc.ngap.codec;

import io.liquid5gc.ngap.aper.AperException;
import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.RawIe;
import java.util.ArrayList;
import java.util.List;

/**
 * Builders shared by the NGAP value codecs (X.691): SEQUENCE OF, ENUMERATED, constrained INTEGERs with and
 * without extension marker, the single-value flag enumerations, ProtocolIE-SingleContainer (choice-Extensions).
 */
final class Codecs {
    private Codecs() {
    }

    /** BitRate ::= INTEGER (0..4000000000000, ...) (TS 38.413 9.3.1.4). */
    static final long MAX_BIT_RATE = 4_000_000_000_000L;

    /** Reads a ProtocolIE-SingleContainer (choice-Extensions alternatives) as a raw IE. */
    static RawIe readSingleContainer(AperReader r) {
        int id = (int) r.readConstrained(0, 65535);
        Criticality c = Criticality.fromCode((int) r.readConstrained(0, 2));
        return new RawIe(id, c, Octets.wrap(r.readOpenTypeBytes()));
    }

    static void writeSingleContainer(AperWriter w, RawIe ie) {
        w.writeConstrained(ie.id(), 0, 65535);
        w.writeConstrained(ie.criticality().code(), 0, 2);
        w.writeOpenType(ie.value().unsafeArray());
    }

    /** SEQUENCE (SIZE(lb..ub)) OF item. */
    static <T> ValueCodec<List<T>> listOf(int lb, int ub, ValueCodec<T> item, int minItemBits) {
        return new ValueCodec<>() {
            @Override
            public List<T> decode(AperReader r) {
                int n = r.readSizeOf(lb, ub, false, minItemBits);
                List<T> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(item.decode(r));
                }
                return List.copyOf(out);
            }

            @Override
            public void encode(AperWriter w, List<T> v) {
                w.writeSizeOf(v.size(), lb, ub, false);
                for (T t : v) {
                    item.encode(w, t);
                }
            }
        };
    }

    /** An extensible ENUMERATED whose values are the Java enum's constants in order. */
    static <E extends Enum<E>> ValueCodec<E> enumerated(E[] values, int rootCount, boolean extensible) {
        return new ValueCodec<>() {
            @Override
            public E decode(AperReader r) {
                int i = r.readEnumerated(rootCount, extensible);
                if (i >= values.length) {
                    throw new AperException("enumeration value " + i + " unknown");
                }
                return values[i];
            }

            @Override
            public void encode(AperWriter w, E v) {
                w.writeEnumerated(v.ordinal(), rootCount, extensible);
            }
        };
    }

    /** A single-value extensible ENUMERATED used as a flag (e.g. UEContextRequest ::= ENUMERATED {requested, ...}). */
    static final LongCodec FLAG = new LongCodec() {
        @Override
        public long decode(AperReader r) {
            int i = r.readEnumerated(1, true);
            if (i != 0) {
                throw new AperException("unknown extension value of a flag enumeration");
            }
            return 0;
        }

        @Override
        public void encode(AperWriter w, long value) {
            w.writeEnumerated(0, 1, true);
        }
    };

    static LongCodec constrained(long lb, long ub) {
        return new LongCodec() {
            @Override
            public long decode(AperReader r) {
                return r.readConstrained(lb, ub);
            }

            @Override
            public void encode(AperWriter w, long value) {
                w.writeConstrained(value, lb, ub);
            }
        };
    }

    /** INTEGER (lb..ub, ...) — extension values are not comprehended. */
    static LongCodec constrainedExt(long lb, long ub) {
        return new LongCodec() {
            @Override
            public long decode(AperReader r) {
                return readIntExt(r, lb, ub);
            }

            @Override
            public void encode(AperWriter w, long value) {
                w.writeBit(false);
                w.writeConstrained(value, lb, ub);
            }
        };
    }

    static long readIntExt(AperReader r, long lb, long ub) {
        if (r.readBit()) {
            throw new AperException("integer extension value not comprehended");
        }
        return r.readConstrained(lb, ub);
    }

    static void writeIntExt(AperWriter w, long v, long lb, long ub) {
        w.writeBit(false);
        w.writeConstrained(v, lb, ub);
    }
}
