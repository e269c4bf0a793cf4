package io.liquid5gc.evaluation.faults;

import java.time.Duration;
import java.util.List;

/**
 * What one fault cost, a row of the fault table.
 *
 * @param fault          the fault
 * @param uesBefore      tracked UEs registered (with PDU session 1) before the fault
 * @param lost           of them, the UEs that could not do a service request and a PDU session after it, each with why
 * @param procedures     tracked UEs' procedures in flight at the fault or started after it, until the load stopped
 * @param failed         of them, those whose first attempt failed
 * @param retriedOk      of the failed, those a retry completed
 * @param cycles         churn registration cycles (register, PDU session, de-register) started after the fault
 * @param cyclesFailed   of them, those that did not complete
 * @param lasted         the fault: kill or stop until the process was ready again, or the impairment's time
 * @param recovery       from the fault until every kind of procedure (registration, PDU session, service request)
 *                       had succeeded again, started after it; null when one never did
 * @param note           what else was seen (the relay's counts for an N2 fault)
 */
public record FaultResult(Fault fault, int uesBefore, List<String> lost, int procedures, int failed, int retriedOk, int cycles,
                          int cyclesFailed, Duration lasted, Duration recovery, String note) {

    public FaultResult {
        lost = List.copyOf(lost);
    }
}
