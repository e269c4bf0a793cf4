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
                  int lost, Duration recovery) {

        static String header() {
            return String.format("%-34s %5s %9s %6s %9s %7s %9s %5s %10s", "fault", "UEs", "on-failed", "moved", "in-flight", "failed",
                    "retry-ok", "lost", "recovery");
        }

        String row() {
            return String.format("%-34s %5d %9d %6d %9d %7d %9d %5d %8d ms", fault, ues, onFailedProxy, moved, inFlight, failedDuringFault,
                    retriedOk, lost, recovery.toMillis());
        }
    }

    private final SimGnb gnb;
    private final int failedAssociation;
    private final long procedureTimeoutSeconds;
    private final List<SimUe> ues = new ArrayList<>();

    FailoverRun(SimGnb gnb, int failedAssociation, Duration procedureTimeout) {
        this.gnb = gnb;
        this.failedAssociation = failedAssociation;
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
        for (int i = 0; i < ues.size(); i += 2) {
            gnb.releaseToIdle(ues.get(i)).get(60, TimeUnit.SECONDS);
        }
    }

    /** How many connected UEs are bound to the association that will fail. */
    int onFailedAssociation() {
        return (int) ues.stream().filter(u -> gnb.associationOf(u) == failedAssociation).count();
    }

    /**
     * Starts a PDU session establishment (id 2) for every connected UE, runs {@code fault} at once, then waits for each,
     * retries the ones that failed or did not complete, and brings every UE through idle, service request and PDU
     * session 3.
     */
    Result run(String name, Runnable fault) throws Exception {
        int bound = onFailedAssociation();
        long movedBefore = gnb.uesMoved();
        List<SimUe> connected = new ArrayList<>();
        List<CompletableFuture<SimUe.Session>> inFlight = new ArrayList<>();
        for (int i = 1; i < ues.size(); i += 2) {
            connected.add(ues.get(i));
            inFlight.add(ues.get(i).establishSession(2, "internet", SLICE));
        }
        long faultAt = System.nanoTime();
        fault.run();
        int failed = 0;
        int retriedOk = 0;
        List<SimUe> lost = new ArrayList<>();
        for (int i = 0; i < connected.size(); i++) {
            SimUe ue = connected.get(i);
            if (!ok(inFlight.get(i), s -> s.established())) {
                failed++;
                if (ok(ue.establishSession(2, "internet", SLICE), s -> s.established())) {
                    retriedOk++;
                } else {
                    lost.add(ue);
                }
            }
        }
        long recoveredAt = System.nanoTime();
        for (SimUe ue : connected) {
            if (!lost.contains(ue) && !ok(gnb.releaseToIdle(ue), c -> true)) {
                lost.add(ue);
            }
        }
        for (SimUe ue : ues) {
            if (lost.contains(ue)) {
                continue;
            }
            if (!ok(ue.serviceRequest(gnb), psis -> psis.contains(1)) || !ok(ue.establishSession(3, "internet", SLICE), s -> s.established())) {
                lost.add(ue);
            }
        }
        return new Result(name, ues.size(), bound, gnb.uesMoved() - movedBefore, connected.size(), failed, retriedOk, lost.size(),
                Duration.ofNanos(recoveredAt - faultAt));
    }

    private <T> boolean ok(CompletableFuture<T> f, Function<T, Boolean> check) throws InterruptedException {
        try {
            return check.apply(f.get(procedureTimeoutSeconds, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    List<SimUe> ues() {
        return List.copyOf(ues);
    }
}
