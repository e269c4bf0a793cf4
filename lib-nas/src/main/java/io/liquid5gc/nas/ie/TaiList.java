package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;
import java.util.ArrayList;
import java.util.List;

/** 5GS tracking area identity list, TS 24.501 9.11.3.9: one or more partial lists. */
public record TaiList(List<Partial> partials) {

    public TaiList {
        partials = List.copyOf(partials);
    }

    /** A partial tracking area identity list; at most 16 elements each. */
    public sealed interface Partial {
        /** Type 00: one PLMN, non-consecutive TACs. */
        record NonConsecutive(PlmnId plmn, List<Integer> tacs) implements Partial {
            public NonConsecutive {
                tacs = List.copyOf(tacs);
                if (tacs.isEmpty() || tacs.size() > 16) {
                    throw new IllegalArgumentException("1..16 TACs");
                }
            }
        }

        /** Type 01: one PLMN, {@code count} consecutive TACs starting at {@code firstTac}. */
        record Consecutive(PlmnId plmn, int firstTac, int count) implements Partial {
            public Consecutive {
                if (count < 1 || count > 16) {
                    throw new IllegalArgumentException("1..16 TACs");
                }
            }
        }

        /** Type 10: a TAI per element, PLMNs may differ. */
        record Tais(List<Tai> tais) implements Partial {
            public Tais {
                tais = List.copyOf(tais);
                if (tais.isEmpty() || tais.size() > 16) {
                    throw new IllegalArgumentException("1..16 TAIs");
                }
            }
        }
    }

    public static TaiList of(Tai tai) {
        return new TaiList(List.of(new Partial.NonConsecutive(tai.plmn(), List.of(tai.tac()))));
    }

    public static TaiList decode(NasReader r) throws NasDecodeException {
        List<Partial> out = new ArrayList<>(2);
        while (r.hasRemaining()) {
            int o = r.u8();
            int type = (o >> 5) & 0x03;
            int n = (o & 0x1F) + 1;
            if (n > 16) {
                throw NasReader.invalid("TAI list: more than 16 elements");
            }
            switch (type) {
                case 0 -> {
                    PlmnId plmn = PlmnId.decode(r);
                    List<Integer> tacs = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        tacs.add(r.u24());
                    }
                    out.add(new Partial.NonConsecutive(plmn, tacs));
                }
                case 1 -> out.add(new Partial.Consecutive(PlmnId.decode(r), r.u24(), n));
                case 2 -> {
                    List<Tai> tais = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        tais.add(Tai.decode(r));
                    }
                    out.add(new Partial.Tais(tais));
                }
                default -> throw NasReader.invalid("TAI list type 11");
            }
        }
        if (out.isEmpty()) {
            throw NasReader.invalid("empty TAI list");
        }
        return new TaiList(out);
    }

    public void encode(NasWriter w) {
        for (Partial p : partials) {
            switch (p) {
                case Partial.NonConsecutive nc -> {
                    w.u8(nc.tacs().size() - 1);
                    nc.plmn().encode(w);
                    for (int tac : nc.tacs()) {
                        w.u24(tac);
                    }
                }
                case Partial.Consecutive c -> {
                    w.u8(0x20 | (c.count() - 1));
                    c.plmn().encode(w);
                    w.u24(c.firstTac());
                }
                case Partial.Tais t -> {
                    w.u8(0x40 | (t.tais().size() - 1));
                    for (Tai tai : t.tais()) {
                        tai.encode(w);
                    }
                }
            }
        }
    }
}
