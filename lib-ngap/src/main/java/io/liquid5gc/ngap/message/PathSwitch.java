package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.SecurityContext;
import io.liquid5gc.ngap.ie.UeSecurityCapabilities;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import java.util.List;

/** TS 38.413 8.4.4 Path Switch Request; messages 9.2.3.7, 9.2.3.8, 9.2.3.9a. */
public final class PathSwitch {
    private PathSwitch() {
    }

    /** 9.2.3.7 PATH SWITCH REQUEST; items carry the Path Switch Request Transfer. */
    public record Request(long ranUeNgapId, long sourceAmfUeNgapId, UserLocationInformation userLocationInformation, UeSecurityCapabilities ueSecurityCapabilities, List<PduSessionItem> pduSessionsToBeSwitched, List<PduSessionItem> pduSessionsFailed, List<RawIe> rawIes)
            implements InitiatingMessage, UeAssociated {
        public Request {
            pduSessionsToBeSwitched = pduSessionsToBeSwitched == null ? null : List.copyOf(pduSessionsToBeSwitched);
            pduSessionsFailed = pduSessionsFailed == null ? null : List.copyOf(pduSessionsFailed);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.PATH_SWITCH_REQUEST;
        }

        /** The UE is found by its id at the source AMF (TS 38.413 8.4.4.2). */
        @Override
        public long amfUeNgapId() {
            return sourceAmfUeNgapId;
        }
    }

    /** 9.2.3.8 PATH SWITCH REQUEST ACKNOWLEDGE; items of pduSessionsSwitched carry the Path Switch Request Acknowledge Transfer. */
    public record Acknowledge(long amfUeNgapId, long ranUeNgapId, UeSecurityCapabilities ueSecurityCapabilities, SecurityContext securityContext, List<PduSessionItem> pduSessionsSwitched, List<PduSessionItem> pduSessionsReleased, List<SNssai> allowedNssai, CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements SuccessfulOutcome, UeAssociated {
        public Acknowledge {
            pduSessionsSwitched = pduSessionsSwitched == null ? null : List.copyOf(pduSessionsSwitched);
            pduSessionsReleased = pduSessionsReleased == null ? null : List.copyOf(pduSessionsReleased);
            allowedNssai = allowedNssai == null ? null : List.copyOf(allowedNssai);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.PATH_SWITCH_REQUEST;
        }
    }

    /** 9.2.3.9a PATH SWITCH REQUEST FAILURE. */
    public record Failure(long amfUeNgapId, long ranUeNgapId, List<PduSessionItem> pduSessionsReleased, CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements UnsuccessfulOutcome, UeAssociated {
        public Failure {
            pduSessionsReleased = pduSessionsReleased == null ? null : List.copyOf(pduSessionsReleased);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.PATH_SWITCH_REQUEST;
        }
    }
}
