package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import java.util.List;

/** TS 38.413 8.2.2 PDU Session Resource Release; messages 9.2.1.3, 9.2.1.4. */
public final class PduSessionResourceRelease {
    private PduSessionResourceRelease() {
    }

    /** 9.2.1.3 PDU SESSION RESOURCE RELEASE COMMAND. */
    public record Command(long amfUeNgapId, long ranUeNgapId, long ranPagingPriority, Octets nasPdu, List<PduSessionItem> pduSessions, List<RawIe> rawIes)
            implements InitiatingMessage, UeAssociated {
        public Command {
            pduSessions = pduSessions == null ? null : List.copyOf(pduSessions);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.PDU_SESSION_RESOURCE_RELEASE;
        }
    }

    /** 9.2.1.4 PDU SESSION RESOURCE RELEASE RESPONSE. */
    public record Response(long amfUeNgapId, long ranUeNgapId, List<PduSessionItem> pduSessions, UserLocationInformation userLocationInformation, CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements SuccessfulOutcome, UeAssociated {
        public Response {
            pduSessions = pduSessions == null ? null : List.copyOf(pduSessions);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.PDU_SESSION_RESOURCE_RELEASE;
        }
    }
}
