package io.liquid5gc.sbi.ausf;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer of {@code ausf-authenticate}: the one of the two that matches the step of the request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AusfAuthenticateResponse(UeAuthenticationCtx ueAuthenticationCtx, ConfirmationDataResponse confirmationDataResponse) {
}
