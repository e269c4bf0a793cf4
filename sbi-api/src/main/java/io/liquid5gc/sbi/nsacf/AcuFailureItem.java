package io.liquid5gc.sbi.nsacf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;

/**
 * AcuFailureItem (TS 29.536 6.1.6.2.5): a slice not admitted and why (AcuFailureReason 6.1.6.3.3: SLICE_NOT_FOUND,
 * EXCEED_MAX_UE_NUM, EXCEED_MAX_PDU_NUM).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcuFailureItem(Snssai snssai, String reason, Integer pduSessionId) {

    public static final String EXCEED_MAX_UE_NUM = "EXCEED_MAX_UE_NUM";
    public static final String EXCEED_MAX_PDU_NUM = "EXCEED_MAX_PDU_NUM";
    public static final String SLICE_NOT_FOUND = "SLICE_NOT_FOUND";
}
