package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer of {@code smf-pdu-session-update}: SmContextUpdatedData (TS 29.502 6.1.6.2.4) and the modified N4 session. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PduSessionUpdateResponse(String smContextRef, String upCnxState, N4Session n4Session) {
}
