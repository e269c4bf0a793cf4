package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.ProblemDetails;

/**
 * The answer of {@code smf-pdu-session-create}: either the SM context was created (TS 29.502 SmContextCreatedData)
 * with the N1 PDU Session Establishment Accept and the N2 PDU Session Resource Setup Request Transfer
 * ({@code n2SmInfoType} "PDU_RES_SETUP_REQ"), or it was refused (TS 29.502 SmContextCreateError) with {@code error}
 * and the N1 PDU Session Establishment Reject carrying the 5GSM cause. Malformed requests are 400 problems instead.
 *
 * @param smContextRef the SM context's reference for update and release (TS 29.502 smContextRef)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PduSessionCreateResponse(String smContextRef, Integer pduSessionId, String upCnxState,
                                       PduSessionEstablishmentAccept n1SmAccept, PduSessionEstablishmentReject n1SmReject,
                                       String n2SmInfoType, PduSessionResourceSetupRequestTransfer n2SmInfo,
                                       ProblemDetails error) {

    public static PduSessionCreateResponse accepted(String smContextRef, PduSessionEstablishmentAccept accept,
                                                    PduSessionResourceSetupRequestTransfer n2) {
        return new PduSessionCreateResponse(smContextRef, accept.pduSessionId(), "ACTIVATING", accept, null,
                "PDU_RES_SETUP_REQ", n2, null);
    }

    public static PduSessionCreateResponse rejected(int pduSessionId, PduSessionEstablishmentReject reject, ProblemDetails error) {
        return new PduSessionCreateResponse(null, pduSessionId, null, null, reject, null, null, error);
    }

    /** True when the session was established (an accept to send). */
    public boolean wasAccepted() {
        return n1SmAccept != null;
    }
}
