package io.liquid5gc.ngap.codec;

import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.RawExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The frame of an NGAP SEQUENCE type {@code SEQUENCE { root components, iE-Extensions ProtocolExtensionContainer
 * OPTIONAL, ... }} in ALIGNED PER (X.691 19): the preamble (the extension bit, then one bit per OPTIONAL root
 * component in declaration order, iE-Extensions last) and the tail (the ProtocolExtensionContainer, TS 38.413
 * 9.4.5, then any extension additions).
 *
 * <p>Decoding: {@code Sequence s = Sequence.read(r, 1); ... if (s.has(0)) ...; List<RawExtension> x = s.end(r);}.
 * Encoding: {@code Sequence.write(w, x, a != null); ...; Sequence.writeEnd(w, x);}. The extensions are kept
 * raw ({@link RawExtension}) and written back as read; extension additions (after the marker) are skipped. A type
 * whose record has no place for extensions (R17.9 defines none for it) ends with {@link #skipEnd} and is written
 * with {@code Sequence.write(w, List.of(), ...)}.
 */
final class Sequence {
    /** Smallest encoding of one ProtocolExtensionField: 16-bit id, 2-bit criticality, 1-octet length, 1 octet. */
    private static final int MIN_FIELD_BITS = 32;

    private final boolean extended;
    /** The OPTIONAL bits, the first declared component highest, iE-Extensions in bit 0. */
    private final int bitmap;
    private final int optionals;

    private Sequence(boolean extended, int bitmap, int optionals) {
        this.extended = extended;
        this.bitmap = bitmap;
        this.optionals = optionals;
    }

    /** Reads the preamble of a SEQUENCE with {@code optionals} OPTIONAL root components besides iE-Extensions. */
    static Sequence read(AperReader r, int optionals) {
        boolean extended = r.readBit();
        int bitmap = (int) r.readBits(optionals + 1);
        return new Sequence(extended, bitmap, optionals);
    }

    /** Whether the {@code i}-th OPTIONAL root component (0 = first declared, iE-Extensions not counted) is present. */
    boolean has(int i) {
        return ((bitmap >>> (optionals - i)) & 1) != 0;
    }

    /** Reads the tail: the iE-Extensions if flagged (kept raw, or an empty list), then skips extension additions. */
    List<RawExtension> end(AperReader r) {
        List<RawExtension> x = (bitmap & 1) != 0 ? readExtensionContainer(r) : List.of();
        if (extended) {
            r.skipExtensionAdditions();
        }
        return x;
    }

    /**
     * Reads the tail of a type whose record keeps no extensions: R17.9 defines none for it (its -ExtIEs set is
     * empty), so a container present comes from a later release; it is skipped, as are extension additions.
     */
    void skipEnd(AperReader r) {
        if ((bitmap & 1) != 0) {
            skipExtensionContainer(r);
        }
        if (extended) {
            r.skipExtensionAdditions();
        }
    }

    /** ProtocolExtensionContainer ::= SEQUENCE (SIZE(1..maxProtocolExtensions = 65535)) OF ProtocolExtensionField. */
    static List<RawExtension> readExtensionContainer(AperReader r) {
        int n = (int) r.readConstrained(1, 65535);
        r.checkCount(n, MIN_FIELD_BITS);
        List<RawExtension> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = (int) r.readConstrained(0, 65535);
            Criticality c = Criticality.fromCode((int) r.readConstrained(0, 2));
            if (c == Criticality.REJECT) {
                r.noteFirst(id); // kept raw, so not comprehended: the receiver rejects (TS 38.413 10.3.4.2)
            }
            out.add(new RawExtension(id, c, Octets.wrap(r.readOpenTypeBytes())));
        }
        return Collections.unmodifiableList(out);
    }

    /** Skips a ProtocolExtensionContainer without keeping it. */
    static void skipExtensionContainer(AperReader r) {
        int n = (int) r.readConstrained(1, 65535);
        r.checkCount(n, MIN_FIELD_BITS);
        for (int i = 0; i < n; i++) {
            int id = (int) r.readConstrained(0, 65535);
            if (Criticality.fromCode((int) r.readConstrained(0, 2)) == Criticality.REJECT) {
                r.noteFirst(id); // dropped, so not comprehended either (TS 38.413 10.3.4.2)
            }
            r.skipOpenType();
        }
    }

    /** Writes the preamble of a SEQUENCE without OPTIONAL root components besides iE-Extensions. */
    static void write(AperWriter w, List<RawExtension> extensions) {
        w.writeBit(false);
        w.writeBit(!extensions.isEmpty());
    }

    /** Writes the preamble of a SEQUENCE with one OPTIONAL root component besides iE-Extensions. */
    static void write(AperWriter w, List<RawExtension> extensions, boolean first) {
        w.writeBit(false);
        w.writeBit(first);
        w.writeBit(!extensions.isEmpty());
    }

    /** Writes the preamble of a SEQUENCE with two OPTIONAL root components besides iE-Extensions. */
    static void write(AperWriter w, List<RawExtension> extensions, boolean first, boolean second) {
        w.writeBit(false);
        w.writeBit(first);
        w.writeBit(second);
        w.writeBit(!extensions.isEmpty());
    }

    /** Writes the preamble: no extension additions, the presence of each OPTIONAL root component, iE-Extensions. */
    static void write(AperWriter w, List<RawExtension> extensions, boolean... present) {
        w.writeBit(false);
        for (boolean p : present) {
            w.writeBit(p);
        }
        w.writeBit(!extensions.isEmpty());
    }

    /** Writes the tail: the iE-Extensions, if any, after the other root components. */
    static void writeEnd(AperWriter w, List<RawExtension> extensions) {
        if (extensions.isEmpty()) {
            return;
        }
        w.writeConstrained(extensions.size(), 1, 65535);
        for (RawExtension x : extensions) {
            w.writeConstrained(x.id(), 0, 65535);
            w.writeConstrained(x.criticality().code(), 0, 2);
            w.writeOpenType(x.value().unsafeArray());
        }
    }
}
