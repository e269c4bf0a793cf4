package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.PlmnSupportItem;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.ServedGuamiItem;
import io.liquid5gc.ngap.ie.TimeToWait;
import java.util.List;

/** TS 38.413 8.7.3 AMF Configuration Update; messages 9.2.6.7 - 9.2.6.9. */
public final class AmfConfigurationUpdate {
    private AmfConfigurationUpdate() {
    }

    /** 9.2.6.7 AMF CONFIGURATION UPDATE; every IE optional (null / ABSENT). TNL association lists stay raw. */
    public record Request(String amfName, List<ServedGuamiItem> servedGuamiList, long relativeAmfCapacity,
                          List<PlmnSupportItem> plmnSupportList, List<RawIe> rawIes) implements InitiatingMessage {
        public Request {
            servedGuamiList = servedGuamiList == null ? null : List.copyOf(servedGuamiList);
            plmnSupportList = plmnSupportList == null ? null : List.copyOf(plmnSupportList);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.AMF_CONFIGURATION_UPDATE;
        }
    }

    /** 9.2.6.8 AMF CONFIGURATION UPDATE ACKNOWLEDGE. */
    public record Acknowledge(CriticalityDiagnostics criticalityDiagnostics, List<RawIe> rawIes)
            implements SuccessfulOutcome {
        public Acknowledge {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.AMF_CONFIGURATION_UPDATE;
        }
    }

    /** 9.2.6.9 AMF CONFIGURATION UPDATE FAILURE. */
    public record Failure(Cause cause, TimeToWait timeToWait, CriticalityDiagnostics criticalityDiagnostics,
                          List<RawIe> rawIes) implements UnsuccessfulOutcome {
        public Failure {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.AMF_CONFIGURATION_UPDATE;
        }
    }
}
