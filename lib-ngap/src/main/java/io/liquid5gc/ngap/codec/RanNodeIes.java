package io.liquid5gc.ngap.codec;

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
import io.liquid5gc.ngap.ie.OverloadAction;
import io.liquid5gc.ngap.ie.OverloadResponse;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.PlmnSupportItem;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.ServedGuamiItem;
import io.liquid5gc.ngap.ie.SupportedTaItem;
import io.liquid5gc.ngap.ie.UnavailableGuamiItem;
import java.util.List;

/**
 * APER codecs of the RAN node and AMF configuration IEs (TS 38.413 9.3.1.5, 9.3.3.x): Global RAN Node ID,
 * Supported TA List, Served GUAMI List, PLMN Support List.
 */
final class RanNodeIes {
    private RanNodeIes() {
    }

    static GlobalRanNodeId.NgEnb readGlobalNgEnb(AperReader r) {
        Sequence seq = Sequence.read(r, 0);
        PlmnIdentity p = readPlmn(r);
        int alt = (int) r.readConstrained(0, 3);
        int bits = switch (alt) {
            case 0 -> 20;
            case 1 -> 18;
            case 2 -> 21;
            default -> throw new AperException("ng-eNB ID choice extension not comprehended");
        };
        int id = (int) r.readFixedBitString(bits);
        seq.skipEnd(r);
        return new GlobalRanNodeId.NgEnb(p, id, bits);
    }

    static void writeGlobalNgEnb(AperWriter w, GlobalRanNodeId.NgEnb e) {
        Sequence.write(w, List.of());
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
                    Sequence seq = Sequence.read(r, 0);
                    PlmnIdentity p = readPlmn(r);
                    if (r.readConstrained(0, 1) != 0) { // GNB-ID ::= CHOICE { gNB-ID BIT STRING (SIZE(22..32)), ext }
                        throw new AperException("gNB ID choice extension not comprehended");
                    }
                    int n = r.readBitStringLength(22, 32, false);
                    long id = r.readBits(n);
                    seq.skipEnd(r);
                    return new GlobalRanNodeId.Gnb(p, id, n);
                }
                case 1:
                    return readGlobalNgEnb(r);
                case 2: {
                    Sequence seq = Sequence.read(r, 0);
                    PlmnIdentity p = readPlmn(r);
                    if (r.readConstrained(0, 1) != 0) {
                        throw new AperException("N3IWF ID choice extension not comprehended");
                    }
                    int id = (int) r.readFixedBitString(16);
                    seq.skipEnd(r);
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
                    Sequence.write(w, List.of());
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
                    Sequence.write(w, List.of());
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
            Sequence seq = Sequence.read(r, 0);
            PlmnIdentity p = readPlmn(r);
            List<SNssai> slices = SLICE_SUPPORT_LIST.decode(r);
            return new BroadcastPlmnItem(p, slices, seq.end(r));
        }

