package io.liquid5gc.nas.sm;

import io.liquid5gc.nas.NasMessage;
import io.liquid5gc.nas.codec.RawIe;
import io.liquid5gc.nas.ie.Dnn;
import io.liquid5gc.nas.ie.GprsTimer3;
import io.liquid5gc.nas.ie.IntegrityProtectionMaxDataRate;
import io.liquid5gc.nas.ie.Octets;
import io.liquid5gc.nas.ie.PduAddress;
import io.liquid5gc.nas.ie.PduSessionType;
import io.liquid5gc.nas.ie.QosFlowDescription;
import io.liquid5gc.nas.ie.QosRule;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.ie.SessionAmbr;
import io.liquid5gc.nas.ie.SscMode;
import java.util.List;

/**
 * Plain 5GSM messages, TS 24.501 clause 8.3. Every message carries the PDU session identity and
 * the procedure transaction identity of its header (TS 24.501 9.4, 9.6). Optional IEs are null
 * when absent; untyped ones stay in {@code otherIes}. {@code extendedPco} and {@code eapMessage}
 * are passed through.
 */
public sealed interface SmMessage extends NasMessage {

    int pduSessionId();

    int pti();

    SmMessageType type();

    @Override
    default int messageTypeCode() {
        return type().code;
    }

    /** TS 24.501 8.3.1. */
    record PduSessionEstablishmentRequest(int pduSessionId, int pti,
                                          IntegrityProtectionMaxDataRate integrityProtectionMaxDataRate,
                                          PduSessionType pduSessionType, SscMode sscMode, Octets smCapability,
                                          Integer maxSupportedPacketFilters, Octets extendedPco,
                                          List<RawIe> otherIes) implements SmMessage {
        public PduSessionEstablishmentRequest {
            otherIes = List.copyOf(otherIes);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_ESTABLISHMENT_REQUEST;
        }
    }

    /** TS 24.501 8.3.2. */
    record PduSessionEstablishmentAccept(int pduSessionId, int pti, PduSessionType pduSessionType, SscMode sscMode,
                                         List<QosRule> authorizedQosRules, SessionAmbr sessionAmbr, SmCause cause,
                                         PduAddress pduAddress, SNssai sNssai,
                                         List<QosFlowDescription> authorizedQosFlowDescriptions, Octets extendedPco,
                                         Dnn dnn, List<RawIe> otherIes) implements SmMessage {
        public PduSessionEstablishmentAccept {
            otherIes = List.copyOf(otherIes);
            authorizedQosRules = List.copyOf(authorizedQosRules);
            authorizedQosFlowDescriptions = authorizedQosFlowDescriptions == null ? null
                    : List.copyOf(authorizedQosFlowDescriptions);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_ESTABLISHMENT_ACCEPT;
        }
    }

    /** TS 24.501 8.3.3. */
    record PduSessionEstablishmentReject(int pduSessionId, int pti, SmCause cause, GprsTimer3 backOffTimer,
                                         Octets eapMessage, Octets extendedPco, List<RawIe> otherIes)
            implements SmMessage {
        public PduSessionEstablishmentReject {
            otherIes = List.copyOf(otherIes);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_ESTABLISHMENT_REJECT;
        }
    }

    /** TS 24.501 8.3.7. */
    record PduSessionModificationRequest(int pduSessionId, int pti, Octets smCapability, SmCause cause,
                                         Integer maxSupportedPacketFilters,
                                         IntegrityProtectionMaxDataRate integrityProtectionMaxDataRate,
                                         List<QosRule> requestedQosRules,
                                         List<QosFlowDescription> requestedQosFlowDescriptions, Octets extendedPco,
                                         List<RawIe> otherIes) implements SmMessage {
        public PduSessionModificationRequest {
            otherIes = List.copyOf(otherIes);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_MODIFICATION_REQUEST;
        }
    }

    /** TS 24.501 8.3.8. */
    record PduSessionModificationReject(int pduSessionId, int pti, SmCause cause, GprsTimer3 backOffTimer,
                                        Octets extendedPco, List<RawIe> otherIes) implements SmMessage {
        public PduSessionModificationReject {
            otherIes = List.copyOf(otherIes);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_MODIFICATION_REJECT;
        }
    }

