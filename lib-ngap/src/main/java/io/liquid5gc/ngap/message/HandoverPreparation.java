package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.HandoverType;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.TargetId;
import java.util.List;

/** TS 38.413 8.4.1 Handover Preparation; messages 9.2.3.1 - 9.2.3.3. */
public final class HandoverPreparation {
    private HandoverPreparation() {
    }

    /** 9.2.3.1 HANDOVER REQUIRED; items carry the Handover Required Transfer. */
    public record Required(long amfUeNgapId, long ranUeNgapId, HandoverType handoverType, Cause cause, TargetId targetId, boolean directForwardingPathAvailable, List<PduSessionItem> pduSessions, Octets sourceToTargetContainer, List<RawIe> rawIes)
            implements InitiatingMessage, UeAssociated {
        public Required {
            pduSessions = pduSessions == null ? null : List.copyOf(pduSessions);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.HANDOVER_PREPARATION;
        }
    }

    /** 9.2.3.2 HANDOVER COMMAND; items of pduSessionsHandover carry the Handover Command Transfer, of pduSessionsToRelease the Handover Preparation Unsuccessful Transfer. */
    public record Command(long amfUeNgapId, long ranUeNgapId, HandoverType handoverType, List<PduSessionItem> pduSessionsHandover, List<PduSessionItem> pduSessionsToRelease, Octets targetToSourceContainer, CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements SuccessfulOutcome, UeAssociated {
        public Command {
            pduSessionsHandover = pduSessionsHandover == null ? null : List.copyOf(pduSessionsHandover);
            pduSessionsToRelease = pduSessionsToRelease == null ? null : List.copyOf(pduSessionsToRelease);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.HANDOVER_PREPARATION;
        }
    }

    /** 9.2.3.3 HANDOVER PREPARATION FAILURE. */
    public record Failure(long amfUeNgapId, long ranUeNgapId, Cause cause, CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements UnsuccessfulOutcome, UeAssociated {
        public Failure {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.HANDOVER_PREPARATION;
        }
    }
}
