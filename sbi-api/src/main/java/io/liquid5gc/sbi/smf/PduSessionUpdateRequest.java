package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The request of {@code smf-pdu-session-update}: SmContextUpdateData (TS 29.502 6.1.6.2.3). Supported:
 * <ul>
 *   <li>{@code n2SmInfoType} "PDU_RES_SETUP_RSP" with {@code n2SmInfo}: the gNB's tunnel after the resource setup
 *   (TS 23.502 4.3.2.2.1 steps 14-16): the N4 session is modified to forward downlink to it;</li>
 *   <li>{@code upCnxState} "DEACTIVATED": the AN release (TS 23.502 4.2.6): downlink is buffered.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PduSessionUpdateRequest(String smContextRef, String n2SmInfoType, PduSessionResourceSetupResponseTransfer n2SmInfo,
                                      String upCnxState) {
}
