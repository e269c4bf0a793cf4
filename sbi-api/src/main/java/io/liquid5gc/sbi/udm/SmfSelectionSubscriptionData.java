package io.liquid5gc.sbi.udm;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SmfSelectionSubscriptionData (TS 29.503 6.1.6.2.8): per subscribed S-NSSAI (key: {@link SnssaiKeys}), the DNNs
 * the UE may use.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SmfSelectionSubscriptionData(Map<String, SnssaiInfo> subscribedSnssaiInfos) {

    public SmfSelectionSubscriptionData {
        subscribedSnssaiInfos = subscribedSnssaiInfos == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(subscribedSnssaiInfos));
    }

    /** SnssaiInfo (TS 29.503 6.1.6.2.9). */
    public record SnssaiInfo(List<DnnInfo> dnnInfos) {
        public SnssaiInfo {
            dnnInfos = dnnInfos == null ? List.of() : List.copyOf(dnnInfos);
        }
    }

    /** DnnInfo (TS 29.503 6.1.6.2.10), reduced: the DNN and whether it is the default one of the slice. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DnnInfo(String dnn, Boolean defaultDnnIndicator) {
    }
}
