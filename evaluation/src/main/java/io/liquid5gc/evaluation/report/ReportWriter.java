package io.liquid5gc.evaluation.report;

import io.liquid5gc.evaluation.EvaluationOptions;
import io.liquid5gc.evaluation.Results;
import io.liquid5gc.evaluation.cost.CostModel;
import io.liquid5gc.evaluation.deploy.DeploymentKind;
import io.liquid5gc.evaluation.deploy.ProcessRole;
import io.liquid5gc.evaluation.load.Scenario;
import io.liquid5gc.evaluation.load.UeSample;
import io.liquid5gc.evaluation.metrics.Resources;
import io.liquid5gc.runner.FunctionStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the report: {@code report.md} (the tables, each beside the paper's figures), the PNG plots, the raw
 * samples as CSV and {@code summary.json}.
 */
public final class ReportWriter {

    /** What {@link #write} produced. */
    public record Written(Path markdown, List<Path> plots, Summary.Cost cost, List<Summary.Latency> latency, List<Summary.Usage> usage,
                          List<Summary.PerProcedure> procedures) {
    }

    public static Written write(Path dir, EvaluationOptions o, List<Results.Deployment> deployments, Machine before, Machine after,
                                Duration wall) throws IOException {
        Files.createDirectories(dir.resolve("plots"));
        List<Path> plots = new ArrayList<>();
        List<Summary.Latency> latency = Summary.latency(deployments);
        List<Summary.Usage> usage = Summary.usage(deployments);
        List<Summary.PerProcedure> procedures = Summary.procedures(deployments);
        Summary.Cost cost = Summary.cost(deployments, o.functionMemoryGb(), o.costOverrides());
        StringBuilder md = new StringBuilder();
        md.append("# Liquid5GC evaluation").append(o.shortMode() ? " (SHORT MODE: durations scaled, not the paper's)" : "").append("\n\n");
        md.append("The Serverless5GC paper's evaluation (arXiv 2603.27618, Section IV) measured on this machine with ")
                .append("`evaluation/evaluate.sh` (README \"Evaluation\"). Every figure below comes from this run; the paper's are beside them.\n\n");
        md.append("- Machine: ").append(before.describe()).append("\n");
        md.append("- Load average (1, 5, 15 min) at the start: ").append(before.loadAverage()).append("; at the end: ").append(after.loadAverage()).append("\n");
        md.append(String.format(Locale.ROOT, "- Run: deployments %s; scenarios %s; %d repetition(s); durations x %.3f of the paper's; storm %d UEs per wave;"
                        + " profile %d UEs; units stopped after %d s idle; wall time %.1f min\n",
                String.join(", ", o.deployments().stream().map(DeploymentKind::id).toList()),
                String.join(", ", o.scenarios().stream().map(Scenario::id).toList()), o.repetitions(), o.durationScale(), o.stormUes(),
                o.profileUes(), o.unitIdle().toSeconds(), wall.toSeconds() / 60.0));
        md.append("- Load generator: ransim's simulated gNB (SCTP over UDP) and UEs (5G-AKA, NAS security) in the driver JVM; latency is the"
                + " UE's, from Registration Request to Registration Accept, and from PDU Session Establishment Request to its accept with the N2"
                + " resources. The paper measured with UERANSIM from its log (see docs/operations.md \"Evaluation\" for the difference).\n");
        md.append("- Deployments: in-process = the all-in-one (in-process stores); http = every NF module its own always-on JVM over HTTP,"
                + " Redis and etcd; hybrid = AMF and SMF always on, AUSF, UDM, UDR, NSSF, PCF and the Release 17 NFs as functions; functions ="
                + " every NF as functions. Functions are unit processes behind the local function runner (scale to zero on one machine;"
                + " Knative or Lambda in production). SBI security (tokens from the NRF) is on everywhere.\n\n");
        failures(md, deployments);

        md.append("## Scenarios (Table III)\n\n| scenario | UEs | registrations/s | PDU sessions per UE | duration here | paper's duration |\n|---|---:|---:|---:|---:|---:|\n");
        for (Scenario s : o.scenarios()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %d | %d s | %d min |%n", s.id(), s.ues(), s.rate(), s.sessions(),
                    s.duration(o.durationScale()).toSeconds(), s.paperDuration().toMinutes()));
        }
        md.append("\nEach registration starts a cycle: the UE registers, opens its PDU sessions one after the other, de-registers.\n\n");

        latencyTable(md, latency);
        for (Scenario s : o.scenarios()) {
            if (s == Scenario.IDLE) {
                continue;
            }
            Map<String, List<Double>> reg = new LinkedHashMap<>();
            Map<String, List<Double>> pdu = new LinkedHashMap<>();
            for (Results.Deployment d : deployments) {
                List<UeSample> ues = d.runs().stream().filter(r -> r.scenario() == s).flatMap(r -> r.ues().stream()).toList();
                reg.put(d.kind().id(), Summary.registrations(ues));
                pdu.put(d.kind().id(), Summary.sessions(ues));
            }
            Path r = dir.resolve("plots").resolve("cdf-registration-" + s.id() + ".png");
            Charts.cdf(r, "Registration latency, " + s.id(), reg);
            Path p = dir.resolve("plots").resolve("cdf-pdu-session-" + s.id() + ".png");
            Charts.cdf(p, "PDU session latency, " + s.id(), pdu);
            plots.add(r);
            plots.add(p);
            md.append("![registration CDF ").append(s.id()).append("](plots/").append(r.getFileName()).append(") ")
                    .append("![PDU session CDF ").append(s.id()).append("](plots/").append(p.getFileName()).append(")\n\n");
        }

        procedureTables(md, procedures);
        storm(md, dir, deployments, plots);
        usageTables(md, dir, deployments, usage, plots);
        cost(md, dir, cost, plots);

        if (Files.exists(dir.resolve("replay.md"))) {
            md.append("## Daily replay, with and without pre-warming\n\nIn this output directory: [replay.md](replay.md)"
                    + " (`evaluate.sh --replay`, docs/operations.md \"Daily replay\").\n\n");
        }
        md.append("## Raw data\n\n`ue-samples.csv` (every UE cycle), `process-samples.csv` (every /proc sample), `functions.csv`"
                + " (function invocations and seconds per run and profile step), `runs.csv` (each run's window on the samples' clock),"
                + " `summary.json` (the tables' figures).\n");
        Path markdown = dir.resolve("report.md");
        Files.writeString(markdown, md);
        RawData.write(dir, deployments);
        Files.writeString(dir.resolve("summary.json"), SummaryJson.of(o, before, latency, usage, procedures, cost));
        return new Written(markdown, plots, cost, latency, usage, procedures);
    }

    private static void failures(StringBuilder md, List<Results.Deployment> deployments) {
        List<String> lines = new ArrayList<>();
        for (Results.Deployment d : deployments) {
            if (d.failure() != null) {
                lines.add("- " + d.kind().id() + ": not measured to the end: " + d.failure());
            }
            Map<String, Integer> reasons = new LinkedHashMap<>();
            d.runs().stream().flatMap(r -> r.ues().stream()).filter(u -> !u.succeeded()).forEach(u -> reasons.merge(u.failure(), 1, Integer::sum));
            d.storm().stream().flatMap(c -> c.ues().stream()).filter(u -> !u.succeeded()).forEach(u -> reasons.merge(u.failure(), 1, Integer::sum));
            reasons.forEach((r, n) -> lines.add("- " + d.kind().id() + ": " + n + " x " + r + (r.endsWith("5GMM cause 22")
                    ? " (congestion: the N2 proxy's AMF overload control refused them, its AMF calls slower than its start latency)" : "")));
        }
        if (!lines.isEmpty()) {
            md.append("**Failures**\n\n").append(String.join("\n", lines)).append("\n\n");
        }
    }

    private static void latencyTable(StringBuilder md, List<Summary.Latency> latency) {
        md.append("## Registration and PDU session latency (Tables IV and V)\n\n");
        md.append("| scenario | deployment | runs | cycles | skipped | registered | reg p50 ms | reg p95 ms | reg p99 ms | PDU sessions | PDU p50 ms |"
                + " PDU p95 ms | PDU p99 ms | cycles fully ok | cold starts |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Summary.Latency l : latency) {
            if (l.scenario() == Scenario.IDLE) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d |%n", l.scenario().id(),
                    l.deployment().id(), l.repetitions(), l.cycles(), l.skipped(), pct(l.registrationSuccess()), ms(l.regP50()), ms(l.regP95()),
                    ms(l.regP99()), pct(l.sessionSuccess()), ms(l.pduP50()), ms(l.pduP95()), ms(l.pduP99()), pct(l.cycleSuccess()), l.coldStarts()));
        }
        md.append("\nPaper (Serverless5GC on OpenFaaS, UERANSIM-measured): median registration 406-522 ms across the scenarios (Open5GS"
                + " 403-606 ms), 100% success across 3,000 registrations. \"skipped\": registrations not started because every UE of the"
                + " population was still in a cycle (the core is slower than the rate asks).\n\n");
    }

    private static void procedureTables(StringBuilder md, List<Summary.PerProcedure> procedures) {
        md.append("## Function invocations and execution time per procedure (Table VI)\n\n");
        md.append("One UE at a time, warm, after the storm or a warm-up; the `liquid5gc.function.invocations` timer of every process"
                + " (execution time of the function where it is deployed; a function's time includes the calls it waits for, as a FaaS"
                + " platform bills it).\n\n");
        md.append("| deployment | procedure | count | invocations per procedure | function ms per procedure |\n|---|---|---:|---:|---:|\n");
        for (Summary.PerProcedure p : procedures) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f |%n", p.deployment().id(), p.procedure(), p.count(), p.invocations(),
                    p.functionMillis()));
        }
        md.append("| paper | registration | | 8 | 15.56 |\n\n");
        Set<DeploymentKind> kinds = new LinkedHashSet<>();
        procedures.forEach(p -> kinds.add(p.deployment()));
        for (DeploymentKind k : kinds) {
            procedures.stream().filter(p -> p.deployment() == k && p.procedure().equals("registration")).findFirst().ifPresent(p -> {
                md.append("Per registration, ").append(k.id()).append(":\n\n| function | invocations | mean ms |\n|---|---:|---:|\n");
                p.perFunction().forEach((f, v) -> md.append(String.format(Locale.ROOT, "| %s | %.2f | %.3f |%n", f, v[0], v[1])));
                md.append('\n');
            });
        }
    }

    private static void storm(StringBuilder md, Path dir, List<Results.Deployment> deployments, List<Path> plots) throws IOException {
        List<Results.Deployment> withStorm = deployments.stream().filter(d -> !d.storm().isEmpty()).toList();
        if (withStorm.isEmpty()) {
            return;
        }
        md.append("## Cold-start storm (Table VII)\n\n");
        md.append("Every unit at zero, then the UEs of a wave all at once (each registers and opens one PDU session): the cold cohort;"
                + " then a second wave with the units running: the warm cohort.\n\n");
        md.append("| deployment | cohort | UEs | success | reg p50 ms | reg p95 ms | reg p99 ms | reg max ms | PDU p50 ms | PDU p99 ms | cold starts |"
                + " held requests | wave s |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Results.Deployment d : withStorm) {
            Map<String, List<Double>> cdf = new LinkedHashMap<>();
            for (Results.Cohort c : d.storm()) {
                List<Double> reg = Summary.registrations(c.ues());
                List<Double> pdu = Summary.sessions(c.ues());
                long ok = c.ues().stream().filter(UeSample::succeeded).count();
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %d | %d | %.1f |%n", d.kind().id(), c.name(),
                        c.ues().size(), pct(100.0 * ok / Math.max(1, c.ues().size())), ms(Quantiles.of(reg, 0.5)), ms(Quantiles.of(reg, 0.95)),
                        ms(Quantiles.of(reg, 0.99)), ms(Quantiles.of(reg, 1.0)), ms(Quantiles.of(pdu, 0.5)), ms(Quantiles.of(pdu, 0.99)),
                        c.coldStarts(), c.heldRequests(), c.wallSeconds()));
                cdf.put(c.name(), reg);
            }
            Path p = dir.resolve("plots").resolve("storm-" + d.kind().id() + ".png");
            Charts.cdf(p, "Cold-start storm, " + d.kind().id() + ": registration latency by cohort", cdf);
            plots.add(p);
        }
        md.append("\nPaper: all 31 function pods evicted at once, zero failures, registration p99 up to 10.9 s, warm latency again within 4-5 s.\n\n");
        for (Results.Deployment d : withStorm) {
            md.append("![storm ").append(d.kind().id()).append("](plots/storm-").append(d.kind().id()).append(".png)\n\n");
            md.append("Cold starts per function over the whole ").append(d.kind().id()).append(" run (launch to ready):\n\n");
            md.append("| function | cold starts | launch-to-ready median ms | max ms | requests | held |\n|---|---:|---:|---:|---:|---:|\n");
            for (FunctionStats f : d.runnerStats()) {
                if (f.requests() == 0) {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n", f.function(), f.coldStarts(), f.coldStartMedian().toMillis(),
                        f.coldStartMax().toMillis(), f.requests(), f.waitedForColdStart()));
            }
            md.append('\n');
        }
    }

    private static void usageTables(StringBuilder md, Path dir, List<Results.Deployment> deployments, List<Summary.Usage> usage, List<Path> plots)
            throws IOException {
        md.append("## CPU and memory (Table VIII)\n\n");
        md.append("From /proc every sample interval: CPU busy seconds per minute (utime + stime) and RSS, summed over the deployment's"
                + " processes (stores and warm units included; the driver JVM, which runs the simulated RAN and, for function"
                + " deployments, the function runner, apart). Mean over the repetitions.\n\n");
        md.append("| scenario | deployment | CPU s/min | RSS mean MB | RSS max MB | of which units, mean MB | driver CPU s/min |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (Summary.Usage u : usage) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.0f | %.0f | %.0f | %.1f |%n", u.scenario().id(), u.deployment().id(),
                    u.cpuSecondsPerMinute(), u.rssMeanMb(), u.rssMaxMb(), u.unitRssMeanMb(), u.driverCpuSecondsPerMinute()));
        }
        md.append("\nPer process, first repetition of each scenario:\n\n");
        for (Results.Deployment d : deployments) {
            md.append("<details><summary>").append(d.kind().id()).append("</summary>\n\n| scenario | process | role | CPU s/min | RSS mean MB | RSS max MB |\n|---|---|---|---:|---:|---:|\n");
            for (Results.Run r : d.runs()) {
                if (r.repetition() != 1) {
                    continue;
                }
                for (Resources.Usage p : Resources.of(d.samples(), r.fromMillis(), r.toMillis()).processes()) {
                    md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %.0f | %.0f |%n", r.scenario().id(), p.name(), p.role(),
                            p.cpuSecondsPerMinute(), p.rssMeanBytes() / 1e6, p.rssMaxBytes() / 1e6));
                }
            }
            md.append("\n</details>\n\n");
            Map<ProcessRole, double[][]> series = Resources.series(d.samples());
            List<Charts.Line> rss = new ArrayList<>();
            List<Charts.Line> cpu = new ArrayList<>();
            series.forEach((role, xy) -> {
                rss.add(new Charts.Line(role.name().toLowerCase(Locale.ROOT), xy[0], xy[1]));
                if (xy[2].length > 0) {
                    cpu.add(new Charts.Line(role.name().toLowerCase(Locale.ROOT), xy[2], xy[3]));
                }
            });
            List<Double> marks = d.runs().stream().map(r -> r.fromMillis() / 1000.0).toList();
            Path r = dir.resolve("plots").resolve("rss-" + d.kind().id() + ".png");
            Path c = dir.resolve("plots").resolve("cpu-" + d.kind().id() + ".png");
            Charts.lines(r, "RSS by role over time, " + d.kind().id() + " (vertical lines: scenario runs start)", "s", "MB", rss, marks);
            Charts.lines(c, "CPU by role over time, " + d.kind().id() + " (vertical lines: scenario runs start)", "s", "CPU seconds per second", cpu, marks);
            plots.add(r);
            plots.add(c);
            md.append("![rss ").append(d.kind().id()).append("](plots/").append(r.getFileName()).append(") ![cpu ").append(d.kind().id())
                    .append("](plots/").append(c.getFileName()).append(")\n\n");
        }
    }

    private static void cost(StringBuilder md, Path dir, Summary.Cost cost, List<Path> plots) throws IOException {
        var in = cost.inputs();
        var r = cost.result();
        md.append("## Resource-time cost model\n\n");
        md.append("In GB-seconds (memory held times the time it is held), as the paper's model; the four cases and their formulas are in"
                + " `evaluation/src/main/java/io/liquid5gc/evaluation/cost/CostModel.java` and docs/operations.md \"Evaluation\".\n\n");
        md.append("| input | value | source |\n|---|---:|---|\n");
        md.append(String.format(Locale.ROOT, "| always-on-gb | %.3f | %s |%n", in.alwaysOnGb(), cost.sources().get("always-on-gb")));
        md.append(String.format(Locale.ROOT, "| platform-gb | %.3f | %s |%n", in.platformGb(), cost.sources().get("platform-gb")));
        md.append(String.format(Locale.ROOT, "| warm-gb | %.3f | %s |%n", in.warmGb(), cost.sources().get("warm-gb")));
        md.append(String.format(Locale.ROOT, "| gb-s-per-registration | %.6f | %s |%n", in.gbSecondsPerRegistration(), cost.sources().get("gb-s-per-registration")));
        md.append(String.format(Locale.ROOT, "| tenant-duty-cycle | %.2f | %s |%n%n", in.tenantDutyCycle(), cost.sources().get("tenant-duty-cycle")));
        md.append("| case | here | paper |\n|---|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| GB-s per registration (managed FaaS billing) | %.6f | %.3f |%n", in.gbSecondsPerRegistration(),
                CostModel.PAPER.get("gbSecondsPerRegistration")));
        md.append(String.format(Locale.ROOT, "| 1. always on: GB-s per hour | %.0f | %.0f (implied: 609 x 0.002 = %.3f GB held) |%n",
                r.alwaysOnGbSecondsPerHour(), CostModel.paperImpliedAlwaysOnGb() * 3600, CostModel.paperImpliedAlwaysOnGb()));
        boolean alwaysOnKnown = !unmeasured(cost, "always-on-gb");
        boolean platformKnown = alwaysOnKnown && !unmeasured(cost, "platform-gb") && !unmeasured(cost, "warm-gb");
        boolean rateKnown = alwaysOnKnown && !unmeasured(cost, "gb-s-per-registration");
        md.append(String.format(Locale.ROOT, "| 2. duty-cycled cluster: break-even duty cycle (cheaper below) | %s | %.2f |%n",
                platformKnown ? num(r.breakEvenDutyCycle(), "%.2f") : "not measured", CostModel.PAPER.get("breakEvenDutyCycle")));
        md.append(String.format(Locale.ROOT, "| 3. tenants sharing the platform: cheaper from | %s | %.0f |%n",
                !platformKnown ? "not measured" : r.minimumTenants() < 0 ? "never"
                        : r.minimumTenants() + " (break-even " + num(r.breakEvenTenants(), "%.2f") + ")",
                CostModel.PAPER.get("minimumTenants")));
        md.append(String.format(Locale.ROOT, "| 4. managed FaaS: break-even registration rate (cheaper below), reg/s | %s | %.0f |%n%n",
                rateKnown ? num(r.breakEvenRegistrationsPerSecond(), "%.0f") : "not measured", CostModel.PAPER.get("breakEvenRegistrationsPerSecond")));
        int points = 21;
        double[] d = new double[points];
        double[] alwaysOn = new double[points];
        double[] duty = new double[points];
        for (int i = 0; i < points; i++) {
            d[i] = i / (points - 1.0);
            alwaysOn[i] = r.alwaysOnGbSecondsPerHour();
            duty[i] = CostModel.dutyCycledGbSecondsPerHour(in, d[i]);
        }
        Path p1 = dir.resolve("plots").resolve("cost-duty-cycle.png");
        Charts.lines(p1, "GB-s per hour against the duty cycle", "duty cycle (fraction of the time with traffic)", "GB-s per hour",
                List.of(new Charts.Line("always on", d, alwaysOn), new Charts.Line("self-hosted serverless (platform + warm functions)", d, duty)),
                Double.isNaN(r.breakEvenDutyCycle()) || r.breakEvenDutyCycle() > 1 ? List.of() : List.of(r.breakEvenDutyCycle()));
        double max = Double.isNaN(r.breakEvenRegistrationsPerSecond()) ? 1000 : Math.max(10, 2 * r.breakEvenRegistrationsPerSecond());
        double[] rate = new double[points];
        double[] faas = new double[points];
        for (int i = 0; i < points; i++) {
            rate[i] = max * i / (points - 1.0);
            faas[i] = CostModel.managedFaasGbSecondsPerHour(in, rate[i]);
        }
        Path p2 = dir.resolve("plots").resolve("cost-rate.png");
        Charts.lines(p2, "GB-s per hour against the registration rate", "registrations per second", "GB-s per hour",
                List.of(new Charts.Line("always on", rate, alwaysOn), new Charts.Line("managed FaaS", rate, faas)),
                Double.isNaN(r.breakEvenRegistrationsPerSecond()) ? List.of() : List.of(r.breakEvenRegistrationsPerSecond()));
        plots.add(p1);
        plots.add(p2);
        md.append("![cost against duty cycle](plots/cost-duty-cycle.png) ![cost against rate](plots/cost-rate.png)\n\n");
    }

    private static boolean unmeasured(Summary.Cost cost, String input) {
        return cost.sources().getOrDefault(input, "").startsWith("not measured");
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "-" : v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v);
    }

    static String num(double v, String format) {
        return Double.isNaN(v) ? "never" : String.format(Locale.ROOT, format, v);
    }

    private ReportWriter() {
    }
}
