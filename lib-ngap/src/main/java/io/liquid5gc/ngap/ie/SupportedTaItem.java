package io.liquid5gc.ngap.ie;

import java.util.List;

/** TS 38.413 9.2.6.1 Supported TA List item: TAC and broadcast PLMN list. */
public record SupportedTaItem(int tac, List<BroadcastPlmnItem> broadcastPlmns) {
    public SupportedTaItem {
        broadcastPlmns = List.copyOf(broadcastPlmns);
    }
}
