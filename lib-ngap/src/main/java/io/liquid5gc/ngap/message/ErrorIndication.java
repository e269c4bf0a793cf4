package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.FiveGSTmsi;
import io.liquid5gc.ngap.ie.RawIe;
import java.util.List;

/**
 * TS 38.413 8.7.5 / 9.2.6.13 ERROR INDICATION. Every IE is optional (ids ABSENT, others null), but at least
 * the cause or the criticality diagnostics should be present.
 */
public record ErrorIndication(long amfUeNgapId, long ranUeNgapId, Cause cause,
                              CriticalityDiagnostics criticalityDiagnostics, FiveGSTmsi fiveGSTmsi,
                              List<RawIe> rawIes) implements InitiatingMessage, UeAssociated {
    public ErrorIndication {
        rawIes = List.copyOf(rawIes);
    }

    @Override
    public ProcedureCode procedureCode() {
        return ProcedureCode.ERROR_INDICATION;
    }
}
