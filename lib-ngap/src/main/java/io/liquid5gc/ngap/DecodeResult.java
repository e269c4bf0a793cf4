package io.liquid5gc.ngap;

import io.liquid5gc.ngap.codec.IeReport;
import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.TriggeringMessage;
import io.liquid5gc.ngap.message.MessageType;
import io.liquid5gc.ngap.message.NgapMessage;
import java.util.ArrayList;
import java.util.List;

/** The outcome of {@link NgapCodec#decode(byte[])}: a message, or why there is none. Never an exception. */
public sealed interface DecodeResult {

    /**
     * A decoded message. {@code reports} lists IEs that were ignored per their criticality (TS 38.413 10.3.4);
     * when any of them asks for notification, {@link #notificationDiagnostics()} gives the Criticality
     * Diagnostics to send back (in the response of a class 1 procedure, else in an ERROR INDICATION).
     */
    record Decoded(NgapMessage message, List<IeReport> reports) implements DecodeResult {
        public Decoded {
            reports = List.copyOf(reports);
        }

        public boolean mustNotifySender() {
            for (IeReport r : reports) {
                if (r.notifySender()) {
                    return true;
                }
            }
            return false;
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
    }
}
