package io.liquid5gc.sbi.udm;

/**
 * The request of {@code udm-generate-auth-data}: the {@code supiOrSuci} path parameter of Nudm_UEAU Get
 * (TS 29.503 6.3.3.2.2), e.g. {@code imsi-001010000000001} or {@code suci-0-001-01-0000-1-1-<hex>}, and the
 * {@link AuthenticationInfoRequest} body.
 */
public record GenerateAuthDataRequest(String supiOrSuci, AuthenticationInfoRequest authenticationInfoRequest) {
}
