package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.Guami;
import io.liquid5gc.ngap.ie.HandoverType;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.SecurityContext;
import io.liquid5gc.ngap.ie.UeAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.UeSecurityCapabilities;
import java.util.List;

/** TS 38.413 8.4.2 Handover Resource Allocation; messages 9.2.3.4 - 9.2.3.6. */
public final class HandoverResourceAllocation {
    private HandoverResourceAllocation() {
    }

    /** 9.2.3.4 HANDOVER REQUEST; items carry id, S-NSSAI and the Handover Request Transfer (a PDU Session Resource Setup Request Transfer). */
    public record Request(long amfUeNgapId, HandoverType handoverType, Cause cause, UeAggregateMaximumBitRate ueAggregateMaximumBitRate, UeSecurityCapabilities ueSecurityCapabilities, SecurityContext securityContext, List<PduSessionItem> pduSessions, List<SNssai> allowedNssai, Octets sourceToTargetContainer, Guami guami, List<RawIe> rawIes)
            implements InitiatingMessage, UeAssociated {
        public Request {
            pduSessions = pduSessions == null ? null : List.copyOf(pduSessions);
            allowedNssai = allowedNssai == null ? null : List.copyOf(allowedNssai);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.HANDOVER_RESOURCE_ALLOCATION;
        }
    }

    /** 9.2.3.5 HANDOVER REQUEST ACKNOWLEDGE. */
    public record Acknowledge(long amfUeNgapId, long ranUeNgapId, List<PduSessionItem> pduSessionsAdmitted, List<PduSessionItem> pduSessionsFailed, Octets targetToSourceContainer, CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements SuccessfulOutcome, UeAssociated {
        public Acknowledge {
            pduSessionsAdmitted = pduSessionsAdmitted == null ? null : List.copyOf(pduSessionsAdmitted);
            pduSessionsFailed = pduSessionsFailed == null ? null : List.copyOf(pduSessionsFailed);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.HANDOVER_RESOURCE_ALLOCATION;
        }
    }

    /** 9.2.3.6 HANDOVER FAILURE. */
    public record Failure(long amfUeNgapId, Cause cause, CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements UnsuccessfulOutcome, UeAssociated {
        public Failure {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.HANDOVER_RESOURCE_ALLOCATION;
        }
    }
}
