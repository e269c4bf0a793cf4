package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code smf-pdu-session-update}: SmContextUpdatedData (TS 29.502 6.1.6.2.4) and the modified N4 session.
 * For {@code upCnxState} ACTIVATING (service request, TS 23.502 4.2.3.2 step 4) it carries the N2 PDU Session Resource
 * Setup Request Transfer again ({@code n2SmInfoType} "PDU_RES_SETUP_REQ").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PduSessionUpdateResponse(String smContextRef, String upCnxState, N4Session n4Session, String n2SmInfoType,
                                       PduSessionResourceSetupRequestTransfer n2SmInfo, PduSessionModificationCommand n1SmModification,
                                       HandoverCommandTransfer handoverCommand) {

    public PduSessionUpdateResponse(String smContextRef, String upCnxState, N4Session n4Session, String n2SmInfoType,
                                    PduSessionResourceSetupRequestTransfer n2SmInfo, PduSessionModificationCommand n1SmModification) {
        this(smContextRef, upCnxState, n4Session, n2SmInfoType, n2SmInfo, n1SmModification, null);
    }

    public PduSessionUpdateResponse(String smContextRef, String upCnxState, N4Session n4Session) {
        this(smContextRef, upCnxState, n4Session, null, null, null, null);
    }

    public PduSessionUpdateResponse(String smContextRef, String upCnxState, N4Session n4Session, String n2SmInfoType,
                                    PduSessionResourceSetupRequestTransfer n2SmInfo) {
        this(smContextRef, upCnxState, n4Session, n2SmInfoType, n2SmInfo, null, null);
    }
}
