package io.liquid5gc.ngap.codec;

import io.liquid5gc.ngap.ie.Criticality;

/**
 * One row of a message's IE table (TS 38.413 9.2.x tables / the ASN.1 ...IEs NGAP-PROTOCOL-IES sets):
 * IE id, criticality, presence, and which slot of the message it fills, with its value codec.
 */
public final class IeSpec {
    final int id;
    final Criticality criticality;
    final boolean mandatory;
    final int slot;
    final LongCodec longCodec;
    final ValueCodec<Object> valueCodec;

    @SuppressWarnings("unchecked")
    private IeSpec(int id, Criticality criticality, boolean mandatory, int slot, LongCodec lc, ValueCodec<?> vc) {
        this.id = id;
        this.criticality = criticality;
        this.mandatory = mandatory;
        this.slot = slot;
        this.longCodec = lc;
        this.valueCodec = (ValueCodec<Object>) vc;
    }

    /** A mandatory IE held in long slot {@code slot}. */
    public static IeSpec mandatory(int id, Criticality c, int slot, LongCodec codec) {
        return new IeSpec(id, c, true, slot, codec, null);
    }

    public static IeSpec optional(int id, Criticality c, int slot, LongCodec codec) {
        return new IeSpec(id, c, false, slot, codec, null);
    }

    /** A mandatory IE held in object slot {@code slot}. */
    public static IeSpec mandatory(int id, Criticality c, int slot, ValueCodec<?> codec) {
        return new IeSpec(id, c, true, slot, null, codec);
    }

    public static IeSpec optional(int id, Criticality c, int slot, ValueCodec<?> codec) {
        return new IeSpec(id, c, false, slot, null, codec);
    }

    boolean isLong() {
        return longCodec != null;
    }
}
