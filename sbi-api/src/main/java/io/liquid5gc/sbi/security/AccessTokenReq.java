package io.liquid5gc.sbi.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AccessTokenReq (TS 29.510 6.3.5.2.2), the form-encoded body of {@code POST /oauth2/token} (Nnrf_AccessToken_Get,
 * TS 29.510 5.4.2.2): the client credentials grant of RFC 6749 4.4 with the 3GPP parameters.
 *
 * @param nfInstanceId       the consumer's NF instance id (the token's {@code sub})
 * @param nfType             the consumer's NF type
 * @param targetNfType       the producer's NF type (the token's {@code aud}); or
 * @param targetNfInstanceId a producer instance (then {@code aud} is that instance)
 * @param scope              space-separated NF service names, e.g. {@code nudr-dr}
 */
public record AccessTokenReq(String nfInstanceId, ConsumerType nfType, String targetNfType, String targetNfInstanceId,
                             String scope) {

    public static final String GRANT_TYPE = "client_credentials";

    /** The form fields (grant_type first), absent ones left out. */
    public Map<String, String> toForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("nfInstanceId", nfInstanceId);
        if (nfType != null) {
            form.put("nfType", nfType.name());
        }
        if (targetNfType != null) {
            form.put("targetNfType", targetNfType);
        }
        if (targetNfInstanceId != null) {
            form.put("targetNfInstanceId", targetNfInstanceId);
        }
        form.put("scope", scope);
        return form;
    }
}
