package io.liquid5gc.sbi.nsacf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.Snssai;

/** AcuOperationItem (TS 29.536 6.1.6.2.4): one slice to count up (INCREASE) or down (DECREASE). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcuOperationItem(String updateFlag, Snssai snssai, PlmnId plmnId) {

    public static final String INCREASE = "INCREASE";
    public static final String DECREASE = "DECREASE";
}
