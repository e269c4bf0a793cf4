package io.liquid5gc.sbi.chf;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RequestedUnit / GrantedUnit (TS 32.291 6.1.6.2.1.6 / .14): time in seconds, volumes in octets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestedUnit(Long time, Long totalVolume, Long uplinkVolume, Long downlinkVolume) {

    public static RequestedUnit ofVolume(long totalVolume) {
        return new RequestedUnit(null, totalVolume, null, null);
    }
}
