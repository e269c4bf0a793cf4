package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.UeNgapIds;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import java.util.List;

/** TS 38.413 8.3.2 / 8.3.3 UE Context Release (Request); messages 9.2.2.4 - 9.2.2.6. */
public final class UeContextRelease {
    private UeContextRelease() {
    }

    /** 9.2.2.4 UE CONTEXT RELEASE REQUEST (procedure UE Context Release Request); pduSessions may be null. */
    public record Request(long amfUeNgapId, long ranUeNgapId, List<PduSessionItem> pduSessions, Cause cause, List<RawIe> rawIes)
            implements InitiatingMessage, UeAssociated {
        public Request {
            pduSessions = pduSessions == null ? null : List.copyOf(pduSessions);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.UE_CONTEXT_RELEASE_REQUEST;
        }
    }

    /** 9.2.2.5 UE CONTEXT RELEASE COMMAND. */
    public record Command(UeNgapIds ueNgapIds, Cause cause, List<RawIe> rawIes)
            implements InitiatingMessage, UeAssociated {
        public Command {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.UE_CONTEXT_RELEASE;
        }

        @Override
        public long amfUeNgapId() {
            return switch (ueNgapIds) {
                case UeNgapIds.Pair p -> p.amfUeNgapId();
                case UeNgapIds.AmfOnly a -> a.amfUeNgapId();
                case UeNgapIds.Extension x -> NgapMessage.ABSENT;
            };
        }

        @Override
        public long ranUeNgapId() {
            return ueNgapIds instanceof UeNgapIds.Pair p ? p.ranUeNgapId() : NgapMessage.ABSENT;
        }
    }

    /** 9.2.2.6 UE CONTEXT RELEASE COMPLETE; optional parts may be null. */
    public record Complete(long amfUeNgapId, long ranUeNgapId, UserLocationInformation userLocationInformation, List<PduSessionItem> pduSessions, CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements SuccessfulOutcome, UeAssociated {
        public Complete {
            pduSessions = pduSessions == null ? null : List.copyOf(pduSessions);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.UE_CONTEXT_RELEASE;
        }
    }
}
