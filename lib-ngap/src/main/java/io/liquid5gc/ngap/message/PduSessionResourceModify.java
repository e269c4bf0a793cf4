package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import java.util.List;

/** TS 38.413 8.2.3 PDU Session Resource Modify; messages 9.2.1.5, 9.2.1.6. */
public final class PduSessionResourceModify {
    private PduSessionResourceModify() {
    }

    /** 9.2.1.5 PDU SESSION RESOURCE MODIFY REQUEST; items carry id, optional NAS-PDU and the modify request transfer. */
    public record Request(long amfUeNgapId, long ranUeNgapId, long ranPagingPriority, List<PduSessionItem> pduSessions, List<RawIe> rawIes)
            implements InitiatingMessage, UeAssociated {
        public Request {
            pduSessions = pduSessions == null ? null : List.copyOf(pduSessions);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.PDU_SESSION_RESOURCE_MODIFY;
        }
    }

    /** 9.2.1.6 PDU SESSION RESOURCE MODIFY RESPONSE. */
    public record Response(long amfUeNgapId, long ranUeNgapId, List<PduSessionItem> pduSessionsModified, List<PduSessionItem> pduSessionsFailed, UserLocationInformation userLocationInformation, CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements SuccessfulOutcome, UeAssociated {
        public Response {
            pduSessionsModified = pduSessionsModified == null ? null : List.copyOf(pduSessionsModified);
            pduSessionsFailed = pduSessionsFailed == null ? null : List.copyOf(pduSessionsFailed);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.PDU_SESSION_RESOURCE_MODIFY;
        }
    }
}
