package io.liquid5gc.ngap.codec;

import static io.liquid5gc.ngap.codec.Codecs.endSequence;
import static io.liquid5gc.ngap.codec.Codecs.listOf;
import static io.liquid5gc.ngap.codec.Codecs.readSingleContainer;
import static io.liquid5gc.ngap.codec.Codecs.writeSingleContainer;
import static io.liquid5gc.ngap.codec.Ies.GUAMI;
import static io.liquid5gc.ngap.codec.Ies.NAME;
import static io.liquid5gc.ngap.codec.Ies.SLICE_SUPPORT_LIST;
import static io.liquid5gc.ngap.codec.Ies.readPlmn;
import static io.liquid5gc.ngap.codec.Ies.readTac;
import static io.liquid5gc.ngap.codec.Ies.writePlmn;
import static io.liquid5gc.ngap.codec.Ies.writeTac;

import io.liquid5gc.ngap.aper.AperException;
import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.ie.BroadcastPlmnItem;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.Guami;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.PlmnSupportItem;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.ServedGuamiItem;
import io.liquid5gc.ngap.ie.SupportedTaItem;
import java.util.List;

/**
 * APER codecs of the RAN node and AMF configuration IEs (TS 38.413 9.3.1.5, 9.3.3.x): Global RAN Node ID,
 * Supported TA List, Served GUAMI List, PLMN Support List.
 */
final class RanNodeIes {
    private RanNodeIes() {
    }

    static GlobalRanNodeId.NgEnb readGlobalNgEnb(AperReader r) {
        boolean ext = r.readBit();
        boolean ies = r.readBit();
        PlmnIdentity p = readPlmn(r);
        int alt = (int) r.readConstrained(0, 3);
        int bits = switch (alt) {
            case 0 -> 20;
            case 1 -> 18;
            case 2 -> 21;
            default -> throw new AperException("ng-eNB ID choice extension not comprehended");
        };
        int id = (int) r.readFixedBitString(bits);
        endSequence(r, ies, ext);
        return new GlobalRanNodeId.NgEnb(p, id, bits);
    }

    static void writeGlobalNgEnb(AperWriter w, GlobalRanNodeId.NgEnb e) {
        w.writeBits(0, 2);
        writePlmn(w, e.plmn());
        w.writeConstrained(e.enbIdBits() == 20 ? 0 : e.enbIdBits() == 18 ? 1 : 2, 0, 3);
        w.writeFixedBitString(e.enbId(), e.enbIdBits());
    }

    /** GlobalRANNodeID CHOICE (9.3.1.5): gNB, ng-eNB, N3IWF, choice-Extensions. */
    static final ValueCodec<GlobalRanNodeId> GLOBAL_RAN_NODE_ID = new ValueCodec<>() {
        @Override
        public GlobalRanNodeId decode(AperReader r) {
            int alt = (int) r.readConstrained(0, 3);
            switch (alt) {
                case 0: {
                    boolean ext = r.readBit();
                    boolean ies = r.readBit();
                    PlmnIdentity p = readPlmn(r);
                    if (r.readConstrained(0, 1) != 0) { // GNB-ID ::= CHOICE { gNB-ID BIT STRING (SIZE(22..32)), ext }
                        throw new AperException("gNB ID choice extension not comprehended");
                    }
                    int n = r.readBitStringLength(22, 32, false);
                    long id = r.readBits(n);
                    endSequence(r, ies, ext);
                    return new GlobalRanNodeId.Gnb(p, id, n);
                }
                case 1:
                    return readGlobalNgEnb(r);
                case 2: {
                    boolean ext = r.readBit();
                    boolean ies = r.readBit();
                    PlmnIdentity p = readPlmn(r);
                    if (r.readConstrained(0, 1) != 0) {
                        throw new AperException("N3IWF ID choice extension not comprehended");
                    }
                    int id = (int) r.readFixedBitString(16);
                    endSequence(r, ies, ext);
                    return new GlobalRanNodeId.N3iwf(p, id);
                }
                default:
                    return new GlobalRanNodeId.Extension(readSingleContainer(r));
            }
        }

        @Override
        public void encode(AperWriter w, GlobalRanNodeId v) {
            switch (v) {
                case GlobalRanNodeId.Gnb g -> {
                    w.writeConstrained(0, 0, 3);
                    w.writeBits(0, 2);
                    writePlmn(w, g.plmn());
                    w.writeConstrained(0, 0, 1);
                    w.writeConstrained(g.gnbIdBits(), 22, 32);
                    w.align();
                    w.writeBits(g.gnbId(), g.gnbIdBits());
                }
                case GlobalRanNodeId.NgEnb e -> {
                    w.writeConstrained(1, 0, 3);
                    writeGlobalNgEnb(w, e);
                }
                case GlobalRanNodeId.N3iwf n -> {
                    w.writeConstrained(2, 0, 3);
                    w.writeBits(0, 2);
                    writePlmn(w, n.plmn());
                    w.writeConstrained(0, 0, 1);
                    w.writeFixedBitString(n.n3iwfId(), 16);
                }
                case GlobalRanNodeId.Extension x -> {
                    w.writeConstrained(3, 0, 3);
                    writeSingleContainer(w, x.ie());
                }
            }
        }
    };

