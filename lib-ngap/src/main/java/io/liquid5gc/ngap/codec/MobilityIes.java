package io.liquid5gc.ngap.codec;

import static io.liquid5gc.ngap.codec.Codecs.FLAG;
import static io.liquid5gc.ngap.codec.Codecs.listOf;
import static io.liquid5gc.ngap.codec.Codecs.readSingleContainer;
import static io.liquid5gc.ngap.codec.Codecs.writeSingleContainer;
import static io.liquid5gc.ngap.codec.Ies.FIVEG_S_TMSI;
import static io.liquid5gc.ngap.codec.Ies.TAI;
import static io.liquid5gc.ngap.codec.Ies.readPlmn;
import static io.liquid5gc.ngap.codec.Ies.writePlmn;
import static io.liquid5gc.ngap.codec.RanNodeIes.GLOBAL_RAN_NODE_ID;
import static io.liquid5gc.ngap.codec.RanNodeIes.readGlobalNgEnb;
import static io.liquid5gc.ngap.codec.RanNodeIes.writeGlobalNgEnb;

import io.liquid5gc.ngap.aper.AperException;
import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.ie.FiveGSTmsi;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.Tai;
import io.liquid5gc.ngap.ie.TargetId;
import java.util.List;

/**
 * APER codecs of the mobility and paging IEs (TS 38.413 9.3.1.25, 9.3.3.18, 9.3.1.x): Target ID, the
 * flag enumerations of handover, UE paging identity, TAI List for Paging.
 */
final class MobilityIes {
    private MobilityIes() {
    }

    /** TargetID CHOICE (9.3.1.25): targetRANNodeID, targeteNB-ID, choice-Extensions. */
    static final ValueCodec<TargetId> TARGET_ID = new ValueCodec<>() {
        @Override
        public TargetId decode(AperReader r) {
            int alt = (int) r.readConstrained(0, 2);
            switch (alt) {
                case 0: {
                    Sequence seq = Sequence.read(r, 0);
                    GlobalRanNodeId node = GLOBAL_RAN_NODE_ID.decode(r);
                    Tai tai = TAI.decode(r);
                    seq.skipEnd(r);
                    return new TargetId.RanNode(node, tai);
                }
                case 1: {
                    Sequence seq = Sequence.read(r, 0);
                    GlobalRanNodeId.NgEnb enb = readGlobalNgEnb(r);
                    Sequence tSeq = Sequence.read(r, 0);
                    PlmnIdentity p = readPlmn(r);
                    int tac = (int) r.readBits(16); // EPS-TAC OCTET STRING (SIZE(2)): not aligned (X.691 17.6)
                    tSeq.skipEnd(r);
                    seq.skipEnd(r);
                    return new TargetId.Enb(enb, p, tac);
                }
                default:
                    return new TargetId.Extension(readSingleContainer(r));
            }
        }

        @Override
        public void encode(AperWriter w, TargetId v) {
            switch (v) {
                case TargetId.RanNode n -> {
                    w.writeConstrained(0, 0, 2);
                    Sequence.write(w, List.of());
                    GLOBAL_RAN_NODE_ID.encode(w, n.globalRanNodeId());
                    TAI.encode(w, n.selectedTai());
                }
                case TargetId.Enb e -> {
                    w.writeConstrained(1, 0, 2);
                    Sequence.write(w, List.of());
                    writeGlobalNgEnb(w, e.globalEnbId());
                    Sequence.write(w, List.of());
                    writePlmn(w, e.epsTaiPlmn());
                    w.writeBits(e.epsTac(), 16);
                }
                case TargetId.Extension x -> {
                    w.writeConstrained(2, 0, 2);
                    writeSingleContainer(w, x.ie());
                }
            }
        }
    };

    /** DirectForwardingPathAvailability ::= ENUMERATED {direct-path-available, ...}, as a flag. */
    static final LongCodec DIRECT_FORWARDING_PATH_AVAILABILITY = FLAG;
    /** UEContextRequest ::= ENUMERATED {requested, ...}, as a flag. */
    static final LongCodec UE_CONTEXT_REQUEST = FLAG;

    /** UEPagingIdentity CHOICE { fiveG-S-TMSI, choice-Extensions } (9.3.3.18). */
    static final ValueCodec<FiveGSTmsi> UE_PAGING_IDENTITY = new ValueCodec<>() {
        @Override
        public FiveGSTmsi decode(AperReader r) {
            if (r.readConstrained(0, 1) != 0) {
                throw new AperException("UE paging identity extension not comprehended");
            }
            return FIVEG_S_TMSI.decode(r);
        }

        @Override
        public void encode(AperWriter w, FiveGSTmsi v) {
            w.writeConstrained(0, 0, 1);
            FIVEG_S_TMSI.encode(w, v);
        }
    };

    private static final ValueCodec<Tai> TAI_ITEM = new ValueCodec<>() {
        @Override
        public Tai decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            Tai t = TAI.decode(r);
            seq.skipEnd(r);
            return t;
        }

        @Override
        public void encode(AperWriter w, Tai v) {
            Sequence.write(w, List.of());
            TAI.encode(w, v);
        }
    };

    /** TAIListForPaging ::= SEQUENCE (SIZE(1..maxnoofTAIforPaging = 16)) OF TAIListForPagingItem. */
    static final ValueCodec<List<Tai>> TAI_LIST_FOR_PAGING = listOf(1, 16, TAI_ITEM, 52);
}
