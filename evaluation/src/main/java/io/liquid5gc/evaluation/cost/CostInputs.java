package io.liquid5gc.evaluation.cost;

/**
 * The resource-time cost model's inputs, in GB of memory held (the paper's model counts GB-seconds: memory times the
 * time it is held). The measured ones come from the evaluation's runs; each can be overridden on the command line
 * ({@code --cost.<name>=<value>}).
 *
 * @param alwaysOnGb          memory the always-on deployment holds all the time (measured: the all-HTTP deployment's
 *                            total RSS at idle, stores included)
 * @param platformGb          memory the serverless platform holds with every function at zero (measured: the
 *                            functions deployment's core and stores at idle after scale to zero)
 * @param warmGb              memory the warm function replicas add while there is traffic (measured: the units' RSS
 *                            under load)
 * @param gbSecondsPerRegistration billed function time of one registration times the function memory size: the sum
 *                            over its invocations of execution time x {@code functionMemoryGb} (Table VI's figures)
 * @param tenantDutyCycle     the fraction of the time each tenant has traffic, in the tenants case (default 1: busy)
 */
public record CostInputs(double alwaysOnGb, double platformGb, double warmGb, double gbSecondsPerRegistration, double tenantDutyCycle) {

    /** The managed-FaaS memory size a function is billed at; 128 MB, what the paper's 0.002 GB-s over 15.56 ms implies. */
    public static final double DEFAULT_FUNCTION_MEMORY_GB = 0.128;

    public CostInputs {
        for (double v : new double[] {alwaysOnGb, platformGb, warmGb, gbSecondsPerRegistration}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("cost inputs must be finite and >= 0: " + v);
            }
        }
        if (!(tenantDutyCycle >= 0 && tenantDutyCycle <= 1)) {
            throw new IllegalArgumentException("tenant duty cycle must be within [0, 1]: " + tenantDutyCycle);
        }
    }

    public CostInputs withAlwaysOnGb(double v) {
        return new CostInputs(v, platformGb, warmGb, gbSecondsPerRegistration, tenantDutyCycle);
    }

    public CostInputs withPlatformGb(double v) {
        return new CostInputs(alwaysOnGb, v, warmGb, gbSecondsPerRegistration, tenantDutyCycle);
    }

    public CostInputs withWarmGb(double v) {
        return new CostInputs(alwaysOnGb, platformGb, v, gbSecondsPerRegistration, tenantDutyCycle);
    }

    public CostInputs withGbSecondsPerRegistration(double v) {
        return new CostInputs(alwaysOnGb, platformGb, warmGb, v, tenantDutyCycle);
    }

    public CostInputs withTenantDutyCycle(double v) {
        return new CostInputs(alwaysOnGb, platformGb, warmGb, gbSecondsPerRegistration, v);
    }
}