    private static final ValueCodec<BroadcastPlmnItem> BROADCAST_PLMN_ITEM = new ValueCodec<>() {
        @Override
        public BroadcastPlmnItem decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            PlmnIdentity p = readPlmn(r);
            List<SNssai> slices = SLICE_SUPPORT_LIST.decode(r);
            endSequence(r, ies, ext);
            return new BroadcastPlmnItem(p, slices);
        }

        @Override
        public void encode(AperWriter w, BroadcastPlmnItem v) {
            w.writeBits(0, 2);
            writePlmn(w, v.plmn());
            SLICE_SUPPORT_LIST.encode(w, v.sliceSupport());
        }
    };

    private static final ValueCodec<SupportedTaItem> SUPPORTED_TA_ITEM = new ValueCodec<>() {
        @Override
        public SupportedTaItem decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            int tac = readTac(r);
            List<BroadcastPlmnItem> plmns = listOf(1, 12, BROADCAST_PLMN_ITEM, 40).decode(r);
            endSequence(r, ies, ext);
            return new SupportedTaItem(tac, plmns);
        }

        @Override
        public void encode(AperWriter w, SupportedTaItem v) {
            w.writeBits(0, 2);
            writeTac(w, v.tac());
            listOf(1, 12, BROADCAST_PLMN_ITEM, 40).encode(w, v.broadcastPlmns());
        }
    };

    /** SupportedTAList ::= SEQUENCE (SIZE(1..maxnoofTACs = 256)) OF SupportedTAItem (9.3.1.x). */
    static final ValueCodec<List<SupportedTaItem>> SUPPORTED_TA_LIST = listOf(1, 256, SUPPORTED_TA_ITEM, 32);

    private static final ValueCodec<ServedGuamiItem> SERVED_GUAMI_ITEM = new ValueCodec<>() {
        @Override
        public ServedGuamiItem decode(AperReader r) {
            boolean ext = r.readBit();
            boolean hasBackup = r.readBit();
            boolean ies = r.readBit();
            Guami g = GUAMI.decode(r);
            String backup = hasBackup ? NAME.decode(r) : null;
            endSequence(r, ies, ext);
            return new ServedGuamiItem(g, backup);
        }

        @Override
        public void encode(AperWriter w, ServedGuamiItem v) {
            w.writeBit(false);
            w.writeBit(v.backupAmfName() != null);
            w.writeBit(false);
            GUAMI.encode(w, v.guami());
            if (v.backupAmfName() != null) {
                NAME.encode(w, v.backupAmfName());
            }
        }
    };

    /** ServedGUAMIList ::= SEQUENCE (SIZE(1..maxnoofServedGUAMIs = 256)) OF ServedGUAMIItem. */
    static final ValueCodec<List<ServedGuamiItem>> SERVED_GUAMI_LIST = listOf(1, 256, SERVED_GUAMI_ITEM, 40);

    private static final ValueCodec<PlmnSupportItem> PLMN_SUPPORT_ITEM = new ValueCodec<>() {
        @Override
        public PlmnSupportItem decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            PlmnIdentity p = readPlmn(r);
            List<SNssai> slices = SLICE_SUPPORT_LIST.decode(r);
            endSequence(r, ies, ext);
            return new PlmnSupportItem(p, slices);
        }

        @Override
        public void encode(AperWriter w, PlmnSupportItem v) {
            w.writeBits(0, 2);
            writePlmn(w, v.plmn());
            SLICE_SUPPORT_LIST.encode(w, v.sliceSupport());
        }
    };

    /** PLMNSupportList ::= SEQUENCE (SIZE(1..maxnoofPLMNs = 12)) OF PLMNSupportItem. */
    static final ValueCodec<List<PlmnSupportItem>> PLMN_SUPPORT_LIST = listOf(1, 12, PLMN_SUPPORT_ITEM, 40);
}
