package io.liquid5gc.evaluation.faults;

import io.liquid5gc.evaluation.deploy.Deployment;
import io.liquid5gc.evaluation.deploy.DeploymentKind;
import io.liquid5gc.evaluation.deploy.DeploymentLauncher;
import io.liquid5gc.evaluation.deploy.LaunchSettings;
import io.liquid5gc.evaluation.deploy.UserPlane;
import io.liquid5gc.evaluation.load.LoadDriver;
import io.liquid5gc.evaluation.load.UeSample;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs the fault suite on the all-HTTP deployment (every NF its own JVM, Redis with its AOF on, etcd as the NRF's
 * registry; {@link DeploymentLauncher}), the gNB's N2 through an {@link N2Relay}: registers the tracked UEs with PDU
 * session 1, then per fault puts the steady load on (each tracked UE going round idle, service request, PDU session
 * and release; churn UEs registering, opening a session and de-registering through the {@link LoadDriver}, one a
 * second), injects the fault, keeps the load on until it has ended, every kind of procedure has succeeded again and a
 * while after, then checks every tracked UE (service request and
 * PDU session without registering again). A UE lost to one fault is left out of the next.
 */
public final class FaultRunner {

    /** The tracked UEs' first MSIN (the churn's UEs are the LoadDriver's 1..100). */
    static final int FIRST_TRACKED = 501;

    private final FaultOptions options;
    private final LaunchSettings launch;
    private final Consumer<String> progress;

