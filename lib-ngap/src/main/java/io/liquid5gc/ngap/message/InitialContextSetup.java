package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.Guami;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.UeAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.UeSecurityCapabilities;
import java.util.List;

/** TS 38.413 8.3.1 Initial Context Setup; messages 9.2.2.1 - 9.2.2.3. */
public final class InitialContextSetup {
    private InitialContextSetup() {
    }

    /** 9.2.2.1 INITIAL CONTEXT SETUP REQUEST. oldAmf, ueAggregateMaximumBitRate (conditional), pduSessions, ueRadioCapability, maskedImeisv and nasPdu may be null; indexToRfsp is ABSENT or 1..256. securityKey is the 256-bit KgNB. */
    public record Request(long amfUeNgapId, long ranUeNgapId, String oldAmf, UeAggregateMaximumBitRate ueAggregateMaximumBitRate, Guami guami, List<PduSessionItem> pduSessions, List<SNssai> allowedNssai, UeSecurityCapabilities ueSecurityCapabilities, Octets securityKey, Octets ueRadioCapability, long indexToRfsp, Octets maskedImeisv, Octets nasPdu, List<RawIe> rawIes)
            implements InitiatingMessage, UeAssociated {
        public Request {
            pduSessions = pduSessions == null ? null : List.copyOf(pduSessions);
            allowedNssai = allowedNssai == null ? null : List.copyOf(allowedNssai);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.INITIAL_CONTEXT_SETUP;
        }
    }

    /** 9.2.2.2 INITIAL CONTEXT SETUP RESPONSE; lists and diagnostics may be null. */
    public record Response(long amfUeNgapId, long ranUeNgapId, List<PduSessionItem> pduSessionsSetup, List<PduSessionItem> pduSessionsFailed, CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements SuccessfulOutcome, UeAssociated {
        public Response {
            pduSessionsSetup = pduSessionsSetup == null ? null : List.copyOf(pduSessionsSetup);
            pduSessionsFailed = pduSessionsFailed == null ? null : List.copyOf(pduSessionsFailed);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.INITIAL_CONTEXT_SETUP;
        }
    }

    /** 9.2.2.3 INITIAL CONTEXT SETUP FAILURE. */
    public record Failure(long amfUeNgapId, long ranUeNgapId, List<PduSessionItem> pduSessionsFailed, Cause cause, CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements UnsuccessfulOutcome, UeAssociated {
        public Failure {
            pduSessionsFailed = pduSessionsFailed == null ? null : List.copyOf(pduSessionsFailed);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.INITIAL_CONTEXT_SETUP;
        }
    }
}
