package io.liquid5gc.evaluation.replay;

import java.time.Duration;

/**
 * The daily replay's options ({@code evaluation/evaluate.sh --replay campus ...}, docs/operations.md "Daily replay"):
 * <pre>
 * --replay campus   --replay-hour 10s (one compressed hour; a day = 24 of them)   --replay-peak-rate 1.0 (registrations/s at the peak)
 * --replay-hours 0-24   --replay-noise 0.15   --replay-steps-per-hour 4   --replay-history-days 7   --replay-seed 19
 * --replay-lead 2.0 (compressed hours warmed ahead)   --replay-budget 40   --replay-min-invocations 1.0   --replay-ues 200
 * </pre>
 */
public record ReplayOptions(DayProfile profile, Duration hour, double peakRate, int fromHour, int toHour, double noise, int stepsPerHour,
                            int historyDays, long seed, double leadHours, int budget, double minInvocations, int ues) {

    public ReplayOptions {
        if (historyDays < 1 || leadHours < 0 || budget < 0 || !(minInvocations > 0) || ues < 1 || ues > 1000) {
            throw new IllegalArgumentException("replay: history days >= 1, lead >= 0, budget >= 0, min-invocations > 0, 1..1000 UEs");
        }
        new Timeline(profile, hour, peakRate, fromHour, toHour, noise, stepsPerHour); // validates the rest
    }

    public static ReplayOptions defaults(DayProfile profile) {
        return new ReplayOptions(profile, Duration.ofSeconds(10), 1.0, 0, 24, 0.15, 4, 7, 19, 2.0, 40, 1.0, 200);
    }

    public Timeline timeline() {
        return new Timeline(profile, hour, peakRate, fromHour, toHour, noise, stepsPerHour);
    }

    /** The lead in forecast steps (rounded up). */
    public int leadSteps() {
        return (int) Math.ceil(leadHours * stepsPerHour - 1e-9);
    }

    /** Applies one {@code --replay-*} option; false when {@code key} is not one. */
    ReplayOptions with(String key, String value) {
        return switch (key) {
            case "replay" -> new ReplayOptions(DayProfile.of(value), hour, peakRate, fromHour, toHour, noise, stepsPerHour, historyDays, seed,
                    leadHours, budget, minInvocations, ues);
            case "replay-hour" -> new ReplayOptions(profile, duration(value), peakRate, fromHour, toHour, noise, stepsPerHour, historyDays, seed,
                    leadHours, budget, minInvocations, ues);
            case "replay-peak-rate" -> new ReplayOptions(profile, hour, Double.parseDouble(value), fromHour, toHour, noise, stepsPerHour,
                    historyDays, seed, leadHours, budget, minInvocations, ues);
            case "replay-hours" -> {
                String[] ft = value.split("-");
                if (ft.length != 2) {
                    throw new IllegalArgumentException("--replay-hours FROM-TO (0-24): " + value);
                }
                yield new ReplayOptions(profile, hour, peakRate, Integer.parseInt(ft[0].trim()), Integer.parseInt(ft[1].trim()), noise,
                        stepsPerHour, historyDays, seed, leadHours, budget, minInvocations, ues);
            }
            case "replay-noise" -> new ReplayOptions(profile, hour, peakRate, fromHour, toHour, Double.parseDouble(value), stepsPerHour,
                    historyDays, seed, leadHours, budget, minInvocations, ues);
            case "replay-steps-per-hour" -> new ReplayOptions(profile, hour, peakRate, fromHour, toHour, noise, Integer.parseInt(value),
                    historyDays, seed, leadHours, budget, minInvocations, ues);
            case "replay-history-days" -> new ReplayOptions(profile, hour, peakRate, fromHour, toHour, noise, stepsPerHour,
                    Integer.parseInt(value), seed, leadHours, budget, minInvocations, ues);
            case "replay-seed" -> new ReplayOptions(profile, hour, peakRate, fromHour, toHour, noise, stepsPerHour, historyDays,
                    Long.parseLong(value), leadHours, budget, minInvocations, ues);
            case "replay-lead" -> new ReplayOptions(profile, hour, peakRate, fromHour, toHour, noise, stepsPerHour, historyDays, seed,
                    Double.parseDouble(value), budget, minInvocations, ues);
            case "replay-budget" -> new ReplayOptions(profile, hour, peakRate, fromHour, toHour, noise, stepsPerHour, historyDays, seed,
                    leadHours, Integer.parseInt(value), minInvocations, ues);
            case "replay-min-invocations" -> new ReplayOptions(profile, hour, peakRate, fromHour, toHour, noise, stepsPerHour, historyDays,
                    seed, leadHours, budget, Double.parseDouble(value), ues);
            case "replay-ues" -> new ReplayOptions(profile, hour, peakRate, fromHour, toHour, noise, stepsPerHour, historyDays, seed,
                    leadHours, budget, minInvocations, Integer.parseInt(value));
            default -> null;
        };
    }

    /** Keys {@link #with} knows. */
    static final java.util.List<String> KEYS = java.util.List.of("replay", "replay-hour", "replay-peak-rate", "replay-hours", "replay-noise",
            "replay-steps-per-hour", "replay-history-days", "replay-seed", "replay-lead", "replay-budget", "replay-min-invocations", "replay-ues");

    /** Parses the replay options among {@code args} (others are ignored: EvaluationOptions' own). */
    public static ReplayOptions parse(ReplayOptions start, java.util.Map<String, String> replayArgs) {
        ReplayOptions o = start;
        for (var e : replayArgs.entrySet()) {
            try {
                ReplayOptions next = o.with(e.getKey(), e.getValue());
                if (next == null) {
                    throw new IllegalArgumentException("unknown option --" + e.getKey());
                }
                o = next;
            } catch (NumberFormatException x) {
                throw new IllegalArgumentException("--" + e.getKey() + ": not a number: " + e.getValue());
            }
        }
        return o;
    }

    static Duration duration(String v) {
        var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m)").matcher(v.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (500ms, 10s, 1m): " + v);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
