package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.RawIe;
import java.util.List;

/** TS 38.413 8.4.5 Handover Cancellation; messages 9.2.3.9, 9.2.3.10. */
public final class HandoverCancel {
    private HandoverCancel() {
    }

    /** 9.2.3.9 HANDOVER CANCEL. */
    public record Request(long amfUeNgapId, long ranUeNgapId, Cause cause, List<RawIe> rawIes)
            implements InitiatingMessage, UeAssociated {
        public Request {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.HANDOVER_CANCEL;
        }
    }

    /** 9.2.3.10 HANDOVER CANCEL ACKNOWLEDGE. */
    public record Acknowledge(long amfUeNgapId, long ranUeNgapId, CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements SuccessfulOutcome, UeAssociated {
        public Acknowledge {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.HANDOVER_CANCEL;
        }
    }
}
