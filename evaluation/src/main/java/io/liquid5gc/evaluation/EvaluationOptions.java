package io.liquid5gc.evaluation;

import io.liquid5gc.evaluation.cost.CostInputs;
import io.liquid5gc.evaluation.deploy.DeploymentKind;
import io.liquid5gc.evaluation.load.Scenario;
import io.liquid5gc.evaluation.replay.DayProfile;
import io.liquid5gc.evaluation.replay.ReplayOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command's options (README "Evaluation"):
 * <pre>
 * --scenarios idle,low,medium,high,burst   --deployments in-process,http,hybrid,functions
 * --repetitions 3   --duration-scale 1.0 (the paper's 10 min / 5 min burst; 0.05 = 30 s)
 * --storm-ues 20    --profile-ues 20     --unit-idle 120s  --sample-interval 1s   --step-timeout 120s
 * --out target/evaluation   --repository .   --function-memory-gb 0.128
 * --await-scale-to-zero true (function deployments: the idle scenario starts once every unit has been stopped)
 * --cost.always-on-gb X --cost.platform-gb X --cost.warm-gb X --cost.gb-s-per-registration X --cost.tenant-duty-cycle 1.0
 * --replay campus [--replay-* ...]: the daily replay instead of the scenarios ({@link ReplayOptions})
 * </pre>
 *
 * @param replay the daily replay, null for the scenarios
 */
public record EvaluationOptions(List<Scenario> scenarios, List<DeploymentKind> deployments, int repetitions, double durationScale,
                                int stormUes, int profileUes, Duration unitIdle, Duration sampleInterval, Duration stepTimeout,
                                Path out, Path repository, double functionMemoryGb, Map<String, Double> costOverrides,
                                boolean awaitScaleToZero, ReplayOptions replay) {

    /** The scenarios (no daily replay). */
    public EvaluationOptions(List<Scenario> scenarios, List<DeploymentKind> deployments, int repetitions, double durationScale,
                             int stormUes, int profileUes, Duration unitIdle, Duration sampleInterval, Duration stepTimeout,
                             Path out, Path repository, double functionMemoryGb, Map<String, Double> costOverrides,
                             boolean awaitScaleToZero) {
        this(scenarios, deployments, repetitions, durationScale, stormUes, profileUes, unitIdle, sampleInterval, stepTimeout, out,
                repository, functionMemoryGb, costOverrides, awaitScaleToZero, null);
    }

    public EvaluationOptions {
        scenarios = List.copyOf(scenarios);
        deployments = List.copyOf(deployments);
        costOverrides = Map.copyOf(costOverrides);
        if (repetitions < 1) {
            throw new IllegalArgumentException("--repetitions must be at least 1");
        }
        if (!(durationScale > 0)) {
            throw new IllegalArgumentException("--duration-scale must be > 0");
        }
        if (stormUes < 1 || stormUes > 500 || profileUes < 1 || profileUes > 200) {
            throw new IllegalArgumentException("--storm-ues 1..500, --profile-ues 1..200");
        }
    }

    /** The paper's full evaluation: every scenario and deployment, 3 repetitions, full durations. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(List.of(Scenario.values()), List.of(DeploymentKind.values()), 3, 1.0, 20, 20,
                Duration.ofSeconds(120), Duration.ofSeconds(1), Duration.ofSeconds(120), Path.of("target", "evaluation"),
                Path.of("").toAbsolutePath(), CostInputs.DEFAULT_FUNCTION_MEMORY_GB, Map.of(), true);
    }

    /** True unless every scenario runs its full duration once or more (then the report says "short mode"). */
    public boolean shortMode() {
        return durationScale < 1.0;
    }

    static final List<String> COST_KEYS = List.of("always-on-gb", "platform-gb", "warm-gb", "gb-s-per-registration", "tenant-duty-cycle");

    public static EvaluationOptions parse(String[] args) {
        EvaluationOptions o = defaults();
        Map<String, Double> cost = new LinkedHashMap<>();
        List<Scenario> scenarios = o.scenarios();
        List<DeploymentKind> deployments = o.deployments();
        int repetitions = o.repetitions();
        double scale = o.durationScale();
        int storm = o.stormUes();
        int profile = o.profileUes();
        Duration idle = o.unitIdle();
        Duration interval = o.sampleInterval();
        Duration step = o.stepTimeout();
        Path out = o.out();
        Path repo = o.repository();
        double memory = o.functionMemoryGb();
        boolean awaitZero = o.awaitScaleToZero();
        Map<String, String> replay = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "' (options are --name value)");
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
            try {
                switch (key) {
                    case "scenarios" -> scenarios = Arrays.stream(value.split(",")).map(Scenario::of).toList();
                    case "deployments" -> deployments = Arrays.stream(value.split(",")).map(DeploymentKind::of).toList();
                    case "repetitions" -> repetitions = Integer.parseInt(value);
                    case "duration-scale" -> scale = Double.parseDouble(value);
                    case "storm-ues" -> storm = Integer.parseInt(value);
                    case "profile-ues" -> profile = Integer.parseInt(value);
                    case "unit-idle" -> idle = duration(value);
                    case "sample-interval" -> interval = duration(value);
                    case "step-timeout" -> step = duration(value);
                    case "out" -> out = Path.of(value);
                    case "repository" -> repo = Path.of(value).toAbsolutePath();
                    case "function-memory-gb" -> memory = Double.parseDouble(value);
                    case "await-scale-to-zero" -> awaitZero = bool(key, value);
                    default -> {
                        if (key.equals("replay") || key.startsWith("replay-")) {
                            replay.put(key, value);
                        } else if (key.startsWith("cost.") && COST_KEYS.contains(key.substring(5))) {
                            cost.put(key.substring(5), Double.parseDouble(value));
                        } else {
                            throw new IllegalArgumentException("unknown option --" + key + "; known: --scenarios, --deployments,"
                                    + " --repetitions, --duration-scale, --storm-ues, --profile-ues, --unit-idle, --sample-interval,"
                                    + " --step-timeout, --out, --repository, --function-memory-gb, --await-scale-to-zero, --cost.{" + String.join(", ", COST_KEYS) + "},"
                                    + " --replay and --replay-* (docs/operations.md \"Daily replay\")");
                        }
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + key + ": not a number: " + value);
            }
        }
        ReplayOptions replayOptions = null;
        if (!replay.isEmpty()) {
            if (!replay.containsKey("replay")) {
                throw new IllegalArgumentException("--replay-* options need --replay <profile> (known: campus)");
            }
            replayOptions = ReplayOptions.parse(ReplayOptions.defaults(DayProfile.of(replay.get("replay"))), replay);
        }
        return new EvaluationOptions(scenarios, deployments, repetitions, scale, storm, profile, idle, interval, step, out, repo, memory, cost,
                awaitZero, replayOptions);
    }

    private static boolean bool(String key, String v) {
        return switch (v.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("--" + key + ": true or false, not " + v);
        };
    }

    /** {@code 500ms}, {@code 30s}, {@code 3m}. */
    static Duration duration(String v) {
        var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m)").matcher(v.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (500ms, 30s, 3m): " + v);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }

    public EvaluationOptions withOut(Path dir) {
        return new EvaluationOptions(scenarios, deployments, repetitions, durationScale, stormUes, profileUes, unitIdle, sampleInterval,
                stepTimeout, dir, repository, functionMemoryGb, costOverrides, awaitScaleToZero, replay);
    }
}
