package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.UeAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import java.util.List;

/** TS 38.413 8.2.1 PDU Session Resource Setup; messages 9.2.1.1, 9.2.1.2. */
public final class PduSessionResourceSetup {
    private PduSessionResourceSetup() {
    }

    /** 9.2.1.1 PDU SESSION RESOURCE SETUP REQUEST; items carry id, optional NAS-PDU, S-NSSAI and the setup request transfer. */
    public record Request(long amfUeNgapId, long ranUeNgapId, long ranPagingPriority, Octets nasPdu, List<PduSessionItem> pduSessions, UeAggregateMaximumBitRate ueAggregateMaximumBitRate, List<RawIe> rawIes)
            implements InitiatingMessage, UeAssociated {
        public Request {
            pduSessions = pduSessions == null ? null : List.copyOf(pduSessions);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.PDU_SESSION_RESOURCE_SETUP;
        }
    }

    /** 9.2.1.2 PDU SESSION RESOURCE SETUP RESPONSE; lists may be null. */
    public record Response(long amfUeNgapId, long ranUeNgapId, List<PduSessionItem> pduSessionsSetup, List<PduSessionItem> pduSessionsFailed, CriticalityDiagnostics criticalityDiagnostics, UserLocationInformation userLocationInformation, List<RawIe> rawIes)
            implements SuccessfulOutcome, UeAssociated {
        public Response {
            pduSessionsSetup = pduSessionsSetup == null ? null : List.copyOf(pduSessionsSetup);
            pduSessionsFailed = pduSessionsFailed == null ? null : List.copyOf(pduSessionsFailed);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.PDU_SESSION_RESOURCE_SETUP;
        }
    }
}
