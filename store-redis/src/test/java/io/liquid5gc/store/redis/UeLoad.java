package io.liquid5gc.store.redis;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A steady stream of UE-like read-modify-write procedures on a store, for failover tests: each procedure of a UE
 * updates its context ({@code amf/ue/<id>}, a count of the procedures acknowledged) and its sessions
 * ({@code amf/sessions/<id>}, the same count) with {@link KeyValueStore#update}. A procedure that fails is tried again
 * on the thread's next round over its UEs (the other UEs go on meanwhile); every failed attempt is recorded with its
 * time. Afterwards {@link #verify} says whether every UE's state holds every acknowledged procedure.
 */
final class UeLoad implements AutoCloseable {

    /** A failed attempt: when (nanoTime), which UE, why. */
    record Failure(long atNanos, int ue, String error) {
    }

    private final KeyValueStore store;
    private final String prefix;
    private final int ues;
    private final AtomicLongArray acked;
    /** Attempts that failed after the script may have run (a timeout): the count may be one higher per such attempt. */
    private final AtomicLongArray ambiguous;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong succeeded = new AtomicLong();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> successTimes = new ConcurrentLinkedQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    /** 1 while the UE's last procedure failed and waits for its retry. */
    private final AtomicLongArray pending;
    private final AtomicLong failedProcedures = new AtomicLong();
    private final AtomicLong retriedOk = new AtomicLong();

    UeLoad(KeyValueStore store, String prefix, int ues, int threads) {
        this.store = store;
        this.prefix = prefix;
        this.ues = ues;
        this.acked = new AtomicLongArray(ues);
        this.ambiguous = new AtomicLongArray(ues);
        this.pending = new AtomicLongArray(ues);
        for (int ue = 0; ue < ues; ue++) { // registered before the load starts
            store.put(context(ue), b("0"));
            store.put(sessions(ue), b("0"));
        }
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers.add(Thread.ofPlatform().name("ue-load-" + t).start(() -> run(first, threads)));
        }
    }

    String context(int ue) {
        return prefix + "amf/ue/" + ue;
    }

    String sessions(int ue) {
        return prefix + "amf/sessions/" + ue;
    }

    private void run(int first, int stride) {
        while (running.get()) {
            for (int ue = first; ue < ues && running.get(); ue += stride) {
                procedure(ue);
            }
        }
    }

    private void procedure(int ue) {
        long next = acked.get(ue) + 1;
        try {
            store.update(context(ue), cur -> Optional.of(b(Long.toString(count(cur) + 1))), null);
            store.update(sessions(ue), cur -> Optional.of(b(Long.toString(count(cur) + 1))), null);
            acked.set(ue, next);
            if (pending.compareAndSet(ue, 1, 0)) {
                retriedOk.incrementAndGet();
            }
            succeeded.incrementAndGet();
            long now = System.nanoTime();
            successTimes.add(now);
        } catch (StoreException e) {
            // the thread goes on with its other UEs; this one's procedure is tried again on the next round
            failures.add(new Failure(System.nanoTime(), ue, String.valueOf(e.getMessage())));
            ambiguous.incrementAndGet(ue);
            if (pending.getAndSet(ue, 1) == 0) {
                failedProcedures.incrementAndGet();
            }
            sleep(5);
        }
    }

    /** Procedures that failed at least once. */
    long failedProcedures() {
        return failedProcedures.get();
    }

    /** Failed procedures that succeeded when tried again. */
    long retriedOk() {
        return retriedOk.get();
    }

    /** Waits until no UE has a failed procedure waiting for its retry, at most {@code max}. */
    boolean awaitNoPending(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            boolean any = false;
            for (int ue = 0; ue < ues && !any; ue++) {
                any = pending.get(ue) == 1;
            }
            if (!any) {
                return true;
            }
            sleep(20);
        }
        return false;
    }

    /** Procedures that succeeded between two instants (nanoTime). */
    long succeededBetween(long from, long to) {
        return successTimes.stream().filter(t -> t >= from && t <= to).count();
    }

    private static long count(Optional<byte[]> cur) {
        return cur.map(v -> Long.parseLong(new String(v, UTF_8))).orElse(-1_000_000L); // a lost key shows as negative
    }

    long succeeded() {
        return succeeded.get();
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Waits until {@code n} more procedures have succeeded after now (the load runs again), at most {@code max}. */
    boolean awaitProgress(long n, Duration max) {
        long target = succeeded.get() + n;
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (succeeded.get() >= target) {
                return true;
            }
            sleep(20);
        }
        return false;
    }

    /** Stops the load (the procedures under way finish or give up) and waits for the workers. */
    @Override
    public void close() {
        running.set(false);
        for (Thread w : workers) {
            try {
                w.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Failed procedures never retried with success (UEs still waiting). */
    long abandoned() {
        long n = 0;
        for (int ue = 0; ue < ues; ue++) {
            n += pending.get(ue);
        }
        return n;
    }

    /** For every UE, what is wrong with its stored state (empty: every acknowledged procedure is there). */
    List<String> verify() {
        List<String> problems = new ArrayList<>();
        for (int ue = 0; ue < ues; ue++) {
            for (String key : List.of(context(ue), sessions(ue))) {
                Optional<byte[]> v = store.get(key);
                if (v.isEmpty()) {
                    problems.add(key + " is gone");
                    continue;
                }
                long stored = Long.parseLong(new String(v.get(), UTF_8));
                long min = acked.get(ue);
                long max = min + ambiguous.get(ue);
                if (stored < min || stored > max) {
                    problems.add(key + " holds " + stored + ", acknowledged " + min + " (+" + ambiguous.get(ue) + " unknown)");
                }
            }
        }
        return problems;
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
