package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One QoS flow description, TS 24.501 9.11.4.12: QFI, operation code (bits 8-6: 001 create,
 * 010 delete, 011 modify), E bit and parameters (identifier, contents).
 */
public record QosFlowDescription(int qfi, int operation, boolean eBit, List<Parameter> parameters) {

    public static final int CREATE = 1, DELETE = 2, MODIFY = 3;
    /** Parameter identifiers, TS 24.501 9.11.4.12. */
    public static final int P_5QI = 0x01, P_GFBR_UL = 0x02, P_GFBR_DL = 0x03, P_MFBR_UL = 0x04, P_MFBR_DL = 0x05,
            P_AVERAGING_WINDOW = 0x06, P_EPS_BEARER_ID = 0x07;

    public QosFlowDescription {
        parameters = List.copyOf(parameters);
    }

    /** A parameter kept as its contents octets; see {@link #fiveQi()} for the common one. */
    public record Parameter(int id, byte[] contents) {
        public static Parameter fiveQi(int fiveQi) {
            return new Parameter(P_5QI, new byte[] {(byte) fiveQi});
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Parameter p && p.id == id && Arrays.equals(p.contents, contents);
        }

        @Override
        public int hashCode() {
            return id * 31 + Arrays.hashCode(contents);
        }
    }

    public static QosFlowDescription create(int qfi, int fiveQi) {
        return new QosFlowDescription(qfi, CREATE, true, List.of(Parameter.fiveQi(fiveQi)));
    }

    /** The 5QI parameter, or -1. */
    public int fiveQi() {
        for (Parameter p : parameters) {
            if (p.id == P_5QI && p.contents.length == 1) {
                return p.contents[0] & 0xFF;
            }
        }
        return -1;
    }

    public static List<QosFlowDescription> decodeList(NasReader r) throws NasDecodeException {
        List<QosFlowDescription> out = new ArrayList<>(2);
        while (r.hasRemaining()) {
            int qfi = r.u8() & 0x3F;
            int op = (r.u8() >> 5) & 0x07;
            int o = r.u8();
            boolean e = (o & 0x40) != 0;
            int n = o & 0x3F;
            List<Parameter> ps = new ArrayList<>(Math.min(n, 8));
            for (int i = 0; i < n; i++) {
                int id = r.u8();
                ps.add(new Parameter(id, r.lvBytes()));
            }
            out.add(new QosFlowDescription(qfi, op, e, ps));
        }
        return out;
    }

    public static void encodeList(List<QosFlowDescription> list, NasWriter w) {
        for (QosFlowDescription d : list) {
            w.u8(d.qfi & 0x3F).u8(d.operation << 5).u8((d.eBit ? 0x40 : 0) | d.parameters.size());
            for (Parameter p : d.parameters) {
                w.u8(p.id).u8(p.contents.length).bytes(p.contents);
            }
        }
    }
}
