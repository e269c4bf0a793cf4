package io.liquid5gc.ngap.codec;

import io.liquid5gc.ngap.aper.AperException;
import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.ie.CauseProtocol;
import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics.IeDiagnostic;
import io.liquid5gc.ngap.ie.IeContainer;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.TypeOfError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ProtocolIE-Container engine (TS 38.413 9.4.4 / 9.4.5, ASN.1 NGAP-Containers):
 * {@code SEQUENCE { protocolIEs ProtocolIE-Container, ... }} where the container is
 * {@code SEQUENCE (SIZE(0..65535)) OF ProtocolIE-Field { id, criticality, value open type }}.
 *
 * <p>Abnormal conditions follow TS 38.413 10.3: an IE whose id this release does not define, or whose value
 * cannot be decoded, is handled per its criticality — reject: the message is rejected
 * (abstract-syntax-error-reject), notify: ignored and reported for notification, ignore: ignored and reported.
 * A missing mandatory IE rejects the message (10.3.5, type of error "missing"); a repeated typed IE makes it
 * falsely constructed (10.3.6). IEs that R17.9 defines but the
 * record does not model are kept raw.
 */
public final class IeContainerCodec {
    private IeContainerCodec() {
    }

    /** Smallest encoding of one ProtocolIE-Field: 16-bit id, 2-bit criticality, 1-octet length, 1 octet. */
    private static final int MIN_IE_BITS = 32;

    public static <M extends IeContainer> M decode(AperReader r, ContainerDescriptor<M> d, DecodeContext ctx) {
        boolean extended = r.readBit();
        int n = (int) r.readConstrained(0, 65535);
        r.checkCount(n, MIN_IE_BITS);
        Slots s = new Slots(d.nLongs, d.nObjects);
        List<RawIe> raw = null;
        long present = 0;
        for (int i = 0; i < n; i++) {
            int id = (int) r.readConstrained(0, 65535);
            Criticality crit = Criticality.fromCode((int) r.readConstrained(0, 2));
            r.beginOpenType();
            int idx = d.indexOf(id);
            if (idx >= 0) {
                IeSpec spec = d.specs[idx];
                if ((present & (1L << idx)) != 0) { // TS 38.413 10.3.6: an IE more often than allowed
                    throw new DecodeFailure(CauseProtocol.ABSTRACT_SYNTAX_ERROR_FALSELY_CONSTRUCTED_MESSAGE,
                            new IeDiagnostic(spec.criticality, id, TypeOfError.NOT_UNDERSTOOD), "IE " + id + " repeated");
                }
                try {
                    if (spec.isLong()) {
                        long v = spec.longCodec.decode(r);
                        s.longs[spec.slot] = v;
                        if (id == IeIds.AMF_UE_NGAP_ID) {
                            ctx.amfUeNgapId = v;
                        } else if (id == IeIds.RAN_UE_NGAP_ID) {
                            ctx.ranUeNgapId = v;
                        }
                    } else {
                        s.objects[spec.slot] = spec.valueCodec.decode(r);
                    }
                    present |= 1L << idx;
                } catch (AperException e) {
                    notComprehended(ctx, id, crit, "value not comprehended: " + e.getMessage());
                }
            } else if (IeIds.isDefined(id)) {
                if (raw == null) {
                    raw = new ArrayList<>(4);
                }
                raw.add(new RawIe(id, crit, Octets.wrap(r.readRemainingOctets())));
            } else {
                notComprehended(ctx, id, crit, "IE id " + id + " not defined in R17.9");
            }
            r.endOpenType();
        }
        if (extended) {
            r.skipExtensionAdditions();
        }
        for (int i = 0; i < d.specs.length; i++) {
            IeSpec spec = d.specs[i];
            if (spec.mandatory && (present & (1L << i)) == 0) {
                throw new DecodeFailure(CauseProtocol.ABSTRACT_SYNTAX_ERROR_REJECT,
                        new IeDiagnostic(spec.criticality, spec.id, TypeOfError.MISSING),
                        "mandatory IE " + spec.id + " missing");
            }
        }
        if (raw != null) {
            s.raw = Collections.unmodifiableList(raw);
        }
        try {
            return d.build.apply(s);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DecodeFailure(CauseProtocol.SEMANTIC_ERROR, null, "inconsistent IE values: " + e.getMessage());
        }
    }

    private static void notComprehended(DecodeContext ctx, int id, Criticality crit, String detail) {
        if (crit == Criticality.REJECT || crit == null) {
            throw new DecodeFailure(CauseProtocol.ABSTRACT_SYNTAX_ERROR_REJECT,
                    new IeDiagnostic(Criticality.REJECT, id, TypeOfError.NOT_UNDERSTOOD), detail);
        }
        ctx.report(id, crit, TypeOfError.NOT_UNDERSTOOD, detail);
    }

    public static <M extends IeContainer> void encode(AperWriter w, ContainerDescriptor<M> d, M m) {
        Slots s = new Slots(d.nLongs, d.nObjects);
        d.extract.accept(m, s);
        w.writeBit(false); // no extension additions
        int countMark = w.reserve16();
        int n = 0;
        for (IeSpec spec : d.specs) {
            if (spec.isLong()) {
                long v = s.longs[spec.slot];
                if (v < 0) {
                    if (spec.mandatory) {
                        throw new IllegalArgumentException(d.type.getSimpleName() + ": mandatory IE " + spec.id + " missing");
                    }
                    continue;
                }
                int mark = header(w, spec.id, spec.criticality);
                spec.longCodec.encode(w, v);
                w.endOpenType(mark);
            } else {
                Object v = s.objects[spec.slot];
                if (v == null) {
                    if (spec.mandatory) {
                        throw new IllegalArgumentException(d.type.getSimpleName() + ": mandatory IE " + spec.id + " missing");
                    }
                    continue;
                }
                int mark = header(w, spec.id, spec.criticality);
                spec.valueCodec.encode(w, v);
                w.endOpenType(mark);
            }
            n++;
        }
        for (RawIe raw : m.rawIes()) {
            w.writeConstrained(raw.id(), 0, 65535);
            w.writeConstrained(raw.criticality().code(), 0, 2);
            w.writeOpenType(raw.value().unsafeArray());
            n++;
        }
        w.patch16(countMark, n);
    }

    private static int header(AperWriter w, int id, Criticality c) {
        w.writeConstrained(id, 0, 65535);
        w.writeConstrained(c.code(), 0, 2);
        return w.beginOpenType();
    }
}
