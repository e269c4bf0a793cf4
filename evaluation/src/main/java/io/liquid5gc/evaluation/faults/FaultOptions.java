package io.liquid5gc.evaluation.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of the fault suite.
 *
 * @param faults            the faults, one after the other on one deployment
 * @param ues               tracked UEs (IMSI 001010000000501 onwards), registered with PDU session 1 before the first fault
 * @param pace              pause of each tracked UE between its procedures
 * @param warm              load before each fault
 * @param settle            load after the fault ended (the process is ready again, the impairment off)
 * @param impairment        how long an N2 impairment lasts
 * @param procedureTimeout  one attempt of a procedure (and each step of a churn cycle): 16 s, the UE's own NAS timers
 *                          (TS 24.501 T3580 16 s, T3517 15 s, T3510 15 s), after which a UE tries again
 * @param retryDelay        pause before a failed attempt is retried
 * @param retryWindow       how long after the load stopped a failed procedure is still retried
 * @param recoveryLimit     how long after the fault ended the load waits for every kind of procedure to succeed again
 * @param seed              the N2 relay's randomness
 * @param out               where faults.md and the processes' logs go
 * @param repository        the repository root (the jars)
 */
public record FaultOptions(List<Fault> faults, int ues, Duration pace, Duration warm, Duration settle, Duration impairment,
                           Duration procedureTimeout, Duration retryDelay, Duration retryWindow, Duration recoveryLimit, long seed, Path out, Path repository) {

    public FaultOptions {
        faults = List.copyOf(faults);
        if (ues < 1 || ues > 500) {
            throw new IllegalArgumentException("--ues must be 1..500 (the default subscribers 501..1000), not " + ues);
        }
    }

    /** The full suite's defaults: every fault, 50 tracked UEs. */
    public static FaultOptions full(Path repository) {
        return new FaultOptions(Fault.ALL, 50, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30),
                Duration.ofSeconds(16), Duration.ofSeconds(2), Duration.ofSeconds(120), Duration.ofMinutes(3), 17, repository.resolve("target").resolve("faults"), repository);
    }

    /** {@code --faults a,b|all|bounded --ues N --impairment-seconds S --seed N --out DIR --repository DIR}. */
    public static FaultOptions parse(String[] args) {
        Path repository = Path.of("").toAbsolutePath();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--repository")) {
                repository = Path.of(args[i + 1]).toAbsolutePath();
            }
        }
        FaultOptions o = full(repository);
        List<Fault> faults = o.faults;
        int ues = o.ues;
        Duration impairment = o.impairment;
        long seed = o.seed;
        Path out = o.out;
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--faults" -> faults = Fault.list(require(a, v));
                case "--ues" -> ues = Integer.parseInt(require(a, v));
                case "--impairment-seconds" -> impairment = Duration.ofSeconds(Long.parseLong(require(a, v)));
                case "--seed" -> seed = Long.parseLong(require(a, v));
                case "--out" -> out = Path.of(require(a, v)).toAbsolutePath();
                case "--repository" -> require(a, v);
                default -> {
                    unknown.add(a);
                    continue;
                }
            }
            i++;
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + unknown + "; known: --faults, --ues, --impairment-seconds, --seed, --out, --repository");
        }
        return new FaultOptions(faults, ues, o.pace, o.warm, o.settle, impairment, o.procedureTimeout, o.retryDelay, o.retryWindow, o.recoveryLimit, seed, out,
                repository);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
