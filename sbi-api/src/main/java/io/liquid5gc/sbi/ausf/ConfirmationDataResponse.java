package io.liquid5gc.sbi.ausf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * ConfirmationDataResponse (TS 29.509 6.1.6.2.6): AUTHENTICATION_SUCCESS with the SUPI and KSEAF (TS 33.501
 * 6.1.3.2.0 step 12), or AUTHENTICATION_FAILURE without them. {@link #toString()} hides KSEAF.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfirmationDataResponse(String authResult, String supi, String kseaf) {

    public static final String SUCCESS = "AUTHENTICATION_SUCCESS";
    public static final String FAILURE = "AUTHENTICATION_FAILURE";

    @Override
    public String toString() {
        return "ConfirmationDataResponse[authResult=" + authResult + ", supi=" + supi + ", kseaf=" + (kseaf == null ? null : "***") + "]";
    }
}
