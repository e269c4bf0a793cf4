package io.liquid5gc.sbi.udm;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * AuthenticationInfoRequest (TS 29.503 6.3.6.2.2), the body of Nudm_UEAU Get (POST
 * {@code /{supiOrSuci}/security-information/generate-auth-data}).
 *
 * @param servingNetworkName    e.g. {@code 5G:mnc001.mcc001.3gppnetwork.org} (TS 33.501 6.1.1.4)
 * @param resynchronizationInfo present after a synchronisation failure (TS 33.501 6.1.3.3.2)
 * @param ausfInstanceId        the requesting AUSF's NF instance id, as the AUSF writes it: informative only, the UDM
 *                              serves only callers whose access token names an AUSF (TS 33.501 13.4.1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthenticationInfoRequest(String servingNetworkName, ResynchronizationInfo resynchronizationInfo,
                                        String ausfInstanceId) {
}
