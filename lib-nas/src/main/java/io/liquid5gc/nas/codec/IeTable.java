package io.liquid5gc.nas.codec;

import java.util.Arrays;

/**
 * The non-imperative part of one message: the IEIs it may carry, their formats and their order in
 * the message's table of TS 24.501 clause 8. Unlisted IEIs are read by the rule of TS 24.007 11.2.4
 * (bit 8 set: one octet; IEI 0x7X: TLV-E; otherwise TLV) and kept raw.
 */
public final class IeTable {
    private static final int UNKNOWN_RANK = 10_000;

    private final IeFormat[] formats = new IeFormat[256];
    private final int[] fixedLen = new int[256];
    private final int[] rank = new int[256];
    private int next;

    private IeTable() {
        Arrays.fill(rank, UNKNOWN_RANK);
    }

    public static IeTable of() {
        return new IeTable();
    }

    private IeTable add(int iei, IeFormat f, int valueLen) {
        formats[iei] = f;
        fixedLen[iei] = valueLen;
        rank[iei] = next++;
        return this;
    }

    /** Type 1 IE; {@code iei} is the half-octet IEI in bits 8-5 (e.g. 0xB0). */
    public IeTable tv1(int iei) {
        return add(iei & 0xF0, IeFormat.TV1, 0);
    }

    public IeTable t(int iei) {
        return add(iei, IeFormat.T, 0);
    }

    /** Type 3 IE of {@code totalLen} octets including the IEI, as in the TS 24.501 tables. */
    public IeTable tv(int iei, int totalLen) {
        return add(iei, IeFormat.TV, totalLen - 1);
    }

    public IeTable tlv(int iei) {
        return add(iei, IeFormat.TLV, 0);
    }

    public IeTable tlve(int iei) {
        return add(iei, IeFormat.TLV_E, 0);
    }

    int rank(RawIe ie) {
        return rank[ie.iei() & 0xFF];
    }

    int rank(int iei) {
        return rank[iei & 0xFF];
    }

    /** Splits the rest of {@code r} into raw IEs. */
    OptionalIes parse(NasReader r) throws NasDecodeException {
        OptionalIes out = new OptionalIes();
        while (r.hasRemaining()) {
            int at = r.position();
            int o = r.u8();
            if (o >= 0x80) {
                if (formats[o] == IeFormat.T) {
                    out.add(new RawIe(o, IeFormat.T, new byte[0]));
                } else {
                    out.add(new RawIe(o & 0xF0, IeFormat.TV1, new byte[] {(byte) (o & 0x0F)}));
                }
                continue;
            }
            IeFormat f = formats[o];
            if (f == null) {
                f = (o & 0xF0) == 0x70 ? IeFormat.TLV_E : IeFormat.TLV;
            }
            try {
                byte[] v = switch (f) {
                    case TV -> r.bytes(fixedLen[o]);
                    case TLV -> r.lvBytes();
                    case TLV_E -> r.lveBytes();
                    default -> throw NasReader.invalid("bad table");
                };
                out.add(new RawIe(o, f, v));
            } catch (NasDecodeException e) {
                // TS 24.501 7.6: a truncated optional IE; the non-imperative part is damaged from here.
                throw new NasDecodeException(NasDecodeError.Kind.INVALID_MANDATORY_INFORMATION,
                        "truncated optional IE 0x" + Integer.toHexString(o), at);
            }
        }
        return out;
    }
}
