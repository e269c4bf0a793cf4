package io.liquid5gc.evaluation.faults;

import io.liquid5gc.evaluation.deploy.LaunchSettings;
import io.liquid5gc.evaluation.report.Machine;
import java.nio.file.Files;
import java.util.List;

/**
 * The fault suite's command (evaluation/faults.sh, README "Faults"): runs the faults, prints the table and writes it
 * to {@code <out>/faults.md}. Exits 1 when a fault lost a UE or never recovered.
 */
public final class FaultMain {

    public static void main(String[] args) throws Exception {
        FaultOptions o;
        try {
            o = FaultOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<FaultResult> results = run(o);
        System.exit(results.stream().allMatch(r -> r.lost().isEmpty() && r.recovery() != null) ? 0 : 1);
    }

    /** Runs the suite, prints the table and writes it to {@code <out>/faults.md}. */
    public static List<FaultResult> run(FaultOptions o) throws Exception {
        Files.createDirectories(o.out());
        LaunchSettings launch = LaunchSettings.defaults(o.repository(), o.out().resolve("work"));
        String before = Machine.now().loadAverage();
        List<FaultResult> results = new FaultRunner(o, launch, System.out::println).run();
        String table = FaultTable.markdown(results) + "\n\nMachine: " + Runtime.getRuntime().availableProcessors() + " CPUs; load before: "
                + before + "; after: " + Machine.now().loadAverage() + "\n";
        System.out.println();
        System.out.println(table);
        Files.writeString(o.out().resolve("faults.md"), table);
        return results;
    }

    private FaultMain() {
    }
}
