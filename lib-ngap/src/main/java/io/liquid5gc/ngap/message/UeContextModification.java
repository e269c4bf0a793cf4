package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.Guami;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.RrcState;
import io.liquid5gc.ngap.ie.UeAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.UeSecurityCapabilities;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import java.util.List;

/** TS 38.413 8.3.4 UE Context Modification; messages 9.2.2.7 - 9.2.2.9. */
public final class UeContextModification {
    private UeContextModification() {
    }

    /** 9.2.2.7 UE CONTEXT MODIFICATION REQUEST; optional parts null / ABSENT. */
    public record Request(long amfUeNgapId, long ranUeNgapId, long ranPagingPriority, Octets securityKey, long indexToRfsp, UeAggregateMaximumBitRate ueAggregateMaximumBitRate, UeSecurityCapabilities ueSecurityCapabilities, long newAmfUeNgapId, Guami newGuami, List<RawIe> rawIes)
            implements InitiatingMessage, UeAssociated {
        public Request {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.UE_CONTEXT_MODIFICATION;
        }
    }

    /** 9.2.2.8 UE CONTEXT MODIFICATION RESPONSE. */
    public record Response(long amfUeNgapId, long ranUeNgapId, RrcState rrcState, UserLocationInformation userLocationInformation, CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements SuccessfulOutcome, UeAssociated {
        public Response {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.UE_CONTEXT_MODIFICATION;
        }
    }

    /** 9.2.2.9 UE CONTEXT MODIFICATION FAILURE. */
    public record Failure(long amfUeNgapId, long ranUeNgapId, Cause cause, CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements UnsuccessfulOutcome, UeAssociated {
        public Failure {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.UE_CONTEXT_MODIFICATION;
        }
    }
}