    /** TS 24.501 8.3.9. */
    record PduSessionModificationCommand(int pduSessionId, int pti, SmCause cause, SessionAmbr sessionAmbr,
                                         List<QosRule> authorizedQosRules,
                                         List<QosFlowDescription> authorizedQosFlowDescriptions, Octets extendedPco,
                                         List<RawIe> otherIes) implements SmMessage {
        public PduSessionModificationCommand {
            otherIes = List.copyOf(otherIes);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_MODIFICATION_COMMAND;
        }
    }

    /** TS 24.501 8.3.10. */
    record PduSessionModificationComplete(int pduSessionId, int pti, Octets extendedPco, List<RawIe> otherIes)
            implements SmMessage {
        public PduSessionModificationComplete {
            otherIes = List.copyOf(otherIes);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_MODIFICATION_COMPLETE;
        }
    }

    /** TS 24.501 8.3.11. */
    record PduSessionModificationCommandReject(int pduSessionId, int pti, SmCause cause, Octets extendedPco,
                                               List<RawIe> otherIes) implements SmMessage {
        public PduSessionModificationCommandReject {
            otherIes = List.copyOf(otherIes);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_MODIFICATION_COMMAND_REJECT;
        }
    }

    /** TS 24.501 8.3.12. */
    record PduSessionReleaseRequest(int pduSessionId, int pti, SmCause cause, Octets extendedPco,
                                    List<RawIe> otherIes) implements SmMessage {
        public PduSessionReleaseRequest {
            otherIes = List.copyOf(otherIes);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_RELEASE_REQUEST;
        }
    }

    /** TS 24.501 8.3.13. */
    record PduSessionReleaseReject(int pduSessionId, int pti, SmCause cause, Octets extendedPco,
                                   List<RawIe> otherIes) implements SmMessage {
        public PduSessionReleaseReject {
            otherIes = List.copyOf(otherIes);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_RELEASE_REJECT;
        }
    }

    /** TS 24.501 8.3.14. */
    record PduSessionReleaseCommand(int pduSessionId, int pti, SmCause cause, GprsTimer3 backOffTimer,
                                    Octets eapMessage, Octets extendedPco, List<RawIe> otherIes) implements SmMessage {
        public PduSessionReleaseCommand {
            otherIes = List.copyOf(otherIes);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_RELEASE_COMMAND;
        }
    }

    /** TS 24.501 8.3.15. */
    record PduSessionReleaseComplete(int pduSessionId, int pti, SmCause cause, Octets extendedPco,
                                     List<RawIe> otherIes) implements SmMessage {
        public PduSessionReleaseComplete {
            otherIes = List.copyOf(otherIes);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_RELEASE_COMPLETE;
        }
    }

    /** TS 24.501 8.3.16. */
    record SmStatus(int pduSessionId, int pti, SmCause cause) implements SmMessage {
        public SmMessageType type() {
            return SmMessageType.SM_STATUS;
        }
    }

    /** TS 24.501 8.3.4: PDU session authentication command (EAP from the DN-AAA via the SMF). */
    record PduSessionAuthenticationCommand(int pduSessionId, int pti, Octets eapMessage, Octets extendedPco,
                                           List<RawIe> otherIes) implements SmMessage {
        public PduSessionAuthenticationCommand {
            otherIes = List.copyOf(otherIes);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_AUTHENTICATION_COMMAND;
        }
    }

    /** TS 24.501 8.3.5: PDU session authentication complete. */
    record PduSessionAuthenticationComplete(int pduSessionId, int pti, Octets eapMessage, Octets extendedPco,
                                            List<RawIe> otherIes) implements SmMessage {
        public PduSessionAuthenticationComplete {
            otherIes = List.copyOf(otherIes);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_AUTHENTICATION_COMPLETE;
        }
    }

    /** TS 24.501 8.3.6: PDU session authentication result. */
    record PduSessionAuthenticationResult(int pduSessionId, int pti, Octets eapMessage, Octets extendedPco,
                                          List<RawIe> otherIes) implements SmMessage {
        public PduSessionAuthenticationResult {
            otherIes = List.copyOf(otherIes);
        }

        public SmMessageType type() {
            return SmMessageType.PDU_SESSION_AUTHENTICATION_RESULT;
        }
    }

    /** A 5GSM message type TS 24.501 defines but this codec does not model; body after the type octet. */
    record Unknown(int pduSessionId, int pti, int messageType, byte[] body) implements SmMessage {
        public SmMessageType type() {
            return SmMessageType.fromCode(messageType);
        }

        @Override
        public int messageTypeCode() {
            return messageType;
        }
    }
}