    public FaultRunner(FaultOptions options, LaunchSettings launch, Consumer<String> progress) {
        this.options = options;
        this.launch = launch;
        this.progress = line -> progress.accept(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }

    /** The real UPF when the suite restarts it (the SMF is on N4 to it for every fault then), else null. */
    private UserPlane upf;

    public List<FaultResult> run() throws Exception {
        List<FaultResult> results = new ArrayList<>();
        List<Fault> faults = new ArrayList<>(options.faults());
        DeploymentLauncher launcher = new DeploymentLauncher(launch, progress).withRedisAppendOnly();
        if (faults.contains(Fault.UPF_RESTART)) {
            String why = UserPlane.unavailableReason();
            if (why != null) {
                progress.accept("faults: upf-restart skipped: " + why);
                faults.remove(Fault.UPF_RESTART);
            } else {
                upf = UserPlane.start("fltupf", 40, launch.work().resolve("upf"));
                progress.accept("faults: real UPF " + upf.describe() + "; the SMF on N4 to it");
                launcher = launcher.withUserPlane(upf);
            }
        }
        try {
            return run(launcher, faults, results);
        } finally {
            if (upf != null) {
                upf.close();
            }
        }
    }

    private List<FaultResult> run(DeploymentLauncher launcher, List<Fault> faults, List<FaultResult> results) throws Exception {
        progress.accept("faults: starting the all-HTTP deployment (Redis AOF on)");
        try (Deployment d = launcher.start(DeploymentKind.HTTP);
             N2Relay relay = N2Relay.start(d.n2(), options.seed());
             SimGnb gnb = new SimGnb("001", "01", 1, 0x1, List.of(LoadDriver.ngapSlice()))) {
            NgapMessage setup = gnb.connect(relay.address());
            if (!(setup instanceof NgSetup.Response)) {
                throw new IllegalStateException("NG Setup refused: " + setup);
            }
            LoadDriver driver = new LoadDriver(gnb, options.procedureTimeout());
            List<TrackedUe> tracked = prepare(driver, gnb);
            for (Fault f : faults) {
                FaultResult r = runOne(f, d, relay, driver, tracked);
                results.add(r);
                progress.accept(String.format(Locale.ROOT, "fault %s: %d UEs before, %d lost, %d/%d procedures failed (%d ok on retry),"
                        + " %d/%d churn cycles failed, lasted %s, recovered %s", f.id(), r.uesBefore(), r.lost().size(), r.failed(), r.procedures(),
                        r.retriedOk(), r.cyclesFailed(), r.cycles(), FaultTable.seconds(r.lasted()),
                        r.recovery() == null ? "never" : FaultTable.seconds(r.recovery())));
                r.lost().forEach(why -> progress.accept("  lost " + why));
                tracked.removeIf(u -> r.lost().stream().anyMatch(why -> why.startsWith(u.supi() + ":")));
            }
        }
        return results;
    }

    private List<TrackedUe> prepare(LoadDriver driver, SimGnb gnb) {
        progress.accept("faults: registering " + options.ues() + " tracked UEs with PDU session " + TrackedUe.KEPT_PSI);
        List<UeSample> samples = new ArrayList<>();
        List<SimUe> registered = driver.registerEach(FIRST_TRACKED, options.ues(), samples);
        driver.sessionEach(registered);
        List<TrackedUe> tracked = new ArrayList<>();
        for (SimUe ue : registered) {
            if (ue.sessions().containsKey(TrackedUe.KEPT_PSI)) {
                tracked.add(new TrackedUe(ue, gnb, options.procedureTimeout(), tracked.size()));
            }
        }
        if (tracked.size() < options.ues()) {
            throw new IllegalStateException("only " + tracked.size() + " of " + options.ues() + " tracked UEs registered with a PDU session before"
                    + " any fault: " + samples.stream().filter(s -> !s.succeeded()).map(UeSample::failure).distinct().toList());
        }
        return tracked;
    }

    private record Cycle(long startNanos, UeSample sample) {
    }

    private FaultResult runOne(Fault fault, Deployment d, N2Relay relay, LoadDriver driver, List<TrackedUe> tracked) throws Exception {
        progress.accept("fault " + fault.id() + ": load on (" + tracked.size() + " tracked UEs, a churn registration cycle a second)");
        List<Procedure> procedures = Collections.synchronizedList(new ArrayList<>());
        List<Cycle> cycles = Collections.synchronizedList(new ArrayList<>());
        Recovery recovery = new Recovery();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong retryUntil = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        List<Thread> loads = new ArrayList<>();
        for (TrackedUe ue : tracked) {
            loads.add(Thread.ofVirtual().name("load-" + ue.supi()).start(() -> {
                try {
                    ue.load(running::get, options.pace(), options.retryDelay(), retryUntil::get, p -> {
                        procedures.add(p);
                        if (p.ok()) {
                            recovery.succeeded(p.kind(), p.lastNanos(), p.endNanos());
                        }
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        // churn: a registration cycle (register, PDU session, de-register) started every second, none waiting for another
        List<Thread> churn = Collections.synchronizedList(new ArrayList<>());
        Thread churner = Thread.ofVirtual().name("churn").start(() -> {
            try {
                while (running.get()) {
                    int msin = churnMsin++ % CHURN_UES + 1;
                    churn.add(Thread.ofVirtual().start(() -> {
                        long start = System.nanoTime();
                        UeSample s = driver.wave(msin, 1, 1).getFirst();
                        cycles.add(new Cycle(start, s));
                        if (s.registered()) {
                            recovery.succeeded(ProcedureKind.REGISTRATION, start, start + (long) (s.registrationMs() * 1e6));
                        }
                    }));
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(options.warm().toMillis());
        long faultAt = inject(fault, d, relay, recovery);
        long faultEnd = System.nanoTime();
        progress.accept(String.format(Locale.ROOT, "fault %s: over after %.1f s; load on until every kind of procedure succeeded again (at most %d s),"
                + " then %d s more", fault.id(), (faultEnd - faultAt) / 1e9, options.recoveryLimit().toSeconds(), options.settle().toSeconds()));
        long limit = System.nanoTime() + options.recoveryLimit().toNanos();
        while (!recovery.recovered() && System.nanoTime() < limit) {
            Thread.sleep(200);
        }
        if (!recovery.recovered()) {
            progress.accept("fault " + fault.id() + ": not recovered within " + options.recoveryLimit().toSeconds() + " s: " + recovery.pending());
        }
        Thread.sleep(options.settle().toMillis());
        running.set(false);
        retryUntil.set(System.nanoTime() + options.retryWindow().toNanos());
        for (Thread t : loads) {
            t.join();
        }
        churner.join();
        for (Thread t : List.copyOf(churn)) {
            t.join();
        }
        progress.accept("fault " + fault.id() + ": first success after it: " + recovery.describe());
        String note = fault.type() == Fault.Type.N2 ? impaired : "";
        progress.accept("fault " + fault.id() + ": load off; checking " + tracked.size() + " UEs");
        List<String> lost = check(tracked);

        List<Procedure> during = procedures.stream().filter(p -> p.endNanos() >= faultAt).toList();
        int failed = (int) during.stream().filter(p -> !p.firstOk()).count();
        int retriedOk = (int) during.stream().filter(Procedure::retriedOk).count();
        List<Cycle> after = cycles.stream().filter(c -> c.startNanos() >= faultAt).toList();
        int cyclesFailed = (int) after.stream().filter(c -> !c.sample().succeeded()).count();
        String failures = java.util.stream.Stream.concat(during.stream().filter(p -> !p.firstOk()).map(p -> p.kind().label() + ": " + p.failure()),
                        after.stream().filter(c -> !c.sample().succeeded()).map(c -> "cycle " + c.sample().failure()))
                .distinct().limit(6).reduce((x, y) -> x + "; " + y).map(s -> "first failures: " + s).orElse("");
        if (!failures.isEmpty()) {
            progress.accept("  " + failures);
        }
        return new FaultResult(fault, tracked.size(), lost, during.size(), failed, retriedOk, after.size(), cyclesFailed,
                Duration.ofNanos(faultEnd - faultAt), recovery.time(), note);
    }

    /** The churn's UEs: the LoadDriver's MSINs 1..400, each used again only after 400 s. */
    private static final int CHURN_UES = 400;
    private int churnMsin;

    /** Injects the fault; returns when it began (the process gone, the impairment on), after it ended. */
    private long inject(Fault fault, Deployment d, N2Relay relay, Recovery recovery) throws Exception {
        long at;
        switch (fault.type()) {
            case KILL -> {
                progress.accept("fault " + fault.id() + ": kill -9 " + d.process(fault.process()));
                d.kill(fault.process());
                at = System.nanoTime();
                recovery.faultAt(at);
                d.restart(fault.process());
            }
            case RESTART -> {
                progress.accept("fault " + fault.id() + ": stopping " + d.process(fault.process()));
                d.stop(fault.process());
                at = System.nanoTime();
                recovery.faultAt(at);
                d.restart(fault.process());
            }
            case N2 -> {
                progress.accept("fault " + fault.id() + ": impairing N2 for " + options.impairment().toSeconds() + " s (seed " + options.seed() + ")");
                N2Relay.Counts before = relay.counts();
                relay.impair(fault.impairment());
                at = System.nanoTime();
                recovery.faultAt(at);
                Thread.sleep(options.impairment().toMillis());
                relay.impair(N2Impairment.NONE);
                N2Relay.Counts c = relay.counts();
                impaired = String.format(Locale.ROOT, "%d datagrams while impaired: %d lost, %d duplicated, %d reordered",
                        c.forwarded() - before.forwarded() + c.dropped() - before.dropped() - (c.duplicated() - before.duplicated()),
                        c.dropped() - before.dropped(), c.duplicated() - before.duplicated(), c.reordered() - before.reordered());
            }
            case UPF -> {
                progress.accept("fault " + fault.id() + ": kill -9 " + upf.describe());
                upf.kill();
                at = System.nanoTime();
                recovery.faultAt(at);
                Thread.sleep(1100); // Open5GS's Recovery Time Stamp has a 1 s resolution: the new one differs
                upf.start();
                progress.accept("fault " + fault.id() + ": UPF started again: " + upf.describe());
            }
            default -> throw new IllegalStateException(fault.type().name());
        }
        return at;
    }

    /** What the relay did during the last N2 impairment, for the table's note. */
    private String impaired = "";

    /** Every tracked UE, ten at a time: a service request and a PDU session without registering; the lost ones as "supi: why". */
    private List<String> check(List<TrackedUe> tracked) throws InterruptedException {
        List<String> lost = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(10);
        List<Thread> checks = new ArrayList<>();
        for (TrackedUe ue : tracked) {
            slots.acquire();
            checks.add(Thread.ofVirtual().start(() -> {
                try {
                    String why = ue.check(3, options.retryDelay());
                    if (why != null) {
                        lost.add(ue.supi() + ": " + why);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    slots.release();
                }
            }));
        }
        for (Thread t : checks) {
            t.join();
        }
        return List.copyOf(lost);
    }
}
