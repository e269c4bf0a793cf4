package io.liquid5gc.sbi.nssf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.PlmnId;

/**
 * The query of Nnssf_NSSelection_Get for registration (TS 29.531 5.2.2.2.2, the query parameters nf-type, nf-id,
 * slice-info-request-for-registration, home-plmn-id, tai) as a body. Required: nfType, sliceInfoRequestForRegistration,
 * tai.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NsSelectionRequest(String nfType, String nfId, SliceInfoForRegistration sliceInfoRequestForRegistration,
                                 PlmnId homePlmnId, Tai tai) {
}
