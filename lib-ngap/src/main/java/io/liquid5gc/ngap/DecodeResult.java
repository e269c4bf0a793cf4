package io.liquid5gc.ngap;

import io.liquid5gc.ngap.codec.IeReport;
import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.TriggeringMessage;
import io.liquid5gc.ngap.ie.TypeOfError;
import io.liquid5gc.ngap.ie.CauseProtocol;
import io.liquid5gc.ngap.message.ErrorIndication;
import io.liquid5gc.ngap.message.MessageType;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.UeAssociated;
import java.util.ArrayList;
import java.util.List;

/** The outcome of {@link NgapCodec#decode(byte[])}: a message, or why there is none. Never an exception. */
public sealed interface DecodeResult {

    /**
     * A decoded message. {@code reports} lists IEs that were ignored per their criticality (TS 38.413 10.3.4);
     * when any of them asks for notification, {@link #notificationDiagnostics()} gives the Criticality
     * Diagnostics to send back (in the response of a class 1 procedure, else in an ERROR INDICATION).
     */
    record Decoded(NgapMessage message, List<IeReport> reports, int rejectedExtensionId) implements DecodeResult {
        public Decoded {
            reports = List.copyOf(reports);
        }

        public Decoded(NgapMessage message, List<IeReport> reports) {
            this(message, reports, -1);
        }

        /**
         * Criticality Diagnostics for rejecting the message (TS 38.413 10.3.4.2, 9.3.1.3) when it carries an IE extension
         * with criticality reject, which this codec keeps raw and so does not comprehend: the message's procedure code,
         * triggering message and criticality, the extension's id, not understood. Null when there is none. Only the
         * message's own IEs count; SM transfers inside it are decoded separately ({@code SmTransferCodec}).
         */
        public CriticalityDiagnostics rejectedExtensionDiagnostics() {
            if (rejectedExtensionId < 0) {
                return null;
            }
            return new CriticalityDiagnostics(
                    message.procedureCode() == null ? -1 : message.procedureCode().code(),
                    TriggeringMessage.fromIndex(message.messageType().ordinal()),
                    message.procedureCode() == null ? null : message.procedureCode().criticality(),
                    List.of(new CriticalityDiagnostics.IeDiagnostic(Criticality.REJECT, rejectedExtensionId, TypeOfError.NOT_UNDERSTOOD)));
        }

        public boolean mustNotifySender() {
            for (IeReport r : reports) {
                if (r.notifySender()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * For a class 2 procedure (no response message) the ERROR INDICATION that notifies the sender of IEs ignored
         * with criticality notify (TS 38.413 10.3.4.2), or null when there is nothing to notify.
         */
        public ErrorIndication notificationErrorIndication() {
            CriticalityDiagnostics cd = notificationDiagnostics();
            if (cd == null) {
                return null;
            }
            long amf = message instanceof UeAssociated u ? u.amfUeNgapId() : NgapMessage.ABSENT;
            long ran = message instanceof UeAssociated u ? u.ranUeNgapId() : NgapMessage.ABSENT;
            return new ErrorIndication(amf, ran, CauseProtocol.ABSTRACT_SYNTAX_ERROR_IGNORE_AND_NOTIFY, cd, null, List.of());
        }

        /** Criticality Diagnostics listing the IEs ignored with criticality notify, or null if there are none. */
        public CriticalityDiagnostics notificationDiagnostics() {
            List<CriticalityDiagnostics.IeDiagnostic> ies = new ArrayList<>();
            for (IeReport r : reports) {
                if (r.notifySender()) {
                    ies.add(new CriticalityDiagnostics.IeDiagnostic(r.criticality(), r.ieId(), r.typeOfError()));
                }
            }
            if (ies.isEmpty()) {
                return null;
            }
            MessageType t = message.messageType();
            return new CriticalityDiagnostics(
                    message.procedureCode() == null ? -1 : message.procedureCode().code(),
                    TriggeringMessage.fromIndex(t.ordinal()),
                    message.procedureCode() == null ? null : message.procedureCode().criticality(), ies);
        }
    }

    /**
     * The message could not be accepted. {@code cause} is a protocol cause (TS 38.413 9.3.1.2 / 10:
     * transfer-syntax-error, abstract-syntax-error-reject, abstract-syntax-error-falsely-constructed-message,
     * semantic-error); {@code diagnostics} is ready for an ERROR INDICATION; {@code procedureCode},
     * {@code messageType} and the UE NGAP ids are what could be read before the error (-1 / null otherwise).
     */
    record DecodeError(Cause cause, int procedureCode, MessageType messageType, Criticality procedureCriticality,
                       CriticalityDiagnostics diagnostics, long amfUeNgapId, long ranUeNgapId, String detail)
            implements DecodeResult {

        /**
         * The ERROR INDICATION to send back (TS 38.413 8.7.5 / 10.3), with the UE ids read before the error. The
         * caller decides whether to send it (e.g. never in reply to an ERROR INDICATION).
         */
        public ErrorIndication errorIndication() {
            return new ErrorIndication(amfUeNgapId, ranUeNgapId, cause, diagnostics, null, List.of());
        }
    }
}
