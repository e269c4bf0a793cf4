package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The content of the PDU Session Establishment Reject (TS 24.501 8.3.3): the 5GSM cause (value and name) and,
 * for slice quota rejects, a back-off timer (TS 24.501 9.11.2.5, seconds).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PduSessionEstablishmentReject(int pduSessionId, int cause5gsm, String causeName, Integer backOffTimerSeconds) {

    public static PduSessionEstablishmentReject of(int pduSessionId, Cause5gsm cause) {
        return new PduSessionEstablishmentReject(pduSessionId, cause.value(), cause.name(), null);
    }
}
