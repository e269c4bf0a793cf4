package io.liquid5gc.sbi.ausf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The request of {@code ausf-authenticate}, which carries both steps of 5G AKA at the AUSF (TS 33.501 6.1.3.2.0,
 * TS 29.509 5.2.2.2.2): exactly one of
 * <ul>
 *   <li>{@code authenticationInfo}: step 1, Authenticate (POST {@code /ue-authentications}), answered with a
 *       {@link UeAuthenticationCtx};</li>
 *   <li>{@code authCtxId} + {@code confirmationData}: step 2, the 5G AKA confirmation (PUT
 *       {@code /ue-authentications/{authCtxId}/5g-aka-confirmation}), answered with a {@link ConfirmationDataResponse}.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AusfAuthenticateRequest(AuthenticationInfo authenticationInfo, String authCtxId, ConfirmationData confirmationData) {

    public static AusfAuthenticateRequest authenticate(AuthenticationInfo info) {
        return new AusfAuthenticateRequest(info, null, null);
    }

    public static AusfAuthenticateRequest confirm(String authCtxId, String resStar) {
        return new AusfAuthenticateRequest(null, authCtxId, new ConfirmationData(resStar));
    }
}
