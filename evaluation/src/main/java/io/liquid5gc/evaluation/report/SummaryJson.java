package io.liquid5gc.evaluation.report;

import io.liquid5gc.evaluation.EvaluationOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** summary.json: the tables' figures, for tools (no JSON library: a few flat objects). */
final class SummaryJson {

    static String of(EvaluationOptions o, Machine m, List<Summary.Latency> latency, List<Summary.Usage> usage,
                     List<Summary.PerProcedure> procedures, Summary.Cost cost) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"shortMode\": ").append(o.shortMode()).append(",\n");
        sb.append("  \"durationScale\": ").append(n(o.durationScale())).append(",\n");
        sb.append("  \"repetitions\": ").append(o.repetitions()).append(",\n");
        sb.append("  \"machine\": {\"cpus\": ").append(m.cpus()).append(", \"memoryGb\": ").append(n(m.memoryGb()))
                .append(", \"loadAverage\": ").append(q(m.loadAverage())).append(", \"cpuModel\": ").append(q(m.cpuModel())).append("},\n");
        sb.append("  \"latency\": [\n");
        for (int i = 0; i < latency.size(); i++) {
            Summary.Latency l = latency.get(i);
            sb.append(String.format(Locale.ROOT, "    {\"scenario\": %s, \"deployment\": %s, \"cycles\": %d, \"skipped\": %d, \"registrationSuccessPct\": %s,"
                            + " \"regP50Ms\": %s, \"regP95Ms\": %s, \"regP99Ms\": %s, \"sessionSuccessPct\": %s, \"pduP50Ms\": %s, \"pduP95Ms\": %s,"
                            + " \"pduP99Ms\": %s, \"coldStarts\": %d}%s%n", q(l.scenario().id()), q(l.deployment().id()), l.cycles(), l.skipped(),
                    n(l.registrationSuccess()), n(l.regP50()), n(l.regP95()), n(l.regP99()), n(l.sessionSuccess()), n(l.pduP50()), n(l.pduP95()),
                    n(l.pduP99()), l.coldStarts(), i + 1 < latency.size() ? "," : ""));
        }
        sb.append("  ],\n  \"usage\": [\n");
        for (int i = 0; i < usage.size(); i++) {
            Summary.Usage u = usage.get(i);
            sb.append(String.format(Locale.ROOT, "    {\"scenario\": %s, \"deployment\": %s, \"cpuSecondsPerMinute\": %s, \"rssMeanMb\": %s,"
                            + " \"rssMaxMb\": %s, \"unitRssMeanMb\": %s, \"driverCpuSecondsPerMinute\": %s}%s%n", q(u.scenario().id()),
                    q(u.deployment().id()), n(u.cpuSecondsPerMinute()), n(u.rssMeanMb()), n(u.rssMaxMb()), n(u.unitRssMeanMb()),
                    n(u.driverCpuSecondsPerMinute()), i + 1 < usage.size() ? "," : ""));
        }
        sb.append("  ],\n  \"procedures\": [\n");
        for (int i = 0; i < procedures.size(); i++) {
            Summary.PerProcedure p = procedures.get(i);
            sb.append(String.format(Locale.ROOT, "    {\"deployment\": %s, \"procedure\": %s, \"count\": %d, \"invocations\": %s, \"functionMs\": %s}%s%n",
                    q(p.deployment().id()), q(p.procedure()), p.count(), n(p.invocations()), n(p.functionMillis()), i + 1 < procedures.size() ? "," : ""));
        }
        var in = cost.inputs();
        var r = cost.result();
        sb.append("  ],\n  \"cost\": {");
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        values.put("alwaysOnGb", in.alwaysOnGb());
        values.put("platformGb", in.platformGb());
        values.put("warmGb", in.warmGb());
        values.put("gbSecondsPerRegistration", in.gbSecondsPerRegistration());
        values.put("tenantDutyCycle", in.tenantDutyCycle());
        values.put("alwaysOnGbSecondsPerHour", r.alwaysOnGbSecondsPerHour());
        values.put("breakEvenDutyCycle", r.breakEvenDutyCycle());
        values.put("breakEvenTenants", r.breakEvenTenants());
        values.put("minimumTenants", (double) r.minimumTenants());
        values.put("breakEvenRegistrationsPerSecond", r.breakEvenRegistrationsPerSecond());
        String joined = String.join(", ", values.entrySet().stream().map(e -> q(e.getKey()) + ": " + n(e.getValue())).toList());
        sb.append(joined).append("}\n}\n");
        return sb.toString();
    }

    static String n(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private SummaryJson() {
    }
}
