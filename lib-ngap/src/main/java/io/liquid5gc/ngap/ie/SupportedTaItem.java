package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * TS 38.413 9.2.6.1 Supported TA List item: TAC and broadcast PLMN list; {@code extensions} are its iE-Extensions
 * kept raw (e.g. id-RAT-Information), empty when none.
 */
public record SupportedTaItem(int tac, List<BroadcastPlmnItem> broadcastPlmns, List<RawExtension> extensions) {
    public SupportedTaItem {
        broadcastPlmns = List.copyOf(broadcastPlmns);
        extensions = RawExtension.immutable(extensions);
    }

    public SupportedTaItem(int tac, List<BroadcastPlmnItem> broadcastPlmns) {
        this(tac, broadcastPlmns, List.of());
    }
}
