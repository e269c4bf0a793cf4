package io.liquid5gc.sbi.ausf;

/**
 * ConfirmationData (TS 29.509 6.1.6.2.4): RES* from the UE's Authentication Response, 32 hex digits, for the PUT
 * {@code /ue-authentications/{authCtxId}/5g-aka-confirmation}.
 */
public record ConfirmationData(String resStar) {
}
