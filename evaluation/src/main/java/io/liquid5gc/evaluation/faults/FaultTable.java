package io.liquid5gc.evaluation.faults;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The fault table, Markdown: a row per fault with the columns all-in-one's FailoverRun prints for the proxy kill
 * (fault, UEs registered before, UEs lost, procedures failed during the fault, of them succeeded on retry, time to
 * recover), so both tables join; then each lost UE with why.
 */
public final class FaultTable {

    private FaultTable() {
    }

    public static String markdown(List<FaultResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("| fault | UEs registered before | UEs lost | procedures during the fault | failed | of them succeeded on retry"
                + " | registration cycles (failed) | fault lasted | time to recover | note |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (FaultResult r : results) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d (%d) | %s | %s | %s |%n", r.fault().label(), r.uesBefore(),
                    r.lost().size(), r.procedures(), r.failed(), r.retriedOk(), r.cycles(), r.cyclesFailed(), seconds(r.lasted()),
                    r.recovery() == null ? "**not recovered**" : seconds(r.recovery()), r.note()));
        }
        for (FaultResult r : results) {
            for (String why : r.lost()) {
                b.append(String.format(Locale.ROOT, "%n- %s: lost %s", r.fault().label(), why));
            }
        }
        return b.toString();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