        @Override
        public void encode(AperWriter w, BroadcastPlmnItem v) {
            Sequence.write(w, v.extensions());
            writePlmn(w, v.plmn());
            SLICE_SUPPORT_LIST.encode(w, v.sliceSupport());
            Sequence.writeEnd(w, v.extensions());
        }
    };

    private static final ValueCodec<SupportedTaItem> SUPPORTED_TA_ITEM = new ValueCodec<>() {
        @Override
        public SupportedTaItem decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            int tac = readTac(r);
            List<BroadcastPlmnItem> plmns = listOf(1, 12, BROADCAST_PLMN_ITEM, 40).decode(r);
            return new SupportedTaItem(tac, plmns, seq.end(r));
        }

        @Override
        public void encode(AperWriter w, SupportedTaItem v) {
            Sequence.write(w, v.extensions());
            writeTac(w, v.tac());
            listOf(1, 12, BROADCAST_PLMN_ITEM, 40).encode(w, v.broadcastPlmns());
            Sequence.writeEnd(w, v.extensions());
        }
    };

    /** SupportedTAList ::= SEQUENCE (SIZE(1..maxnoofTACs = 256)) OF SupportedTAItem (9.3.1.x). */
    static final ValueCodec<List<SupportedTaItem>> SUPPORTED_TA_LIST = listOf(1, 256, SUPPORTED_TA_ITEM, 32);

    private static final ValueCodec<ServedGuamiItem> SERVED_GUAMI_ITEM = new ValueCodec<>() {
        @Override
        public ServedGuamiItem decode(AperReader r) {
            Sequence seq = Sequence.read(r, 1);
            Guami g = GUAMI.decode(r);
            String backup = seq.has(0) ? NAME.decode(r) : null;
            return new ServedGuamiItem(g, backup, seq.end(r));
        }

        @Override
        public void encode(AperWriter w, ServedGuamiItem v) {
            Sequence.write(w, v.extensions(), v.backupAmfName() != null);
            GUAMI.encode(w, v.guami());
            if (v.backupAmfName() != null) {
                NAME.encode(w, v.backupAmfName());
            }
            Sequence.writeEnd(w, v.extensions());
        }
    };

    /** ServedGUAMIList ::= SEQUENCE (SIZE(1..maxnoofServedGUAMIs = 256)) OF ServedGUAMIItem. */
    static final ValueCodec<List<ServedGuamiItem>> SERVED_GUAMI_LIST = listOf(1, 256, SERVED_GUAMI_ITEM, 40);

    private static final ValueCodec<PlmnSupportItem> PLMN_SUPPORT_ITEM = new ValueCodec<>() {
        @Override
        public PlmnSupportItem decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            PlmnIdentity p = readPlmn(r);
            List<SNssai> slices = SLICE_SUPPORT_LIST.decode(r);
            return new PlmnSupportItem(p, slices, seq.end(r));
        }

        @Override
        public void encode(AperWriter w, PlmnSupportItem v) {
            Sequence.write(w, v.extensions());
            writePlmn(w, v.plmn());
            SLICE_SUPPORT_LIST.encode(w, v.sliceSupport());
            Sequence.writeEnd(w, v.extensions());
        }
    };

    /** PLMNSupportList ::= SEQUENCE (SIZE(1..maxnoofPLMNs = 12)) OF PLMNSupportItem. */
    static final ValueCodec<List<PlmnSupportItem>> PLMN_SUPPORT_LIST = listOf(1, 12, PLMN_SUPPORT_ITEM, 40);

    /** OverloadResponse CHOICE {overloadAction, choice-Extensions} (9.3.1.104); OverloadAction ENUMERATED (4, ...). */
    static final ValueCodec<OverloadResponse> OVERLOAD_RESPONSE = new ValueCodec<>() {
        @Override
        public OverloadResponse decode(AperReader r) {
            if (r.readConstrained(0, 1) == 1) {
                return new OverloadResponse.Extension(readSingleContainer(r));
            }
            int i = r.readEnumerated(OverloadAction.ROOT_COUNT, true);
            if (i >= OverloadAction.ROOT_COUNT) {
                throw new AperException("overload action " + i + " unknown");
            }
            return new OverloadResponse.Action(OverloadAction.values()[i]);
        }

        @Override
        public void encode(AperWriter w, OverloadResponse v) {
            switch (v) {
                case OverloadResponse.Action a -> {
                    w.writeConstrained(0, 0, 1);
                    w.writeEnumerated(a.action().ordinal(), OverloadAction.ROOT_COUNT, true);
                }
                case OverloadResponse.Extension x -> {
                    w.writeConstrained(1, 0, 1);
                    writeSingleContainer(w, x.ie());
                }
            }
        }
    };

    /** TrafficLoadReductionIndication ::= INTEGER (1..99) (9.3.1.106). */
    static final LongCodec TRAFFIC_LOAD_REDUCTION_INDICATION = Codecs.constrained(1, 99);

    private static final ValueCodec<UnavailableGuamiItem> UNAVAILABLE_GUAMI_ITEM = new ValueCodec<>() {
        @Override
        public UnavailableGuamiItem decode(AperReader r) {
            Sequence seq = Sequence.read(r, 2);
            Guami g = GUAMI.decode(r);
            boolean applyTimer = false;
            if (seq.has(0)) {
                // TimerApproachForGUAMIRemoval ::= ENUMERATED {apply-timer, ...}
                if (r.readEnumerated(1, true) != 0) {
                    throw new AperException("unknown extension value of TimerApproachForGUAMIRemoval");
                }
                applyTimer = true;
            }
            String backup = seq.has(1) ? NAME.decode(r) : null;
            return new UnavailableGuamiItem(g, applyTimer, backup, seq.end(r));
        }

        @Override
        public void encode(AperWriter w, UnavailableGuamiItem v) {
            Sequence.write(w, v.extensions(), v.timerApproachForGuamiRemoval(), v.backupAmfName() != null);
            GUAMI.encode(w, v.guami());
            if (v.timerApproachForGuamiRemoval()) {
                w.writeEnumerated(0, 1, true);
            }
            if (v.backupAmfName() != null) {
                NAME.encode(w, v.backupAmfName());
            }
            Sequence.writeEnd(w, v.extensions());
        }
    };

    /** UnavailableGUAMIList ::= SEQUENCE (SIZE(1..maxnoofServedGUAMIs = 256)) OF UnavailableGUAMIItem. */
    static final ValueCodec<List<UnavailableGuamiItem>> UNAVAILABLE_GUAMI_LIST = listOf(1, 256, UNAVAILABLE_GUAMI_ITEM, 40);
}
