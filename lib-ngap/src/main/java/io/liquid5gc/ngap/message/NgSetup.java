package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.PagingDrx;
import io.liquid5gc.ngap.ie.PlmnSupportItem;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.ServedGuamiItem;
import io.liquid5gc.ngap.ie.SupportedTaItem;
import io.liquid5gc.ngap.ie.TimeToWait;
import java.util.List;

/** TS 38.413 8.7.1 NG Setup; messages 9.2.6.1 - 9.2.6.3. */
public final class NgSetup {
    private NgSetup() {
    }

    /** 9.2.6.1 NG SETUP REQUEST (RAN -> AMF). ranNodeName may be null. */
    public record Request(GlobalRanNodeId globalRanNodeId, String ranNodeName, List<SupportedTaItem> supportedTaList,
                          PagingDrx defaultPagingDrx, List<RawIe> rawIes) implements InitiatingMessage {
        public Request {
            supportedTaList = List.copyOf(supportedTaList);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.NG_SETUP;
        }
    }

    /** 9.2.6.2 NG SETUP RESPONSE (AMF -> RAN). criticalityDiagnostics may be null. */
    public record Response(String amfName, List<ServedGuamiItem> servedGuamiList, int relativeAmfCapacity,
                           List<PlmnSupportItem> plmnSupportList, CriticalityDiagnostics criticalityDiagnostics,
                           List<RawIe> rawIes) implements SuccessfulOutcome {
        public Response {
            servedGuamiList = List.copyOf(servedGuamiList);
            plmnSupportList = List.copyOf(plmnSupportList);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.NG_SETUP;
        }
    }

    /** 9.2.6.3 NG SETUP FAILURE. timeToWait and criticalityDiagnostics may be null. */
    public record Failure(Cause cause, TimeToWait timeToWait, CriticalityDiagnostics criticalityDiagnostics,
                          List<RawIe> rawIes) implements UnsuccessfulOutcome {
        public Failure {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.NG_SETUP;
        }
    }
}
