package io.liquid5gc.ngap.codec;

import io.liquid5gc.ngap.ie.RawIe;
import java.util.Arrays;
import java.util.List;

/**
 * The decoded (or to-be-encoded) IE values of one message: primitive slots for numbers, object slots for the
 * rest, and the IEs kept raw. Absent numeric IEs are -1, absent objects null.
 */
public final class Slots {
    final long[] longs;
    final Object[] objects;
    List<RawIe> raw = List.of();

    Slots(int nLongs, int nObjects) {
        longs = new long[nLongs];
        Arrays.fill(longs, -1L);
        objects = new Object[nObjects];
    }

    public long l(int i) {
        return longs[i];
    }

    public boolean flag(int i) {
        return longs[i] >= 0;
    }

    @SuppressWarnings("unchecked")
    public <T> T o(int i) {
        return (T) objects[i];
    }

    public List<RawIe> raw() {
        return raw;
    }

    public Slots l(int i, long v) {
        longs[i] = v;
        return this;
    }

    /** A presence-only IE (e.g. UE Context Request = requested): 0 when set, absent otherwise. */
    public Slots flag(int i, boolean set) {
        longs[i] = set ? 0 : -1;
        return this;
    }

    public Slots o(int i, Object v) {
        objects[i] = v;
        return this;
    }
}
