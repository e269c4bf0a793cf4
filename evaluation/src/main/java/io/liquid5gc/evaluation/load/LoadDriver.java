package io.liquid5gc.evaluation.load;

import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.aka.Usim;
import io.liquid5gc.security.milenage.UsimSqnState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Drives UEs through one simulated gNB (ransim): each UE cycle registers, opens the scenario's PDU sessions one after
 * the other and de-registers. The default subscribers (IMSI 001010000000001 and the next 999, the published test K
 * and OPc) are the population.
 */
public final class LoadDriver {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final SNssai SLICE = SNssai.of(1, 0x010203);
    /** The default subscribers. */
    public static final int MAX_UES = 1000;

    private final SimGnb gnb;
    private final Duration stepTimeout;
    private final AtomicLong ranUeNgapIds = new AtomicLong();

    public LoadDriver(SimGnb gnb, Duration stepTimeout) {
        this.gnb = gnb;
        this.stepTimeout = stepTimeout;
    }

    /** The slice every UE asks for (the default subscribers' and the core's default). */
    public static io.liquid5gc.ngap.ie.SNssai ngapSlice() {
        return new io.liquid5gc.ngap.ie.SNssai(1, 0x010203);
    }

    /**
     * The scenario for {@code duration}: registrations start at its rate, each by a UE of its population that is not
     * in a cycle (a start with every UE busy is counted in {@code skipped}); returns every cycle once all have ended.
     */
    public List<UeSample> run(Scenario scenario, Duration duration, AtomicInteger skipped, Consumer<String> progress) throws InterruptedException {
        if (scenario.ues() == 0) {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
            return List.of();
        }
        ConcurrentLinkedQueue<Integer> free = new ConcurrentLinkedQueue<>();
        for (int i = 1; i <= Math.min(MAX_UES, scenario.ues()); i++) {
            free.add(i);
        }
        List<UeSample> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<Void>> cycles = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long lastProgress = start;
        for (long i = 0; ; i++) {
            long due = start + (long) (i * 1e9 / scenario.rate());
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Integer msin = free.poll();
            if (msin == null) {
                skipped.incrementAndGet();
                continue;
            }
            long startedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            cycles.add(cycle(msin, scenario.sessions(), startedMillis).thenAccept(s -> {
                samples.add(s);
                done.incrementAndGet();
                if (!s.succeeded()) {
                    failed.incrementAndGet();
                }
                free.add(msin);
            }));
            long now = System.nanoTime();
            if (now - lastProgress > TimeUnit.SECONDS.toNanos(10)) {
                lastProgress = now;
                progress.accept(String.format(Locale.ROOT, "  %s: %ds of %ds, %d cycles started, %d done, %d failed", scenario.id(),
                        TimeUnit.NANOSECONDS.toSeconds(now - start), duration.toSeconds(), cycles.size(), done.get(), failed.get()));
            }
        }
        awaitAll(cycles, open -> progress.accept(String.format(Locale.ROOT,
                "  %s: draining, %d of %d cycles still open (each step waits at most %ds)", scenario.id(), open,
                cycles.size(), stepTimeout.toSeconds())));
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** {@code ues} UEs (IMSI ...{@code first} onwards) all at once, each one cycle: the cold-start storm's wave. */
    public List<UeSample> wave(int first, int ues, int sessions) {
        long start = System.nanoTime();
        List<CompletableFuture<UeSample>> cycles = new ArrayList<>();
        for (int i = 0; i < ues; i++) {
            cycles.add(cycle(first + i, sessions, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
        }
        awaitAll(new ArrayList<>(cycles), open -> { });
        return cycles.stream().map(CompletableFuture::join).toList();
    }

    /** One UE after the other, each registering only (Table VI's per-registration figures); returns the UEs, registered. */
    public List<SimUe> registerEach(int first, int ues, List<UeSample> out) {
        List<SimUe> registered = new ArrayList<>();
        for (int i = 0; i < ues; i++) {
            SimUe ue = ue(first + i);
            try {
                SimUe.Registration r = ue.register(gnb).get(stepTimeout.toMillis(), TimeUnit.MILLISECONDS);
                out.add(new UeSample(0, r.registered(), r.registered() ? millis(r.latency()) : 0, 0, List.of(), false,
                        r.registered() ? null : "registration rejected, 5GMM cause " + r.rejectCause()));
                if (r.registered()) {
                    registered.add(ue);
                }
            } catch (Exception e) {
                out.add(new UeSample(0, false, 0, 0, List.of(), false, "registration: " + kind(e)));
            }
        }
        return registered;
    }

    /** Each registered UE opens PDU session 1, one after the other; the latencies (ms) of the established ones. */
    public List<Double> sessionEach(List<SimUe> ues) {
        List<Double> ms = new ArrayList<>();
        for (SimUe ue : ues) {
            try {
                SimUe.Session s = ue.establishSession(1, "internet", SLICE).get(stepTimeout.toMillis(), TimeUnit.MILLISECONDS);
                if (s.established()) {
                    ms.add(millis(s.latency()));
                }
            } catch (Exception e) {
                // counted as missing
            }
        }
        return ms;
    }

    /** Each UE de-registers, one after the other; how many were accepted. */
    public int deregisterEach(List<SimUe> ues) {
        int accepted = 0;
        for (SimUe ue : ues) {
            try {
                if (ue.deregister(false).get(stepTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    accepted++;
                }
            } catch (Exception e) {
                // counted as missing
            }
        }
        return accepted;
    }

    private SimUe ue(int msin) {
        return new SimUe(ranUeNgapIds.incrementAndGet(), "001", "01", String.format(Locale.ROOT, "%010d", msin),
                new Usim(K, OPC, new UsimSqnState()), List.of(SLICE));
    }

    /**
     * One cycle of the UE with IMSI ...{@code msin} (registration, {@code sessions} PDU sessions one after the other,
     * de-registration), started now; {@code startedMillis} is what its sample says it started at. For a caller that
     * schedules arrivals itself (the daily replay); the UE must not be in another cycle.
     */
    public CompletableFuture<UeSample> startCycle(int msin, int sessions, long startedMillis) {
        return cycle(msin, sessions, startedMillis);
    }

    private CompletableFuture<UeSample> cycle(int msin, int sessions, long startedMillis) {
        SimUe ue = ue(msin);
        long t = stepTimeout.toMillis();
        return ue.register(gnb).orTimeout(t, TimeUnit.MILLISECONDS).handle((r, e) -> {
            if (e != null) {
                return CompletableFuture.completedFuture(new UeSample(startedMillis, false, 0, sessions, List.of(), false,
                        "registration: " + kind(e)));
            }
            if (!r.registered()) {
                return CompletableFuture.completedFuture(new UeSample(startedMillis, false, 0, sessions, List.of(), false,
                        "registration rejected, 5GMM cause " + r.rejectCause()));
            }
            double regMs = millis(r.latency());
            List<Double> sessionMs = Collections.synchronizedList(new ArrayList<>());
            String[] failure = new String[1];
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int psi = 1; psi <= sessions; psi++) {
                int id = psi;
                chain = chain.thenCompose(v -> ue.establishSession(id, "internet", SLICE).orTimeout(t, TimeUnit.MILLISECONDS)
                        .handle((s, se) -> {
                            if (se != null) {
                                failure[0] = "PDU session: " + kind(se);
                            } else if (!s.established()) {
                                failure[0] = "PDU session: " + s.failure();
                            } else {
                                sessionMs.add(millis(s.latency()));
                            }
                            return null;
                        }));
            }
            return chain.thenCompose(v -> ue.deregister(false).orTimeout(t, TimeUnit.MILLISECONDS).handle((accepted, de) -> {
                boolean ok = de == null && Boolean.TRUE.equals(accepted);
                String f = failure[0] != null ? failure[0] : ok ? null : "de-registration: " + (de != null ? kind(de) : "not accepted");
                return new UeSample(startedMillis, true, regMs, sessions, sessionMs, ok, f);
            }));
        }).thenCompose(f -> f);
    }

    /**
     * Waits for every cycle: each step has its own timeout, so they end, but a cycle of n PDU sessions may take
     * (2 + n) step timeouts; every 10 s {@code open} is told how many are still open, so a long drain is not silent.
     */
    private static void awaitAll(List<? extends CompletableFuture<?>> cycles, java.util.function.IntConsumer open) {
        CompletableFuture<Void> all = CompletableFuture.allOf(cycles.toArray(CompletableFuture[]::new));
        while (true) {
            try {
                all.get(10, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException e) {
                open.accept((int) cycles.stream().filter(c -> !c.isDone()).count());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted while the cycles drain");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new java.util.concurrent.CompletionException(e.getCause());
            }
        }
    }

    private static String kind(Throwable e) {
        Throwable c = (e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null ? e.getCause() : e;
        return c instanceof TimeoutException ? "timeout" : c.getClass().getSimpleName() + ": " + c.getMessage();
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }
}
