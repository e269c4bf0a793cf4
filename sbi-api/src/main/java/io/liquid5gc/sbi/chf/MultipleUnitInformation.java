package io.liquid5gc.sbi.chf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * MultipleUnitInformation (TS 32.291 6.1.6.2.1.10): per rating group, the result (ResultCode 6.1.6.3.7: SUCCESS,
 * QUOTA_LIMIT_REACHED, END_USER_SERVICE_DENIED, ...) and the units granted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MultipleUnitInformation(String resultCode, int ratingGroup, RequestedUnit grantedUnit, Integer validityTime,
                                      FinalUnitIndication finalUnitIndication) {

    public static final String SUCCESS = "SUCCESS";
    public static final String QUOTA_LIMIT_REACHED = "QUOTA_LIMIT_REACHED";
    public static final String END_USER_SERVICE_DENIED = "END_USER_SERVICE_DENIED";
}
