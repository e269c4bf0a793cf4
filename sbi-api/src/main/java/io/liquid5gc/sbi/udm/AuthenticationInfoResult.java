package io.liquid5gc.sbi.udm;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * AuthenticationInfoResult (TS 29.503 6.3.6.2.4): authType {@code 5G_AKA}, the 5G HE AV and the SUPI (deconcealed
 * when the request carried a SUCI).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthenticationInfoResult(String authType, AuthenticationVector authenticationVector, String supi) {

    public static final String AUTH_TYPE_5G_AKA = "5G_AKA";
}
