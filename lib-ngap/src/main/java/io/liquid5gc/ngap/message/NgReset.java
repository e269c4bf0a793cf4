package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.ResetType;
import io.liquid5gc.ngap.ie.UeAssociatedConnection;
import java.util.List;

/** TS 38.413 8.7.4 NG Reset; messages 9.2.6.11, 9.2.6.12. */
public final class NgReset {
    private NgReset() {
    }

    /** 9.2.6.11 NG RESET. */
    public record Request(Cause cause, ResetType resetType, List<RawIe> rawIes) implements InitiatingMessage {
        public Request {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.NG_RESET;
        }
    }

    /** 9.2.6.12 NG RESET ACKNOWLEDGE; the connection list may be null. */
    public record Acknowledge(List<UeAssociatedConnection> connections, CriticalityDiagnostics criticalityDiagnostics,
                              List<RawIe> rawIes) implements SuccessfulOutcome {
        public Acknowledge {
            connections = connections == null ? null : List.copyOf(connections);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.NG_RESET;
        }
    }
}
