package io.liquid5gc.sbi.nsacf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The request of {@code nsacf-slice-availability-check} and {@code nsacf-update-counters}: either UeACRequestData
 * ({@code ueACRequestInfo}, TS 29.536 6.1.6.2.2, from the AMF) or PduACRequestData ({@code pduACRequestInfo},
 * 6.1.6.2.9, from the SMF), never both.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SliceAdmissionRequest(UeACRequestInfo ueACRequestInfo, PduACRequestInfo pduACRequestInfo, String nfId, String nfType) {

    public static SliceAdmissionRequest ofUe(UeACRequestInfo info) {
        return new SliceAdmissionRequest(info, null, null, "AMF");
    }

    public static SliceAdmissionRequest ofPdu(PduACRequestInfo info) {
        return new SliceAdmissionRequest(null, info, null, "SMF");
    }
}
