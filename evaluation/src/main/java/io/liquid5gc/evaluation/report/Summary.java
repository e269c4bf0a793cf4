package io.liquid5gc.evaluation.report;

import io.liquid5gc.evaluation.Results;
import io.liquid5gc.evaluation.cost.CostInputs;
import io.liquid5gc.evaluation.cost.CostModel;
import io.liquid5gc.evaluation.deploy.DeploymentKind;
import io.liquid5gc.evaluation.deploy.ProcessRole;
import io.liquid5gc.evaluation.load.Scenario;
import io.liquid5gc.evaluation.load.UeSample;
import io.liquid5gc.evaluation.metrics.FunctionTimes.Totals;
import io.liquid5gc.evaluation.metrics.ProcessSample;
import io.liquid5gc.evaluation.metrics.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The figures the report's tables show, computed from the results (and kept for summary.json and the tests). */
public final class Summary {

    /** One scenario on one deployment, its repetitions pooled. */
    public record Latency(Scenario scenario, DeploymentKind deployment, int repetitions, int cycles, int skipped, double registrationSuccess,
                          double regP50, double regP95, double regP99, double sessionSuccess, double pduP50, double pduP95, double pduP99,
                          long coldStarts, double cycleSuccess) {
    }

    /** Table VIII's row: one scenario on one deployment (the mean over its repetitions). */
    public record Usage(Scenario scenario, DeploymentKind deployment, double cpuSecondsPerMinute, double rssMeanMb, double rssMaxMb,
                        double driverCpuSecondsPerMinute, double unitRssMeanMb) {
    }

    /** Per registration (or PDU session, de-registration): invocations and function time, per function and in all. */
    public record PerProcedure(DeploymentKind deployment, String procedure, int count, Map<String, double[]> perFunction,
                               double invocations, double functionMillis) {
    }

    /** The cost model's inputs, where each came from, and its answers. */
    public record Cost(CostInputs inputs, Map<String, String> sources, CostModel.Result result) {
    }

