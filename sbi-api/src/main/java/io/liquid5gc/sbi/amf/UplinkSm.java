package io.liquid5gc.sbi.amf;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The 5GSM messages (TS 24.501 8.3) a UE sends in an UL NAS TRANSPORT, decoded by the proxy: what the AMF relays to
 * the SMF. {@code pti} is the procedure transaction identity the answer must echo.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "smMessageType")
@JsonSubTypes({
        @JsonSubTypes.Type(value = UplinkSm.PduSessionEstablishmentRequest.class, name = "PDU_SESSION_ESTABLISHMENT_REQUEST"),
        @JsonSubTypes.Type(value = UplinkSm.PduSessionReleaseRequest.class, name = "PDU_SESSION_RELEASE_REQUEST"),
        @JsonSubTypes.Type(value = UplinkSm.PduSessionReleaseComplete.class, name = "PDU_SESSION_RELEASE_COMPLETE"),
        @JsonSubTypes.Type(value = UplinkSm.PduSessionModificationRequest.class, name = "PDU_SESSION_MODIFICATION_REQUEST"),
        @JsonSubTypes.Type(value = UplinkSm.PduSessionModificationComplete.class, name = "PDU_SESSION_MODIFICATION_COMPLETE"),
        @JsonSubTypes.Type(value = UplinkSm.Other.class, name = "OTHER")})
public sealed interface UplinkSm {

    int pti();

    /** TS 24.501 8.3.1: the requested PDU session type (IPV4, IPV6, IPV4V6, ...) and SSC mode (SSC_MODE_1..3), null when absent. */
    record PduSessionEstablishmentRequest(int pti, String pduSessionType, String sscMode) implements UplinkSm {
    }

    /** TS 24.501 8.3.12 with the UE's 5GSM cause (0 when absent). */
    record PduSessionReleaseRequest(int pti, int cause) implements UplinkSm {
    }

    /** TS 24.501 8.3.15. */
    record PduSessionReleaseComplete(int pti) implements UplinkSm {
    }

    /** TS 24.501 8.3.7: the UE asks to modify its PDU session (here: to have its authorized QoS given again). */
    record PduSessionModificationRequest(int pti) implements UplinkSm {
    }

    /** TS 24.501 8.3.10. */
    record PduSessionModificationComplete(int pti) implements UplinkSm {
    }

    /** A 5GSM message this core does not handle (by its TS 24.501 message type name); answered with 5GSM status or ignored. */
    record Other(int pti, String messageType) implements UplinkSm {
    }
}
