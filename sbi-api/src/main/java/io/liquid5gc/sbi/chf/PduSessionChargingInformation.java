package io.liquid5gc.sbi.chf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;

/** PDUSessionChargingInformation (TS 32.291 6.1.6.2.2.1), the fields this core fills: charging id and the session. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PduSessionChargingInformation(Long chargingId, Integer pduSessionId, String dnnId, Snssai networkSlicingInfo,
                                            String pduSessionType, String pduAddress) {
}
