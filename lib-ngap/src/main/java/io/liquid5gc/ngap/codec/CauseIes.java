package io.liquid5gc.ngap.codec;

import static io.liquid5gc.ngap.codec.Codecs.listOf;
import static io.liquid5gc.ngap.codec.Codecs.readSingleContainer;
import static io.liquid5gc.ngap.codec.Codecs.writeSingleContainer;

import io.liquid5gc.ngap.aper.AperException;
import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.TriggeringMessage;
import io.liquid5gc.ngap.ie.TypeOfError;
import java.util.List;

/**
 * APER codecs of Cause (TS 38.413 9.3.1.2) and Criticality Diagnostics (9.3.1.3).
 */
final class CauseIes {
    private CauseIes() {
    }

    private static final Cause.Group[] GROUPS = Cause.Group.values();
    private static final int[] GROUP_ROOTS = {45, 2, 4, 7, 6};

    /** Cause CHOICE (9.3.1.2): five extensible enumerations and choice-Extensions. */
    static final ValueCodec<Cause> CAUSE = new ValueCodec<>() {
        @Override
        public Cause decode(AperReader r) {
            int alt = (int) r.readConstrained(0, 5);
            if (alt == 5) {
                return new Cause.Extension(readSingleContainer(r));
            }
            int idx = r.readEnumerated(GROUP_ROOTS[alt], true);
            return Cause.of(GROUPS[alt], idx);
        }

        @Override
        public void encode(AperWriter w, Cause v) {
            if (v instanceof Cause.Extension x) {
                w.writeConstrained(5, 0, 5);
                writeSingleContainer(w, x.ie());
                return;
            }
            int g = v.group().ordinal();
            w.writeConstrained(g, 0, 5);
            w.writeEnumerated(v.index(), GROUP_ROOTS[g], true);
        }
    };

    private static final ValueCodec<CriticalityDiagnostics.IeDiagnostic> IE_DIAGNOSTIC = new ValueCodec<>() {
        @Override
        public CriticalityDiagnostics.IeDiagnostic decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            Criticality c = Criticality.fromCode((int) r.readConstrained(0, 2));
            int id = (int) r.readConstrained(0, 65535);
            int t = r.readEnumerated(2, true);
            seq.skipEnd(r);
            TypeOfError type = TypeOfError.fromIndex(t);
            if (type == null) {
                throw new AperException("unknown type of error");
            }
            return new CriticalityDiagnostics.IeDiagnostic(c, id, type);
        }

        @Override
        public void encode(AperWriter w, CriticalityDiagnostics.IeDiagnostic v) {
            Sequence.write(w, List.of());
            w.writeConstrained(v.criticality().code(), 0, 2);
            w.writeConstrained(v.ieId(), 0, 65535);
            w.writeEnumerated(v.typeOfError().ordinal(), 2, true);
        }
    };
    private static final ValueCodec<List<CriticalityDiagnostics.IeDiagnostic>> IE_DIAGNOSTICS =
            listOf(1, 256, IE_DIAGNOSTIC, 22);

    /** CriticalityDiagnostics (9.3.1.3). */
    static final ValueCodec<CriticalityDiagnostics> CRITICALITY_DIAGNOSTICS = new ValueCodec<>() {
        @Override
        public CriticalityDiagnostics decode(AperReader r) {
            Sequence seq = Sequence.read(r, 4);
            int pc = seq.has(0) ? (int) r.readConstrained(0, 255) : -1;
            TriggeringMessage tm = seq.has(1) ? TriggeringMessage.fromIndex((int) r.readConstrained(0, 2)) : null;
            Criticality c = seq.has(2) ? Criticality.fromCode((int) r.readConstrained(0, 2)) : null;
            List<CriticalityDiagnostics.IeDiagnostic> list = seq.has(3) ? IE_DIAGNOSTICS.decode(r) : null;
            seq.skipEnd(r);
            return new CriticalityDiagnostics(pc, tm, c, list);
        }

        @Override
        public void encode(AperWriter w, CriticalityDiagnostics v) {
            Sequence.write(w, List.of(), v.procedureCode() >= 0, v.triggeringMessage() != null,
                    v.procedureCriticality() != null, v.ies() != null);
            if (v.procedureCode() >= 0) {
                w.writeConstrained(v.procedureCode(), 0, 255);
            }
            if (v.triggeringMessage() != null) {
                w.writeConstrained(v.triggeringMessage().ordinal(), 0, 2);
            }
            if (v.procedureCriticality() != null) {
                w.writeConstrained(v.procedureCriticality().code(), 0, 2);
            }
            if (v.ies() != null) {
                IE_DIAGNOSTICS.encode(w, v.ies());
            }
        }
    };
}
