package io.liquid5gc.ngap.ie;

import java.util.List;

/** TS 38.413 9.2.6.2 PLMN Support item: PLMN and slice support list. */
public record PlmnSupportItem(PlmnIdentity plmn, List<SNssai> sliceSupport) {
    public PlmnSupportItem {
        sliceSupport = List.copyOf(sliceSupport);
    }
}
