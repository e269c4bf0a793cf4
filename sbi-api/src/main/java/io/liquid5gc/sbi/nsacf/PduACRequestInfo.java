package io.liquid5gc.sbi.nsacf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** PduACRequestInfo (TS 29.536 6.1.6.2.10): the PDU session and its slice to count (Nnsacf_NSAC_NumOfPDUsUpdate). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PduACRequestInfo(String supi, String anType, Integer pduSessionId, List<AcuOperationItem> acuOperationList) {

    public PduACRequestInfo {
        acuOperationList = acuOperationList == null ? List.of() : List.copyOf(acuOperationList);
    }
}
