package io.liquid5gc.sbi.udm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SessionManagementSubscriptionData (TS 29.503 6.1.6.2.11) of one S-NSSAI: the DNN configurations keyed by DNN.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SessionManagementSubscriptionData(Snssai singleNssai, Map<String, DnnConfiguration> dnnConfigurations) {

    public SessionManagementSubscriptionData {
        dnnConfigurations = dnnConfigurations == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dnnConfigurations)); // keeps the order
    }
}
