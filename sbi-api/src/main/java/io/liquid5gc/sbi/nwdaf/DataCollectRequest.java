package io.liquid5gc.sbi.nwdaf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The request of {@code nwdaf-data-collect} (data collection, TS 23.288 6.2): load samples reported by NFs
 * ({@code nfLoadLevelInfos}, {@code sliceLoadLevelInfos}); with {@code fromMetrics} true (or an empty request) the NWDAF
 * also derives each NF type's load from the function invocation metrics of this process. The collected loads are then
 * checked against the subscriptions.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DataCollectRequest(List<NfLoadLevelInformation> nfLoadLevelInfos, List<SliceLoadLevelInformation> sliceLoadLevelInfos,
                                 Boolean fromMetrics) {

    public DataCollectRequest {
        nfLoadLevelInfos = nfLoadLevelInfos == null ? List.of() : List.copyOf(nfLoadLevelInfos);
        sliceLoadLevelInfos = sliceLoadLevelInfos == null ? List.of() : List.copyOf(sliceLoadLevelInfos);
    }
}
