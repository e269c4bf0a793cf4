package io.liquid5gc.sbi.nwdaf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The answer of {@code nwdaf-data-collect}: the loads now known and how many notifications were queued for sending. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DataCollectResult(List<NfLoadLevelInformation> nfLoadLevelInfos, List<SliceLoadLevelInformation> sliceLoadLevelInfos,
                                int notificationsQueued) {
}
