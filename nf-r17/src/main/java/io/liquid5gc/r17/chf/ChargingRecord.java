package io.liquid5gc.r17.chf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.chf.ChargingDataRequest;
import io.liquid5gc.sbi.chf.MultipleUnitInformation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The charging data record of one charging session (TS 32.298 CHF CDR, TS 32.291 5.2.2): the subscriber, the session,
 * every request with what was granted, the volume used in total, open/closed. Stored at {@code chf/cdr/<ref>}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChargingRecord(String chargingDataRef, String subscriberIdentifier, Instant openedAt, Instant closedAt, String status,
                      long usedVolume, List<Entry> entries) {

    /**
     * One request and the answer to it. {@code consumer} is the NF its access token proved (TS 33.501 13.4.1), as
     * opposed to the request's own {@code nfConsumerIdentification}, which is only what the caller wrote.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String operation, Instant at, String consumer, ChargingDataRequest request, List<MultipleUnitInformation> answer) {
        Entry(String operation, Instant at, ChargingDataRequest request, List<MultipleUnitInformation> answer) {
            this(operation, at, io.liquid5gc.sbi.security.Caller.current().describe(), request, answer);
        }
    }

    ChargingRecord with(Entry entry, long used, boolean close, Instant now) {
        List<Entry> all = new ArrayList<>(entries);
        all.add(entry);
        return new ChargingRecord(chargingDataRef, subscriberIdentifier, openedAt, close ? now : closedAt, close ? "CLOSED" : status,
                usedVolume + used, all);
    }
}
