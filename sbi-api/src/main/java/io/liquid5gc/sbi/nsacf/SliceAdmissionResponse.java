package io.liquid5gc.sbi.nsacf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * UeACResponseData / PduACResponseData (TS 29.536 6.1.6.2.6, 6.1.6.2.11): the slices not admitted, per SUPI
 * ({@code acuFailureList}), and the admission values of the slices counted ({@code ueAdmissionList} or
 * {@code pduAdmissionList}). A failure for a slice means the AMF rejects that S-NSSAI (TS 24.501 rejected NSSAI cause
 * "maximum number of UEs reached") and the SMF rejects the PDU session with 5GSM cause #69.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SliceAdmissionResponse(Map<String, List<AcuFailureItem>> acuFailureList, List<AdmissionValue> ueAdmissionList,
                                     List<AdmissionValue> pduAdmissionList) {

    public SliceAdmissionResponse {
        acuFailureList = acuFailureList == null ? Map.of() : Map.copyOf(acuFailureList);
        ueAdmissionList = ueAdmissionList == null ? List.of() : List.copyOf(ueAdmissionList);
        pduAdmissionList = pduAdmissionList == null ? List.of() : List.copyOf(pduAdmissionList);
    }

    /** True when every slice asked was admitted. */
    public boolean allAdmitted() {
        return acuFailureList.isEmpty();
    }
}
