package io.liquid5gc.r17.nsacf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.nsacf.AcuFailureItem;
import io.liquid5gc.sbi.nsacf.AcuOperationItem;
import io.liquid5gc.sbi.nsacf.AdmissionValue;
import io.liquid5gc.sbi.nsacf.PduACRequestInfo;
import io.liquid5gc.sbi.nsacf.SliceAdmissionRequest;
import io.liquid5gc.sbi.nsacf.SliceAdmissionResponse;
import io.liquid5gc.sbi.nsacf.UeACRequestInfo;
import io.liquid5gc.runtime.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Network slice admission control (TS 23.502 4.2.11, TS 29.536 Nnsacf_NSAC): the number of UEs and of PDU sessions per
 * S-NSSAI. Counters are the store's atomic counters ({@code nsacf/count/ue/<snssai>}, {@code nsacf/count/pdu/<snssai>}).
 * Each UE (per slice) and each PDU session carries a marker key ({@code nsacf/ue/<snssai>/<supi>},
 * {@code nsacf/pdu/<snssai>/<supi>/<id>}) claimed by compare-and-set as PENDING before counting and set to ADMITTED
 * after: a retried INCREASE finds ADMITTED and does not count again, a concurrent one waits for the decision, and a
 * DECREASE counts down only when it removed an ADMITTED marker, so counters never go below zero and never count a UE
 * twice. A PENDING marker names its owner (this NSACF instance and the request) and is a lease
 * ({@link NsacfProperties#pendingLease()}): an admission that died with its process holds the marker that long at most,
 * then the UE's retry takes it over and is decided; an owner still alive that finds its marker taken over (it was
 * slower than its lease) takes its count back and the other request's decision stands. A process killed between its
 * count and its decision leaves one place counted that no UE holds (the counters err on the refusing side). An INCREASE beyond the maximum is undone and answered as a failure
 * (EXCEED_MAX_UE_NUM / EXCEED_MAX_PDU_NUM). Any store failure during an INCREASE is a 503 problem: no admission without
 * a counted place (fail-closed).
 */
final class SliceAdmission {

    private static final Pattern SUPI = Pattern.compile("imsi-\\d{5,15}|nai-.+");
    private static final String PENDING = "PENDING ";
    private static final byte[] ADMITTED = "ADMITTED".getBytes(StandardCharsets.US_ASCII);
    private static final long PENDING_WAIT_MILLIS = 10;

    private final KeyValueStore store;
    private final NsacfProperties properties;
    /** This NSACF instance, in the PENDING markers it owns. */
    private final String instance = java.util.UUID.randomUUID().toString();
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    SliceAdmission(KeyValueStore store, NsacfProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** {@code nsacf-slice-availability-check}: admission, every operation taken as INCREASE. */
    SliceAdmissionResponse handleCheck(SliceAdmissionRequest request) {
        return handle(request, true);
    }

    /** {@code nsacf-update-counters}: every operation with its own updateFlag. */
    SliceAdmissionResponse handleUpdate(SliceAdmissionRequest request) {
        return handle(request, false);
    }

    private SliceAdmissionResponse handle(SliceAdmissionRequest request, boolean admission) {
        UeACRequestInfo ue = request.ueACRequestInfo();
        PduACRequestInfo pdu = request.pduACRequestInfo();
        if ((ue == null) == (pdu == null)) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "exactly one of ueACRequestInfo and pduACRequestInfo is required");
        }
        String supi = ue != null ? ue.supi() : pdu.supi();
        List<AcuOperationItem> ops = ue != null ? ue.acuOperationList() : pdu.acuOperationList();
        if (supi == null || !SUPI.matcher(supi).matches()) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "supi must be imsi-<digits> or nai-...: " + supi);
        }
        if (ops.isEmpty() || ops.stream().anyMatch(o -> o.snssai() == null)) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "acuOperationList with an snssai in every item is required");
        }
        if (pdu != null && (pdu.pduSessionId() == null || pdu.pduSessionId() < 1 || pdu.pduSessionId() > 15)) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "pduSessionId must be 1..15");
        }
        List<AcuFailureItem> failures = new ArrayList<>();
        List<AdmissionValue> values = new ArrayList<>();
        for (AcuOperationItem op : ops) {
            boolean increase = admission || !AcuOperationItem.DECREASE.equals(op.updateFlag());
            if (!admission && op.updateFlag() != null && !AcuOperationItem.INCREASE.equals(op.updateFlag())
                    && !AcuOperationItem.DECREASE.equals(op.updateFlag())) {
                throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "updateFlag must be INCREASE or DECREASE: " + op.updateFlag());
            }
            NsacfProperties.Slice slice = properties.of(op.snssai());
            Long max = ue != null ? slice.maxNumUes() : slice.maxNumPdus();
            String counter = (ue != null ? "nsacf/count/ue/" : "nsacf/count/pdu/") + key(op.snssai());
            String marker = ue != null ? "nsacf/ue/" + key(op.snssai()) + "/" + supi
                    : "nsacf/pdu/" + key(op.snssai()) + "/" + supi + "/" + pdu.pduSessionId();
            try {
                long now = increase ? countUp(marker, counter, max) : countDown(marker, counter);
                if (now < 0) {
                    failures.add(new AcuFailureItem(op.snssai(), ue != null ? AcuFailureItem.EXCEED_MAX_UE_NUM : AcuFailureItem.EXCEED_MAX_PDU_NUM,
                            pdu == null ? null : pdu.pduSessionId()));
                    values.add(new AdmissionValue(op.snssai(), ue != null ? max : null, ue != null ? null : max, current(counter)));
                } else {
                    values.add(new AdmissionValue(op.snssai(), ue != null ? max : null, ue != null ? null : max, now));
                }
            } catch (RuntimeException e) {
                if (e instanceof ProblemException p) {
                    throw p;
                }
                // Fail-closed (TS 23.502 4.2.11.2: no admission when it cannot be checked).
                throw new ProblemException(503, "Service Unavailable", "NF_CONGESTION_RISK",
                        "slice admission counters unavailable: " + e.getClass().getSimpleName());
            }
        }
        return new SliceAdmissionResponse(failures.isEmpty() ? Map.of() : Map.of(supi, failures),
                ue != null ? values : List.of(), pdu != null ? values : List.of());
    }

    /**
     * The count after admitting, or -1 when the maximum is reached (nothing counted then). The marker is first claimed
     * as PENDING by this request (a lease: {@link NsacfProperties#pendingLease()}) and becomes ADMITTED once counted; a
     * request for the same UE or session that finds it PENDING waits for that decision, for longer than the lease: a
     * marker whose owner died expires and is claimed by the waiting request.
     */
    private long countUp(String marker, String counter, Long max) {
        byte[] mine = (PENDING + instance + "/" + requests.incrementAndGet()).getBytes(StandardCharsets.US_ASCII);
        Duration lease = properties.pendingLease();
        long deadline = System.nanoTime() + lease.multipliedBy(2).toNanos();
        while (true) {
            if (store.compareAndSet(marker, null, mine, lease)) {
                long decided = decide(marker, mine, counter, max);
                if (decided != SUPERSEDED) {
                    return decided;
                }
                continue; // slower than the lease: the request that took the marker over decides
            }
            byte[] seen = store.get(marker).orElse(null);
            if (seen != null && Arrays.equals(seen, ADMITTED)) {
                return current(counter); // already counted: a retry (idempotent)
            }
            if (seen != null) {
                if (System.nanoTime() - deadline > 0) {
                    throw new StoreException("admission of " + marker + " still undecided by another request");
                }
                sleep(); // another request for the same UE / session is deciding
            }
        }
    }

    private static final long SUPERSEDED = Long.MIN_VALUE;

    /** Counts under the claimed marker: the count, -1 over the maximum, or {@link #SUPERSEDED} (our count taken back). */
    private long decide(String marker, byte[] mine, String counter, Long max) {
        long now;
        try {
            now = store.increment(counter, 1);
        } catch (RuntimeException e) {
            store.compareAndSet(marker, mine, null, null);
            throw e;
        }
        if (max != null && now > max) {
            store.increment(counter, -1);
            store.compareAndSet(marker, mine, null, null);
            return -1;
        }
        if (store.compareAndSet(marker, mine, ADMITTED, null) || store.compareAndSet(marker, null, ADMITTED, null)) {
            return now; // decided within the lease, or after it with nobody else deciding meanwhile: we counted, it is ours
        }
        store.increment(counter, -1); // another request took the marker over and counts for itself
        return SUPERSEDED;
    }

    private long countDown(String marker, String counter) {
        if (!store.compareAndSet(marker, ADMITTED, null, null)) {
            return current(counter); // not counted (or already counted down, or not yet decided)
        }
        long now = store.increment(counter, -1);
        if (now < 0) { // a counter reset under a live marker; never report or keep a negative count
            store.increment(counter, -now);
            return 0;
        }
        return now;
    }

    private static void sleep() {
        try {
            Thread.sleep(PENDING_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a pending admission", e);
        }
    }

    long current(String counter) {
        return store.get(counter).map(b -> Long.parseLong(new String(b, StandardCharsets.US_ASCII).trim())).orElse(0L);
    }

    static String key(Snssai s) {
        return s.toString();
    }
}
