package io.liquid5gc.sbi.nwdaf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/**
 * EventSubscription (TS 29.520 5.1.6.2.3), the fields this NWDAF uses:
 * <ul>
 *   <li>{@code event}: NF_LOAD or SLICE_LOAD_LEVEL (NwdafEvent 5.1.6.3.4);</li>
 *   <li>{@code notificationMethod}: PERIODIC (every {@code repetitionPeriod} seconds) or THRESHOLD (when the load
 *   crosses {@code loadLevelThreshold}, a percentage for NF_LOAD, a number of UEs... for SLICE_LOAD_LEVEL);</li>
 *   <li>{@code nfTypes} (NF_LOAD) / {@code snssais} (SLICE_LOAD_LEVEL): what to report on; empty = all.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EventSubscription(String event, String notificationMethod, Integer repetitionPeriod, Integer loadLevelThreshold,
                                List<String> nfTypes, List<Snssai> snssais) {

    public EventSubscription {
        nfTypes = nfTypes == null ? List.of() : List.copyOf(nfTypes);
        snssais = snssais == null ? List.of() : List.copyOf(snssais);
    }
}
