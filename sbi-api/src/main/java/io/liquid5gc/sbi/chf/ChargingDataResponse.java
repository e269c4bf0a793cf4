package io.liquid5gc.sbi.chf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * ChargingDataResponse (TS 32.291 6.1.6.2.1.2): the per-rating-group results and grants; {@code chargingDataRef} the
 * resource created (TS 32.291 Location header) for later update and release.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ChargingDataResponse(String chargingDataRef, Instant invocationTimeStamp, Integer invocationSequenceNumber,
                                   List<MultipleUnitInformation> multipleUnitInformation) {

    public ChargingDataResponse {
        multipleUnitInformation = multipleUnitInformation == null ? List.of() : List.copyOf(multipleUnitInformation);
    }

    /** True when no rating group was refused. */
    public boolean allGranted() {
        return multipleUnitInformation.stream().allMatch(m -> MultipleUnitInformation.SUCCESS.equals(m.resultCode()));
    }
}
