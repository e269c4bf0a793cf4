package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.PagingDrx;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.SupportedTaItem;
import io.liquid5gc.ngap.ie.TimeToWait;
import java.util.List;

/** TS 38.413 8.7.2 RAN Configuration Update; messages 9.2.6.4 - 9.2.6.6. */
public final class RanConfigurationUpdate {
    private RanConfigurationUpdate() {
    }

    /** 9.2.6.4 RAN CONFIGURATION UPDATE; every IE optional (null when absent). */
    public record Request(String ranNodeName, List<SupportedTaItem> supportedTaList, PagingDrx defaultPagingDrx,
                          GlobalRanNodeId globalRanNodeId, List<RawIe> rawIes) implements InitiatingMessage {
        public Request {
            supportedTaList = supportedTaList == null ? null : List.copyOf(supportedTaList);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.RAN_CONFIGURATION_UPDATE;
        }
    }

    /** 9.2.6.5 RAN CONFIGURATION UPDATE ACKNOWLEDGE. */
    public record Acknowledge(CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements SuccessfulOutcome {
        public Acknowledge {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.RAN_CONFIGURATION_UPDATE;
        }
    }

    /** 9.2.6.6 RAN CONFIGURATION UPDATE FAILURE. */
    public record Failure(Cause cause, TimeToWait timeToWait, CriticalityDiagnostics criticalityDiagnostics,
                          List<RawIe> rawIes) implements UnsuccessfulOutcome {
        public Failure {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.RAN_CONFIGURATION_UPDATE;
        }
    }
}
