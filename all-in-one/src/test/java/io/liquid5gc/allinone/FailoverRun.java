package io.liquid5gc.allinone;

import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One proxy fault under a gNB with two TNL associations (issue 17 item 4), measured the same way by the in-JVM and the
 * real-process failover tests: UEs registered with a PDU session before the fault, half of them CM-IDLE; a PDU session
 * establishment started for every connected UE just before the fault (procedures in flight), each retried once when
 * it did not complete within {@code procedureTimeout}; after the fault every UE goes (back) to CM-IDLE, comes back with
 * a service request and opens one more PDU session. A UE that cannot is lost.
 */
final class FailoverRun {

    private static final io.liquid5gc.nas.ie.SNssai SLICE = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);

    /** What a fault cost: the row of the table printed by the tests. */
    record Result(String fault, int ues, int onFailedProxy, long moved, int inFlight, int failedDuringFault, int retriedOk,
                  int lost, Duration detected, Duration recovery, List<String> why) {

        static String header() {
            return String.format("%-38s %4s %9s %6s %9s %7s %9s %5s %11s %11s", "fault", "UEs", "on-failed", "moved", "in-flight", "failed",
                    "retry-ok", "lost", "detected", "recovered");
        }

        String row() {
            return String.format("%-38s %4d %9d %6d %9d %7d %9d %5d %8d ms %8d ms", fault, ues, onFailedProxy, moved, inFlight,
                    failedDuringFault, retriedOk, lost, detected.toMillis(), recovery.toMillis());
        }
    }

    private final SimGnb gnb;
    private final long procedureTimeoutSeconds;
    private final List<SimUe> ues = new ArrayList<>();

    FailoverRun(SimGnb gnb, Duration procedureTimeout) {
        this.gnb = gnb;
        this.procedureTimeoutSeconds = procedureTimeout.toSeconds();
    }

    /** Registers {@code count} UEs (MSINs from {@code firstMsin}) with PDU session 1, every second one then CM-IDLE. */
    void prepare(int firstMsin, int count, byte[] k, byte[] opc) throws Exception {
        List<CompletableFuture<SimUe.Session>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SimUe ue = new SimUe(firstMsin + i, "001", "01", String.format("%010d", firstMsin + i), k, opc, List.of(SLICE));
            ues.add(ue);
            all.add(ue.register(gnb).thenCompose(r -> {
                if (!r.registered()) {
                    throw new IllegalStateException(ue.supi() + " not registered: #" + r.rejectCause());
                }
                return ue.establishSession(1, "internet", SLICE);
            }));
        }
        for (CompletableFuture<SimUe.Session> f : all) {
            SimUe.Session s = f.get(120, TimeUnit.SECONDS);
            if (!s.established()) {
                throw new IllegalStateException("PDU session before the fault: " + s.failure());
            }
        }
        for (int i = 0; i < ues.size(); i++) {
            if (idle(i)) {
                gnb.releaseToIdle(ues.get(i)).get(60, TimeUnit.SECONDS);
            }
        }
    }

    /** UEs 0, 1 of every 4 go CM-IDLE before the fault (new UEs are spread round robin over the associations). */
    private static boolean idle(int i) {
        return i % 4 < 2;
    }

    /** How many connected UEs are bound to the association that will fail. */
    int onAssociation(int association) {
        return (int) ues.stream().filter(u -> gnb.associationOf(u) == association).count();
    }

    /**
     * Starts a PDU session establishment ({@code firstPsi}) for every connected UE, runs {@code fault} at once, then
     * waits for all, retries the ones that failed or did not complete, and brings every UE through idle, service
     * request and PDU session {@code firstPsi + 1}.
     */
    Result run(String name, int failedAssociation, int firstPsi, Runnable fault) throws Exception {
        for (int i = 0; i < ues.size(); i++) {
            if (idle(i) && gnb.associationOf(ues.get(i)) >= 0) {
                gnb.releaseToIdle(ues.get(i)).get(60, TimeUnit.SECONDS); // connected since the last run
            }
        }
        int bound = onAssociation(failedAssociation);
        long movedBefore = gnb.uesMoved();
        List<SimUe> connected = new ArrayList<>();
        List<CompletableFuture<SimUe.Session>> inFlight = new ArrayList<>();
        for (int i = 0; i < ues.size(); i++) {
            if (!idle(i)) {
                connected.add(ues.get(i));
                inFlight.add(ues.get(i).establishSession(firstPsi, "internet", SLICE));
            }
        }
        long faultAt = System.nanoTime();
        fault.run();
        // the UE's own retransmission timer (TS 24.501 T3580 is 16 s; shorter here): one deadline for all in flight
        awaitAll(inFlight);
        List<SimUe> failed = new ArrayList<>();
        for (int i = 0; i < connected.size(); i++) {
            if (!succeeded(inFlight.get(i), SimUe.Session::established)) {
                failed.add(connected.get(i));
            }
        }
        List<CompletableFuture<SimUe.Session>> retries = failed.stream().map(u -> u.establishSession(firstPsi, "internet", SLICE)).toList();
        awaitAll(retries);
        List<SimUe> lost = new ArrayList<>();
        List<String> why = new ArrayList<>();
        int retriedOk = 0;
        for (int i = 0; i < failed.size(); i++) {
            if (succeeded(retries.get(i), SimUe.Session::established)) {
                retriedOk++;
            } else {
                lost.add(failed.get(i));
                why.add(failed.get(i) + ": retried PDU session " + describe(retries.get(i)));
            }
        }
        long recoveredAt = System.nanoTime();
        for (SimUe ue : connected) {
            CompletableFuture<String> released = gnb.releaseToIdle(ue);
            if (!lost.contains(ue) && !ok(released, c -> true)) {
                lost.add(ue);
                why.add(ue + ": release to idle " + describe(released));
            }
        }
        for (SimUe ue : ues) {
            if (lost.contains(ue)) {
                continue;
            }
            CompletableFuture<List<Integer>> service = ue.serviceRequest(gnb);
            if (!ok(service, psis -> psis.contains(1))) {
                lost.add(ue);
                why.add(ue + ": service request " + describe(service));
                continue;
            }
            CompletableFuture<SimUe.Session> session = ue.establishSession(firstPsi + 1, "internet", SLICE);
            if (!ok(session, s -> s.established())) {
                lost.add(ue);
                why.add(ue + ": PDU session after the fault " + describe(session));
            }
        }
        long detectedAt = gnb.unavailableSinceNanos(failedAssociation);
        return new Result(name, ues.size(), bound, gnb.uesMoved() - movedBefore, connected.size(), failed.size(), retriedOk, lost.size(),
                Duration.ofNanos(detectedAt < 0 ? 0 : Math.max(0, detectedAt - faultAt)), Duration.ofNanos(recoveredAt - faultAt), why);
    }

    private void awaitAll(List<? extends CompletableFuture<?>> all) throws InterruptedException {
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(procedureTimeoutSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // some did not complete: counted by the caller
        }
    }

    private static String describe(CompletableFuture<?> f) {
        if (!f.isDone()) {
            return "did not complete";
        }
        try {
            return "ended with " + f.join();
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
    }

    /** Completed, without failure, and as expected (not waiting: after {@link #awaitAll}). */
    private static <T> boolean succeeded(CompletableFuture<T> f, Function<T, Boolean> check) {
        return f.isDone() && !f.isCompletedExceptionally() && check.apply(f.join());
    }

    private <T> boolean ok(CompletableFuture<T> f, Function<T, Boolean> check) throws InterruptedException {
        try {
            return check.apply(f.isDone() ? f.get() : f.get(procedureTimeoutSeconds, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    List<SimUe> ues() {
        return List.copyOf(ues);
    }
}
