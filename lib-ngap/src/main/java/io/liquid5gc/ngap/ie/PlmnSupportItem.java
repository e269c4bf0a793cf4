package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * TS 38.413 9.2.6.2 PLMN Support item: PLMN and slice support list; {@code extensions} are its iE-Extensions kept
 * raw (e.g. id-NPN-Support), empty when none.
 */
public record PlmnSupportItem(PlmnIdentity plmn, List<SNssai> sliceSupport, List<RawExtension> extensions) {
    public PlmnSupportItem {
        sliceSupport = List.copyOf(sliceSupport);
        extensions = RawExtension.immutable(extensions);
    }

    public PlmnSupportItem(PlmnIdentity plmn, List<SNssai> sliceSupport) {
        this(plmn, sliceSupport, List.of());
    }
}
