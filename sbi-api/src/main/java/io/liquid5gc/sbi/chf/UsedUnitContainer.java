package io.liquid5gc.sbi.chf;

import com.fasterxml.jackson.annotation.JsonInclude;

/** UsedUnitContainer (TS 32.291 6.1.6.2.1.7): what was used since the last report. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsedUnitContainer(Long time, Long totalVolume, Long uplinkVolume, Long downlinkVolume, Integer localSequenceNumber) {

    public long volume() {
        if (totalVolume != null) {
            return totalVolume;
        }
        return (uplinkVolume == null ? 0 : uplinkVolume) + (downlinkVolume == null ? 0 : downlinkVolume);
    }
}
