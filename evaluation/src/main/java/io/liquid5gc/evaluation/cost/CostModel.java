package io.liquid5gc.evaluation.cost;

import java.util.Map;

/**
 * The resource-time cost model (the Serverless5GC paper's four cases, in GB-seconds), from {@link CostInputs}:
 * <ol>
 *   <li><b>Always on</b>: the always-on deployment holds {@code alwaysOnGb} all the time: {@code alwaysOnGb x 3600}
 *       GB-s an hour, whatever the traffic.</li>
 *   <li><b>Duty-cycled cluster</b>: a self-hosted serverless platform holds {@code platformGb} all the time and the warm
 *       functions {@code warmGb} for the fraction {@code d} of the time that has traffic (outside it they are at zero):
 *       {@code (platformGb + d x warmGb) x 3600}. It is cheaper than always-on below the break-even duty cycle
 *       {@code d* = (alwaysOnGb - platformGb) / warmGb}.</li>
 *   <li><b>N tenants</b> share the platform, each with its own warm functions at duty {@code tenantDutyCycle}: per
 *       tenant {@code platformGb / N + d x warmGb}, cheaper than one always-on core each from
 *       {@code N* = platformGb / (alwaysOnGb - d x warmGb)} tenants on (the smallest whole number above).</li>
 *   <li><b>Managed FaaS</b>: no platform to hold, {@code gbSecondsPerRegistration} per registration: at {@code r}
 *       registrations per second {@code r x g} GB-s per second, cheaper than always-on below the break-even rate
 *       {@code r* = alwaysOnGb / g}.</li>
 * </ol>
 */
public final class CostModel {

    /** The model's answers. NaN where a case never breaks even (serverless never cheaper). */
    public record Result(double alwaysOnGbSecondsPerHour, double breakEvenDutyCycle, double breakEvenTenants, int minimumTenants,
                         double breakEvenRegistrationsPerSecond) {
    }

    /** The paper's published figures (arXiv 2603.27618v1: the abstract; Table VI for the invocations and function time): for the side-by-side table. */
    public static final Map<String, Double> PAPER = Map.of(
            "gbSecondsPerRegistration", 0.002,
            "breakEvenDutyCycle", 0.65,
            "minimumTenants", 2.0,
            "breakEvenRegistrationsPerSecond", 609.0,
            "invocationsPerRegistration", 8.0,
            "functionMillisPerRegistration", 15.56);

    /** The always-on memory the paper's figures imply: 609 reg/s x 0.002 GB-s = 1.218 GB held all the time. */
    public static double paperImpliedAlwaysOnGb() {
        return PAPER.get("breakEvenRegistrationsPerSecond") * PAPER.get("gbSecondsPerRegistration");
    }

    public static Result evaluate(CostInputs in) {
        double alwaysOnPerHour = in.alwaysOnGb() * 3600;
        double duty = in.warmGb() > 0 ? (in.alwaysOnGb() - in.platformGb()) / in.warmGb() : Double.NaN;
        if (duty < 0) {
            duty = Double.NaN; // the idle platform alone holds more than the always-on core: never cheaper
        }
        double denominator = in.alwaysOnGb() - in.tenantDutyCycle() * in.warmGb();
        double tenants = denominator > 0 ? in.platformGb() / denominator : Double.NaN;
        int minimum = Double.isNaN(tenants) ? -1 : Math.max(1, (int) Math.floor(tenants) + 1);
        double rate = in.gbSecondsPerRegistration() > 0 ? in.alwaysOnGb() / in.gbSecondsPerRegistration() : Double.NaN;
        return new Result(alwaysOnPerHour, duty, tenants, minimum, rate);
    }

    /** GB-s an hour of the self-hosted serverless platform at duty cycle {@code d}. */
    public static double dutyCycledGbSecondsPerHour(CostInputs in, double d) {
        return (in.platformGb() + d * in.warmGb()) * 3600;
    }

    /** GB-s an hour on managed FaaS at {@code rate} registrations per second. */
    public static double managedFaasGbSecondsPerHour(CostInputs in, double rate) {
        return rate * in.gbSecondsPerRegistration() * 3600;
    }

    /**
     * Billed GB-s of one registration: every function's invocations per registration x its mean execution time
     * (seconds) x the memory size it is billed at.
     *
     * @param perRegistration function name to {invocations per registration, mean execution seconds}
     */
    public static double gbSecondsPerRegistration(Map<String, double[]> perRegistration, double functionMemoryGb) {
        double seconds = 0;
        for (double[] v : perRegistration.values()) {
            seconds += v[0] * v[1];
        }
        return seconds * functionMemoryGb;
    }

    private CostModel() {
    }
}
