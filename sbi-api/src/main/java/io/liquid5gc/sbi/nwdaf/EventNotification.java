package io.liquid5gc.sbi.nwdaf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** EventNotification (TS 29.520 5.1.6.2.5): one event's analytics at {@code timeStampGen}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EventNotification(String event, Instant timeStampGen, List<NfLoadLevelInformation> nfLoadLevelInfos,
                                SliceLoadLevelInformation sliceLoadLevelInfo) {

    public EventNotification {
        nfLoadLevelInfos = nfLoadLevelInfos == null ? List.of() : List.copyOf(nfLoadLevelInfos);
    }
}
