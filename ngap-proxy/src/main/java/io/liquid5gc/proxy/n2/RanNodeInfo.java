package io.liquid5gc.proxy.n2;

import io.liquid5gc.ngap.ie.BroadcastPlmnItem;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.SupportedTaItem;
import io.liquid5gc.sbi.common.Snssai;
import java.time.Instant;
import java.util.List;

/**
 * A set-up RAN node as operators see it: what its NG Setup (or a later RAN Configuration Update) announced (TS 38.413
 * 8.7.1, 9.2.6.1): Global RAN Node ID, name, supported TAs with their broadcast PLMNs and slices.
 *
 * @param id          the name the proxy knows it by ({@code gnb-<id hex>}, as in a UE's serving gNB)
 * @param kind        gNB, ng-eNB, N3IWF or another (a choice extension)
 * @param plmn        the PLMN of the Global RAN Node ID, {@code mcc-mnc}
 * @param nodeId      the node id in hex, with its length in bits for a gNB ({@code 0x11/22})
 * @param association the SCTP association's remote address
 */
public record RanNodeInfo(String id, String kind, String plmn, String nodeId, String name, List<Ta> supportedTas, String association,
                          Instant setUpAt) {

    /** A supported TA: its TAC (TS 38.413 9.3.3.10, 3 octets) and broadcast PLMNs with their slices. */
    public record Ta(int tac, List<BroadcastPlmn> broadcastPlmns) {
    }

    public record BroadcastPlmn(String plmn, List<Snssai> slices) {
    }

    static RanNodeInfo of(String id, GlobalRanNodeId global, String name, List<SupportedTaItem> tas, String association, Instant setUpAt) {
        String kind;
        String plmn;
        String nodeId;
        switch (global) {
            case GlobalRanNodeId.Gnb g -> {
                kind = "gNB";
                plmn = plmn(g.plmn());
                nodeId = "0x" + Long.toHexString(g.gnbId()) + "/" + g.gnbIdBits();
            }
            case GlobalRanNodeId.NgEnb e -> {
                kind = "ng-eNB";
                plmn = plmn(e.plmn());
                nodeId = "0x" + Integer.toHexString(e.enbId()) + "/" + e.enbIdBits();
            }
            case GlobalRanNodeId.N3iwf n -> {
                kind = "N3IWF";
                plmn = plmn(n.plmn());
                nodeId = "0x" + Integer.toHexString(n.n3iwfId());
            }
            case GlobalRanNodeId.Extension x -> {
                kind = "other";
                plmn = null;
                nodeId = null;
            }
            case null -> {
                kind = "unknown";
                plmn = null;
                nodeId = null;
            }
        }
        List<Ta> out = tas.stream().map(t -> new Ta(t.tac(), t.broadcastPlmns().stream().map(RanNodeInfo::broadcast).toList())).toList();
        return new RanNodeInfo(id, kind, plmn, nodeId, name, out, association, setUpAt);
    }

    private static BroadcastPlmn broadcast(BroadcastPlmnItem b) {
        return new BroadcastPlmn(plmn(b.plmn()), b.sliceSupport().stream().map(RanNodeInfo::snssai).toList());
    }

    private static Snssai snssai(SNssai s) {
        return s.sd() == SNssai.NO_SD ? Snssai.of(s.sst()) : new Snssai(s.sst(), String.format("%06x", s.sd()));
    }

    private static String plmn(PlmnIdentity p) {
        return p.mcc() + "-" + p.mnc();
    }
}
