package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The request of {@code smf-pdu-session-release}: SmContextReleaseData (TS 29.502 6.1.6.2.5); {@code cause} a TS 29.502
 * Cause such as REL_DUE_TO_REACTIVATION or UE_INITIATED (TS 23.502 4.3.4.2), optional.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PduSessionReleaseRequest(String smContextRef, String cause) {
}
