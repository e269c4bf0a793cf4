package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * TS 38.413 9.3.1.40 (Supported TA List) Broadcast PLMN item: PLMN and its TAI slice support list;
 * {@code extensions} are its iE-Extensions kept raw (e.g. id-NPN-Support), empty when none.
 */
public record BroadcastPlmnItem(PlmnIdentity plmn, List<SNssai> sliceSupport, List<RawExtension> extensions) {
    public BroadcastPlmnItem {
        sliceSupport = List.copyOf(sliceSupport);
        extensions = RawExtension.immutable(extensions);
    }

    public BroadcastPlmnItem(PlmnIdentity plmn, List<SNssai> sliceSupport) {
        this(plmn, sliceSupport, List.of());
    }
}
