package io.liquid5gc.r17.nsacf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.MarkedCount;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.nsacf.AcuFailureItem;
import io.liquid5gc.sbi.nsacf.AcuOperationItem;
import io.liquid5gc.sbi.nsacf.AdmissionValue;
import io.liquid5gc.sbi.nsacf.PduACRequestInfo;
import io.liquid5gc.sbi.nsacf.SliceAdmissionRequest;
import io.liquid5gc.sbi.nsacf.SliceAdmissionResponse;
import io.liquid5gc.sbi.nsacf.UeACRequestInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Network slice admission control (TS 23.502 4.2.11, TS 29.536 Nnsacf_NSAC): the number of UEs and of PDU sessions per
 * S-NSSAI. Counters are the store's counters ({@code nsacf/count/ue/<snssai>}, {@code nsacf/count/pdu/<snssai>}).
 * Each UE (per slice) and each PDU session carries a marker key ({@code nsacf/ue/<supi>/<snssai>},
 * {@code nsacf/pdu/<supi>/<id>/<snssai>}), written together with its count as one atomic store step
 * ({@link KeyValueStore#countMarked}: one Lua script over one Redis Cluster slot, one etcd transaction): an INCREASE
 * counts only when it writes the UE's ADMITTED marker and stays within the maximum, a retried INCREASE finds the
 * marker and does not count again, a DECREASE counts down only when it removes the marker, never below zero. So the
 * count is always the number of markers: a process killed anywhere in an admission leaves either both written or
 * neither, and the UE's retry is decided at once. An INCREASE beyond the maximum writes nothing and is answered as a
 * failure (EXCEED_MAX_UE_NUM / EXCEED_MAX_PDU_NUM). Any store failure during an INCREASE is a 503 problem: no
 * admission without a counted place (fail-closed). Markers of an earlier version are moved by {@link LegacyMarkers}.
 */
final class SliceAdmission {

    private static final Pattern SUPI = Pattern.compile("imsi-\\d{5,15}|nai-.+");
    static final byte[] ADMITTED = "ADMITTED".getBytes(StandardCharsets.US_ASCII);

    private final KeyValueStore store;
    private final NsacfProperties properties;
    private final LegacyMarkers legacy;

    SliceAdmission(KeyValueStore store, NsacfProperties properties) {
        this.store = store;
        this.properties = properties;
        this.legacy = new LegacyMarkers(store);
        store.onConnected("NSACF markers of an earlier version", legacy::migrate);
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
            String marker = ue != null ? ueMarker(supi, op.snssai()) : pduMarker(supi, pdu.pduSessionId(), op.snssai());
            try {
                // counted; or already counted (a retry) or not counted (a DECREASE of a UE never admitted): the count stands
                MarkedCount counted = increase ? store.countMarked(counter, 1, max, marker, null, ADMITTED)
                        : countDown(counter, marker, ue != null ? LegacyMarkers.ueKey(key(op.snssai()), supi)
                                : LegacyMarkers.pduKey(key(op.snssai()), supi, pdu.pduSessionId()));
                if (counted.outcome() == MarkedCount.Outcome.OVER_LIMIT) {
                    failures.add(new AcuFailureItem(op.snssai(), ue != null ? AcuFailureItem.EXCEED_MAX_UE_NUM : AcuFailureItem.EXCEED_MAX_PDU_NUM,
                            pdu == null ? null : pdu.pduSessionId()));
                }
                values.add(new AdmissionValue(op.snssai(), ue != null ? max : null, ue != null ? null : max, counted.count()));
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

    /** A DECREASE: the marker removed with the count; a UE admitted by an earlier version still under its old marker. */
    private MarkedCount countDown(String counter, String marker, String oldMarker) {
        MarkedCount counted = store.countMarked(counter, -1, null, marker, ADMITTED, null);
        return counted.counted() ? counted : legacy.countDown(counter, oldMarker).orElse(counted);
    }

    static String ueMarker(String supi, Snssai snssai) {
        return "nsacf/ue/" + supi + "/" + key(snssai);
    }

    static String pduMarker(String supi, int pduSessionId, Snssai snssai) {
        return "nsacf/pdu/" + supi + "/" + pduSessionId + "/" + key(snssai);
    }

    long current(String counter) {
        return store.get(counter).map(b -> Long.parseLong(new String(b, StandardCharsets.US_ASCII).trim())).orElse(0L);
    }

    static String key(Snssai s) {
        return s.toString();
    }
}
