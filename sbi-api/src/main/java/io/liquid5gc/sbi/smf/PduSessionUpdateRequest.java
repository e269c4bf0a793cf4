package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;

/**
 * The request of {@code smf-pdu-session-update}: SmContextUpdateData (TS 29.502 6.1.6.2.3). Supported:
 * <ul>
 *   <li>{@code n2SmInfoType} PDU_RES_SETUP_RSP (TS 23.502 4.3.2.2.1 steps 14-16), PATH_SWITCH_REQ (Xn handover,
 *   4.9.1.2.2) or HANDOVER_REQ_ACK (N2 handover, 4.9.1.3.2) with {@code n2SmInfo}: the gNB's downlink tunnel; the N4
 *   session is modified to forward downlink to it;</li>
 *   <li>{@code upCnxState} ACTIVATING (service request, 4.2.3.2): the answer carries the N2 setup request again;</li>
 *   <li>{@code upCnxState} DEACTIVATED (AN release, 4.2.6): downlink is buffered;</li>
 *   <li>{@code n1SmMsgType} PDU_SESSION_MODIFICATION_REQUEST (UE-requested modification, 4.3.3.2): the answer
 *   carries the authorized QoS again as the N1 PDU Session Modification Command content and the N2 PDU Session
 *   Resource Modify Request content ({@code n2SmInfoType} "PDU_RES_MOD_REQ").</li>
 *   <li>HANDOVER_REQ_ACK whose transfer carries the target's DL forwarding tunnel: indirect data forwarding (TS 23.502
 *   4.9.1.3.2 step 9): the downlink stays on the source until {@code hoState} COMPLETED (4.9.1.3.3 step 8), the UPF
 *   forwards what the source sends it to the target meanwhile, and the answer's {@code handoverCommand} carries the
 *   UPF's forwarding tunnel for the source (the Handover Command Transfer, TS 38.413 9.3.4.10); {@code hoState}
 *   CANCELLED removes the forwarding and keeps the source.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PduSessionUpdateRequest(String smContextRef, String n2SmInfoType, PduSessionResourceSetupResponseTransfer n2SmInfo,
                                      String upCnxState, String n1SmMsgType, HoState hoState) {

    public static final String MODIFICATION_REQUEST = "PDU_SESSION_MODIFICATION_REQUEST";

    /** HoState (TS 29.502 6.1.6.3.5): where an N2 handover of the session stands, as the AMF tells the SMF. */
    public enum HoState { NONE, PREPARING, PREPARED, COMPLETED, CANCELLED }

    public PduSessionUpdateRequest(String smContextRef, String n2SmInfoType, PduSessionResourceSetupResponseTransfer n2SmInfo, String upCnxState,
                                   String n1SmMsgType) {
        this(smContextRef, n2SmInfoType, n2SmInfo, upCnxState, n1SmMsgType, null);
    }

    public PduSessionUpdateRequest(String smContextRef, String n2SmInfoType, PduSessionResourceSetupResponseTransfer n2SmInfo, String upCnxState) {
        this(smContextRef, n2SmInfoType, n2SmInfo, upCnxState, null, null);
    }

    /** The N2 handover completed or was cancelled (TS 23.502 4.9.1.3.3 step 8, 4.9.1.4): hoState alone. */
    public static PduSessionUpdateRequest handover(String smContextRef, HoState state) {
        return new PduSessionUpdateRequest(smContextRef, null, null, null, null, state);
    }

    /** The N2 SM information types that carry a new downlink tunnel of the gNB. */
    public static final Set<String> DL_TUNNEL_TYPES = Set.of("PDU_RES_SETUP_RSP", "PATH_SWITCH_REQ", "HANDOVER_REQ_ACK");
}
