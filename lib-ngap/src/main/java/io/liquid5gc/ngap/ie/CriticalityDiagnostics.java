package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * TS 38.413 9.3.1.3 Criticality Diagnostics. Absent optional parts are null ({@code procedureCode} -1).
 */
public record CriticalityDiagnostics(int procedureCode, TriggeringMessage triggeringMessage,
                                     Criticality procedureCriticality, List<IeDiagnostic> ies) {

    public CriticalityDiagnostics {
        ies = ies == null ? null : List.copyOf(ies);
    }

    /** One IE criticality diagnostic: the IE's criticality, id and what was wrong. */
    public record IeDiagnostic(Criticality criticality, int ieId, TypeOfError typeOfError) {
    }
}
