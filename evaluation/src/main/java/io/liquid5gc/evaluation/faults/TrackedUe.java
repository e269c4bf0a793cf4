package io.liquid5gc.evaluation.faults;

import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A UE registered before the faults, with PDU session 1, which the suite checks after each: during the load it goes
 * round release to idle, service request, PDU session {@value #LOAD_PSI} establishment and release, each procedure
 * retried (as the UE's own timers would, TS 24.501 T3517/T3580) until it succeeds or the retry limit passes. It never
 * registers again: a UE that cannot do a service request and a PDU session after a fault is lost.
 */
final class TrackedUe {

    private static final SNssai SLICE = SNssai.of(1, 0x010203);
    /** The PDU session the UE keeps from before the faults (re-activated by every service request). */
    static final int KEPT_PSI = 1;
    /** The PDU session the load opens and releases. */
    static final int LOAD_PSI = 2;
    /** The PDU session the check after a fault opens (and releases). */
    static final int CHECK_PSI = 3;

    private static final List<ProcedureKind> ROUND = List.of(ProcedureKind.RELEASE_TO_IDLE, ProcedureKind.SERVICE_REQUEST,
            ProcedureKind.PDU_SESSION, ProcedureKind.PDU_RELEASE);

    private final SimUe ue;
    private final SimGnb gnb;
    private final Duration timeout;
    private final java.util.Random jitter;
    private final int index;
    private int next;

    /** {@code index}: odd UEs start their round with the PDU session, even ones with the release to idle (not all in step). */
    TrackedUe(SimUe ue, SimGnb gnb, Duration timeout, int index) {
        this.ue = ue;
        this.gnb = gnb;
        this.timeout = timeout;
        this.index = index;
        this.jitter = new java.util.Random(index);
        connected();
    }

    /** The UE is CM-CONNECTED (after registering, or after the check): the round goes on from a connected step. */
    private void connected() {
        next = index % 2 == 0 ? 0 : 2;
    }

    String supi() {
        return ue.supi();
    }

    /**
     * The load: procedures one after the other, {@code pace} apart, until {@code running} says stop; each failed attempt
     * retried {@code retryDelay} later until it succeeds or {@code retryUntil} (nanoTime) has passed.
     */
    void load(BooleanSupplier running, Duration pace, Duration retryDelay, java.util.function.LongSupplier retryUntil,
              Consumer<Procedure> out) throws InterruptedException {
        while (running.getAsBoolean()) {
            ProcedureKind kind = ROUND.get(next);
            Procedure p = attempt(kind, LOAD_PSI, () -> System.nanoTime() < retryUntil.getAsLong(), retryDelay);
            out.accept(p);
            // a PDU session that never came up is not released
            next = (next + (!p.ok() && kind == ProcedureKind.PDU_SESSION ? 2 : 1)) % ROUND.size();
            Thread.sleep(pace.toMillis() + jitter.nextLong(pace.toMillis() + 1));
        }
    }

    /** After a fault: the UE, CM-IDLE, does a service request (re-activating session 1) and a PDU session; null when it can, else why not. */
    String check(int attempts, Duration retryDelay) throws InterruptedException {
        for (ProcedureKind k : List.of(ProcedureKind.RELEASE_TO_IDLE, ProcedureKind.SERVICE_REQUEST)) {
            Procedure p = withRetries(k, KEPT_PSI, attempts, retryDelay);
            if (!p.ok()) {
                return k.label() + ": " + p.failure();
            }
        }
        Procedure session = withRetries(ProcedureKind.PDU_SESSION, CHECK_PSI, attempts, retryDelay);
        if (!session.ok()) {
            return "PDU session: " + session.failure();
        }
        Procedure release = withRetries(ProcedureKind.PDU_RELEASE, CHECK_PSI, attempts, retryDelay);
        connected();
        return release.ok() ? null : "PDU session release: " + release.failure();
    }

    private Procedure withRetries(ProcedureKind kind, int psi, int attempts, Duration retryDelay) throws InterruptedException {
        int[] left = {attempts};
        return attempt(kind, psi, () -> --left[0] > 0, retryDelay);
    }

    private Procedure attempt(ProcedureKind kind, int psi, BooleanSupplier mayRetry, Duration retryDelay) throws InterruptedException {
        long start = System.nanoTime();
        String firstFailure = null;
        int attempts = 0;
        while (true) {
            attempts++;
            long last = System.nanoTime();
            String failure = once(kind, psi);
            if (failure == null) {
                return new Procedure(kind, ue.supi(), start, last, System.nanoTime(), attempts == 1, attempts, true, firstFailure);
            }
            if (firstFailure == null) {
                firstFailure = failure;
            }
            if (!mayRetry.getAsBoolean()) {
                return new Procedure(kind, ue.supi(), start, last, System.nanoTime(), false, attempts, false, firstFailure);
            }
            Thread.sleep(retryDelay.toMillis());
        }
    }

    /** One attempt; null on success, else what went wrong. */
    private String once(ProcedureKind kind, int psi) throws InterruptedException {
        try {
            switch (kind) {
                case RELEASE_TO_IDLE -> await(gnb.releaseToIdle(ue));
                case SERVICE_REQUEST -> {
                    List<Integer> reactivated = await(ue.serviceRequest(gnb));
                    if (!reactivated.contains(KEPT_PSI)) {
                        return "PDU session " + KEPT_PSI + " not re-activated (got " + reactivated + ")";
                    }
                }
                case PDU_SESSION -> {
                    String idle = connectedFirst();
                    if (idle != null) {
                        return idle;
                    }
                    SimUe.Session s = await(ue.establishSession(psi, "internet", SLICE));
                    if (!s.established()) {
                        return "rejected: " + s.failure();
                    }
                }
                case PDU_RELEASE -> {
                    if (!ue.sessions().containsKey(psi)) {
                        return null; // released already (by the network, or by an attempt whose answer was late)
                    }
                    String idle = connectedFirst();
                    if (idle != null) {
                        return idle;
                    }
                    await(ue.releaseSession(psi));
                }
                case REGISTRATION -> throw new IllegalArgumentException("a tracked UE does not register again");
            }
            return null;
        } catch (TimeoutException e) {
            return "timeout (" + timeout.toSeconds() + " s)";
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause() == null ? e : e.getCause().getMessage());
        }
    }

    /** A UE the network released meanwhile (it is CM-IDLE) comes back with a service request before a 5GSM procedure. */
    private String connectedFirst() throws InterruptedException, ExecutionException, TimeoutException {
        if (ue.connectionReleased().isDone()) {
            List<Integer> reactivated = await(ue.serviceRequest(gnb));
            if (!reactivated.contains(KEPT_PSI)) {
                return "PDU session " + KEPT_PSI + " not re-activated (got " + reactivated + ")";
            }
        }
        return null;
    }

    private <T> T await(CompletableFuture<T> f) throws InterruptedException, ExecutionException, TimeoutException {
        return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
