package io.liquid5gc.sbi.udm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/**
 * The request of {@code udm-get-subscriber-data}: Nudm_SDM Get (TS 29.503 5.2.2.2, GetDataSets 6.1.3.2): the SUPI
 * and the data sets wanted ({@code dataset-names}); for SM data optionally one S-NSSAI and one DNN.
 *
 * @param dataSetNames empty means all three
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SubscriberDataRequest(String supi, List<DataSetName> dataSetNames, Snssai singleNssai, String dnn) {

    public SubscriberDataRequest {
        dataSetNames = dataSetNames == null || dataSetNames.isEmpty() ? List.of(DataSetName.values()) : List.copyOf(dataSetNames);
    }

    public static SubscriberDataRequest of(String supi, DataSetName... sets) {
        return new SubscriberDataRequest(supi, List.of(sets), null, null);
    }
}
