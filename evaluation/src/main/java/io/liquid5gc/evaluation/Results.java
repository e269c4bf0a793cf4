package io.liquid5gc.evaluation;

import io.liquid5gc.evaluation.deploy.DeploymentKind;
import io.liquid5gc.evaluation.load.Scenario;
import io.liquid5gc.evaluation.load.UeSample;
import io.liquid5gc.evaluation.metrics.FunctionTimes.Totals;
import io.liquid5gc.evaluation.metrics.ProcessSample;
import io.liquid5gc.runner.FunctionStats;
import java.util.List;
import java.util.Map;

/** What the evaluation measured, per deployment. */
public final class Results {

    /**
     * One run of a scenario.
     *
     * @param fromMillis   start, on the deployment's sampling clock (the process samples' {@code millis})
     * @param toMillis     end, every cycle ended
     * @param skipped      registrations not started because every UE of the population was in a cycle
     * @param functions    function invocations and execution time during the run
     * @param coldStarts   units started during the run (function deployments)
     */
    public record Run(DeploymentKind deployment, Scenario scenario, int repetition, long fromMillis, long toMillis,
                      List<UeSample> ues, int skipped, Map<String, Totals> functions, long coldStarts) {
    }

    /** A wave of the cold-start storm: all UEs at once, with the units at zero (cold) or running (warm). */
    public record Cohort(String name, List<UeSample> ues, long coldStarts, long heldRequests, double wallSeconds) {
    }

    /** One procedure done {@code count} times one UE after the other, and the functions it invoked (Table VI). */
    public record Procedure(String name, int count, Map<String, Totals> functions) {
    }

    /** Everything about one deployment; {@code failure} when it could not be measured to the end. */
    public record Deployment(DeploymentKind kind, List<Run> runs, List<Cohort> storm, List<Procedure> procedures,
                             List<ProcessSample> samples, List<FunctionStats> runnerStats, String failure) {
    }

    private Results() {
    }
}
