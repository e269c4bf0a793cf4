package io.liquid5gc.sbi.ausf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.udm.ResynchronizationInfo;

/**
 * AuthenticationInfo (TS 29.509 6.1.6.2.2), the body of Nausf_UEAuthentication Authenticate (POST
 * {@code /ue-authentications}): the SUCI or SUPI, the serving network name and, after a synchronisation failure,
 * RAND and AUTS (TS 33.501 6.1.3.3.2).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthenticationInfo(String supiOrSuci, String servingNetworkName, ResynchronizationInfo resynchronizationInfo) {
}