    public static List<Latency> latency(List<Results.Deployment> deployments) {
        List<Latency> out = new ArrayList<>();
        for (Results.Deployment d : deployments) {
            Map<Scenario, List<Results.Run>> byScenario = new LinkedHashMap<>();
            d.runs().forEach(r -> byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r));
            byScenario.forEach((s, runs) -> {
                List<UeSample> ues = runs.stream().flatMap(r -> r.ues().stream()).toList();
                List<Double> reg = registrations(ues);
                List<Double> pdu = sessions(ues);
                int wantedSessions = ues.stream().filter(UeSample::registered).mapToInt(UeSample::sessionsWanted).sum();
                out.add(new Latency(s, d.kind(), runs.size(), ues.size(), runs.stream().mapToInt(Results.Run::skipped).sum(),
                        ues.isEmpty() ? Double.NaN : 100.0 * reg.size() / ues.size(), Quantiles.of(reg, 0.5), Quantiles.of(reg, 0.95),
                        Quantiles.of(reg, 0.99), wantedSessions == 0 ? Double.NaN : 100.0 * pdu.size() / wantedSessions,
                        Quantiles.of(pdu, 0.5), Quantiles.of(pdu, 0.95), Quantiles.of(pdu, 0.99),
                        runs.stream().mapToLong(Results.Run::coldStarts).sum(),
                        ues.isEmpty() ? Double.NaN : 100.0 * ues.stream().filter(UeSample::succeeded).count() / ues.size()));
            });
        }
        return out;
    }

    public static List<Double> registrations(List<UeSample> ues) {
        return ues.stream().filter(UeSample::registered).map(UeSample::registrationMs).toList();
    }

    public static List<Double> sessions(List<UeSample> ues) {
        return ues.stream().flatMap(u -> u.sessionMs().stream()).toList();
    }

    public static List<Usage> usage(List<Results.Deployment> deployments) {
        List<Usage> out = new ArrayList<>();
        for (Results.Deployment d : deployments) {
            Map<Scenario, List<Results.Run>> byScenario = new LinkedHashMap<>();
            d.runs().forEach(r -> byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r));
            byScenario.forEach((s, runs) -> {
                double cpu = 0, mean = 0, max = 0, driver = 0, units = 0;
                for (Results.Run r : runs) {
                    Resources.Window w = Resources.of(d.samples(), r.fromMillis(), r.toMillis());
                    cpu += w.totalCpuSecondsPerMinute();
                    mean += w.totalRssMeanBytes();
                    max = Math.max(max, w.totalRssMaxBytes());
                    driver += w.processes().stream().filter(p -> p.role() == ProcessRole.DRIVER).mapToDouble(Resources.Usage::cpuSecondsPerMinute).sum();
                    units += w.processes().stream().filter(p -> p.role() == ProcessRole.UNIT).mapToDouble(Resources.Usage::rssMeanBytes).sum();
                }
                int n = runs.size();
                out.add(new Usage(s, d.kind(), cpu / n, mean / n / 1e6, max / 1e6, driver / n, units / n / 1e6));
            });
        }
        return out;
    }

    /** Per procedure of the profile: invocations and mean execution time per function, divided by the procedure count. */
    public static List<PerProcedure> procedures(List<Results.Deployment> deployments) {
        List<PerProcedure> out = new ArrayList<>();
        for (Results.Deployment d : deployments) {
            for (Results.Procedure p : d.procedures()) {
                if (p.count() == 0) {
                    continue;
                }
                Map<String, double[]> per = new LinkedHashMap<>();
                double inv = 0, ms = 0;
                for (Map.Entry<String, Totals> e : p.functions().entrySet()) {
                    double perProc = e.getValue().count() / p.count();
                    per.put(e.getKey(), new double[] {perProc, e.getValue().meanMillis()});
                    inv += perProc;
                    ms += perProc * e.getValue().meanMillis();
                }
                out.add(new PerProcedure(d.kind(), p.name(), p.count(), per, inv, ms));
            }
        }
        return out;
    }

    /** The cost model's inputs from the measurements (overrides win), with their sources. */
    public static Cost cost(List<Results.Deployment> deployments, double functionMemoryGb, Map<String, Double> overrides) {
        Map<String, String> sources = new LinkedHashMap<>();
        double alwaysOn = Double.NaN;
        Optional<Results.Deployment> http = find(deployments, DeploymentKind.HTTP).or(() -> find(deployments, DeploymentKind.IN_PROCESS));
        if (http.isPresent()) {
            double[] v = meanRss(http.get(), true, r -> r != ProcessRole.DRIVER);
            alwaysOn = v[0] / 1e9;
            sources.put("always-on-gb", "measured: " + http.get().kind().id() + " deployment's total RSS (stores included), mean over its "
                    + (v[1] > 0 ? "idle runs" : "runs"));
        }
        double platform = Double.NaN;
        double warm = Double.NaN;
        Optional<Results.Deployment> fn = find(deployments, DeploymentKind.FUNCTIONS).or(() -> find(deployments, DeploymentKind.HYBRID));
        if (fn.isPresent()) {
            double[] p = meanRss(fn.get(), true, r -> r != ProcessRole.DRIVER && r != ProcessRole.UNIT);
            platform = p[0] / 1e9;
            sources.put("platform-gb", "measured: " + fn.get().kind().id() + " deployment's always-on processes (core"
                    + (fn.get().kind() == DeploymentKind.HYBRID ? ", AMF, SMF" : "") + ", stores), mean over its " + (p[1] > 0 ? "idle runs" : "runs")
                    + "; the function runner is in the driver JVM, not counted");
            double[] w = meanRss(fn.get(), false, r -> r == ProcessRole.UNIT);
            warm = w[0] / 1e9;
            sources.put("warm-gb", "measured: " + fn.get().kind().id() + " deployment's function units' RSS, mean over its load runs");
        }
        double g = Double.NaN;
        for (DeploymentKind k : List.of(DeploymentKind.FUNCTIONS, DeploymentKind.HYBRID, DeploymentKind.HTTP, DeploymentKind.IN_PROCESS)) {
            Optional<PerProcedure> reg = procedures(deployments).stream().filter(p -> p.deployment() == k && p.procedure().equals("registration")).findFirst();
            if (reg.isPresent()) {
                g = reg.get().functionMillis() / 1e3 * functionMemoryGb;
                sources.put("gb-s-per-registration", String.format(java.util.Locale.ROOT,
                        "measured: %s deployment's function time per registration (%.2f ms, Table VI) x %.3f GB (--function-memory-gb)",
                        k.id(), reg.get().functionMillis(), functionMemoryGb));
                break;
            }
        }
        sources.put("tenant-duty-cycle", "default 1.0 (every tenant busy all the time)");
        double duty = 1.0;
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("always-on-gb", alwaysOn);
        values.put("platform-gb", platform);
        values.put("warm-gb", warm);
        values.put("gb-s-per-registration", g);
        values.put("tenant-duty-cycle", duty);
        for (var e : overrides.entrySet()) {
            values.put(e.getKey(), e.getValue());
            sources.put(e.getKey(), "given: --cost." + e.getKey());
        }
        for (var e : values.entrySet()) {
            if (Double.isNaN(e.getValue())) {
                values.put(e.getKey(), 0.0);
                sources.put(e.getKey(), "not measured (the deployment it comes from was not run): 0; give --cost." + e.getKey());
            }
        }
        CostInputs in = new CostInputs(values.get("always-on-gb"), values.get("platform-gb"), values.get("warm-gb"),
                values.get("gb-s-per-registration"), values.get("tenant-duty-cycle"));
        return new Cost(in, sources, CostModel.evaluate(in));
    }

    private static Optional<Results.Deployment> find(List<Results.Deployment> all, DeploymentKind k) {
        return all.stream().filter(d -> d.kind() == k && !d.runs().isEmpty()).findFirst();
    }

    /** {mean total RSS bytes of the matching roles, 1 if over idle runs else 0}: over the idle runs when asked and present, else the others. */
    private static double[] meanRss(Results.Deployment d, boolean idle, java.util.function.Predicate<ProcessRole> roles) {
        List<Results.Run> runs = d.runs().stream().filter(r -> (r.scenario() == Scenario.IDLE) == idle).toList();
        boolean fromIdle = idle && !runs.isEmpty();
        if (runs.isEmpty()) {
            runs = d.runs();
        }
        double sum = 0;
        for (Results.Run r : runs) {
            Resources.Window w = Resources.of(d.samples(), r.fromMillis(), r.toMillis());
            sum += w.processes().stream().filter(p -> roles.test(p.role())).mapToDouble(Resources.Usage::rssMeanBytes).sum();
        }
        return new double[] {runs.isEmpty() ? Double.NaN : sum / runs.size(), fromIdle ? 1 : 0};
    }

    /** Samples of one deployment, for the plots. */
    public static List<ProcessSample> samples(Results.Deployment d) {
        return d.samples();
    }

    private Summary() {
    }
}
