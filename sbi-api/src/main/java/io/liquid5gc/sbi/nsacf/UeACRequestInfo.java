package io.liquid5gc.sbi.nsacf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** UeACRequestInfo (TS 29.536 6.1.6.2.3): the UE and the slices to count it in (Nnsacf_NSAC_NumOfUEsUpdate). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record UeACRequestInfo(String supi, String anType, List<AcuOperationItem> acuOperationList) {

    public UeACRequestInfo {
        acuOperationList = acuOperationList == null ? List.of() : List.copyOf(acuOperationList);
    }
}
