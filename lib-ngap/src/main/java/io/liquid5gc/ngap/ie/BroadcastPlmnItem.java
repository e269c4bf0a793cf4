package io.liquid5gc.ngap.ie;

import java.util.List;

/** TS 38.413 9.3.1.40 (Supported TA List) Broadcast PLMN item: PLMN and its TAI slice support list. */
public record BroadcastPlmnItem(PlmnIdentity plmn, List<SNssai> sliceSupport) {
    public BroadcastPlmnItem {
        sliceSupport = List.copyOf(sliceSupport);
    }
}
