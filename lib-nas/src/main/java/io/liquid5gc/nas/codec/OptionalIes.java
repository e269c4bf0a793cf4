package io.liquid5gc.nas.codec;

import java.util.ArrayList;
import java.util.List;

/** The optional IEs of a message being decoded; typed ones are taken out, the rest stay raw. */
public final class OptionalIes {

    /** Decodes the value part of one IE. */
    @FunctionalInterface
    public interface IeDecoder<T> {
        T decode(NasReader value) throws NasDecodeException;
    }

    private final ArrayList<RawIe> ies = new ArrayList<>(8);

    void add(RawIe ie) {
        ies.add(ie);
    }

    private int indexOf(int iei) {
        for (int i = 0; i < ies.size(); i++) {
            if (ies.get(i).iei() == iei) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Takes the first IE with {@code iei} and decodes it. A syntactically incorrect optional IE is
     * treated as absent (TS 24.501 7.6.2) and left raw, so re-encoding stays lossless.
     */
    public <T> T take(int iei, IeDecoder<T> decoder) {
        int i = indexOf(iei);
        if (i < 0) {
            return null;
        }
        RawIe ie = ies.get(i);
        byte[] v = ie.value();
        try {
            NasReader r = new NasReader(v);
            T t = decoder.decode(r);
            if (ie.format() != IeFormat.TV1) {
                r.expectEnd("IE 0x" + Integer.toHexString(iei));
            }
            ies.remove(i);
            return t;
        } catch (NasDecodeException | RuntimeException e) {
            return null;
        }
    }

    /** Takes a type 1 IE and returns its half-octet value, or -1. */
    public int takeHalf(int iei) {
        int i = indexOf(iei & 0xF0);
        if (i < 0 || ies.get(i).format() != IeFormat.TV1) {
            return -1;
        }
        return ies.remove(i).value()[0] & 0x0F;
    }

    /** Takes a type 2 IE and returns whether it was present. */
    public boolean takeFlag(int iei) {
        int i = indexOf(iei);
        if (i < 0) {
            return false;
        }
        ies.remove(i);
        return true;
    }

    /** Takes a pass-through IE (value bytes only), or null. */
    public byte[] takeBytes(int iei) {
        int i = indexOf(iei);
        return i < 0 ? null : ies.remove(i).value();
    }

    /** What is left: unknown or untyped IEs, in arrival order. */
    public List<RawIe> rest() {
        return ies.isEmpty() ? List.of() : List.copyOf(ies);
    }
}
