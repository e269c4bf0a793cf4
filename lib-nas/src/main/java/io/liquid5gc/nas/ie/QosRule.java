package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One QoS rule, TS 24.501 9.11.4.13 (Figure 9.11.4.13.2). {@code precedence} and {@code qfi} are
 * -1 when absent (e.g. operation "delete existing QoS rule").
 */
public record QosRule(int id, int operation, boolean defaultRule, List<PacketFilter> packetFilters,
                      int precedence, boolean segregation, int qfi) {

    /** Rule operation codes, bits 8-6. */
    public static final int CREATE = 1, DELETE = 2, MODIFY_ADD_FILTERS = 3, MODIFY_REPLACE_FILTERS = 4,
            MODIFY_DELETE_FILTERS = 5, MODIFY_KEEP_FILTERS = 6;

    public QosRule {
        packetFilters = List.copyOf(packetFilters);
        if (packetFilters.size() > 15) {
            throw new IllegalArgumentException("at most 15 packet filters");
        }
    }

    /** The usual default rule: match-all, bidirectional, for {@code qfi}. */
    public static QosRule defaultMatchAll(int id, int precedence, int qfi) {
        return new QosRule(id, CREATE, true, List.of(PacketFilter.matchAll(1)), precedence, false, qfi);
    }

    public static List<QosRule> decodeList(NasReader r) throws NasDecodeException {
        List<QosRule> out = new ArrayList<>(2);
        while (r.hasRemaining()) {
            int id = r.u8();
            NasReader body = r.lve();
            int o = body.u8();
            int op = (o >> 5) & 0x07;
            boolean dqr = (o & 0x10) != 0;
            int n = o & 0x0F;
            List<PacketFilter> filters = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (op == MODIFY_DELETE_FILTERS) {
                    filters.add(new PacketFilter(0, body.u8() & 0x0F, null));
                } else {
                    int f = body.u8();
                    filters.add(new PacketFilter((f >> 4) & 0x03, f & 0x0F, PacketFilter.decodeComponents(body.lv())));
                }
            }
            int precedence = -1, qfi = -1;
            boolean seg = false;
            if (body.hasRemaining()) {
                precedence = body.u8();
                int q = body.u8();
                seg = (q & 0x40) != 0;
                qfi = q & 0x3F;
            }
            body.expectEnd("QoS rule");
            out.add(new QosRule(id, op, dqr, filters, precedence, seg, qfi));
        }
        return out;
    }

    public static void encodeList(List<QosRule> rules, NasWriter w) {
        for (QosRule q : rules) {
            q.encode(w);
        }
    }

    public void encode(NasWriter w) {
        w.u8(id);
        int m = w.beginLen16();
        w.u8((operation << 5) | (defaultRule ? 0x10 : 0) | packetFilters.size());
        for (PacketFilter f : packetFilters) {
            f.encode(w, operation == MODIFY_DELETE_FILTERS);
        }
        if (precedence >= 0) {
            w.u8(precedence).u8((segregation ? 0x40 : 0) | (qfi & 0x3F));
        }
        w.endLen16(m);
    }
}
