package io.liquid5gc.sbi.nsacf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;

/**
 * UeAdmissionValue / PduAdmissionValue (TS 29.536 6.1.6.2.7-8) with the counter after the operation: the slice, its
 * maximum number of UEs or PDU sessions (absent: not limited) and how many are counted now.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdmissionValue(Snssai snssai, Long maxNumUes, Long maxNumPdus, long currentNumber) {
}
