package io.liquid5gc.sbi.amf;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.liquid5gc.sbi.smf.PduSessionEstablishmentAccept;

/**
 * The 5GSM messages (TS 24.501 8.3) the AMF relays from the SMF to a UE in a DL NAS TRANSPORT, as content; the
 * proxy encodes them. {@code pti} echoes the UE's procedure transaction identity (0 for network-requested procedures).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "smMessageType")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DownlinkSm.EstablishmentAccept.class, name = "PDU_SESSION_ESTABLISHMENT_ACCEPT"),
        @JsonSubTypes.Type(value = DownlinkSm.EstablishmentReject.class, name = "PDU_SESSION_ESTABLISHMENT_REJECT"),
        @JsonSubTypes.Type(value = DownlinkSm.ReleaseCommand.class, name = "PDU_SESSION_RELEASE_COMMAND"),
        @JsonSubTypes.Type(value = DownlinkSm.ReleaseReject.class, name = "PDU_SESSION_RELEASE_REJECT"),
        @JsonSubTypes.Type(value = DownlinkSm.ModificationCommand.class, name = "PDU_SESSION_MODIFICATION_COMMAND"),
        @JsonSubTypes.Type(value = DownlinkSm.ModificationReject.class, name = "PDU_SESSION_MODIFICATION_REJECT")})
public sealed interface DownlinkSm {

    int pti();

    /** TS 24.501 8.3.2: the SMF's accept. */
    record EstablishmentAccept(int pti, PduSessionEstablishmentAccept accept) implements DownlinkSm {
    }

    /** TS 24.501 8.3.3 with the 5GSM cause (TS 24.501 9.11.4.2) and an optional back-off timer in seconds. */
    record EstablishmentReject(int pti, int cause, Integer backOffTimerSeconds) implements DownlinkSm {
    }

    /** TS 24.501 8.3.14 with the 5GSM cause (#36 regular deactivation). */
    record ReleaseCommand(int pti, int cause) implements DownlinkSm {
    }

    /** TS 24.501 8.3.13 with the 5GSM cause (#43 invalid PDU session identity). */
    record ReleaseReject(int pti, int cause) implements DownlinkSm {
    }

    /** TS 24.501 8.3.9: the SMF's command. */
    record ModificationCommand(int pti, io.liquid5gc.sbi.smf.PduSessionModificationCommand command) implements DownlinkSm {
    }

    /** TS 24.501 8.3.8 with the 5GSM cause. */
    record ModificationReject(int pti, int cause) implements DownlinkSm {
    }
}
