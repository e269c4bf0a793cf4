package io.liquid5gc.r17.nsacf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.MarkedCount;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NSACF's markers as written before a count and its marker became one atomic store step: keyed by the slice first
 * ({@code nsacf/ue/<snssai>/<supi>}, {@code nsacf/pdu/<snssai>/<supi>/<id>}), so in another Redis Cluster slot than
 * their counter. The first NSACF process to start after the upgrade moves every ADMITTED one to its new key
 * ({@link SliceAdmission#ueMarker}, {@link SliceAdmission#pduMarker}) and then writes {@value #DONE}; later processes
 * read that one key only. A marker still PENDING (an admission of the old version in flight, or dead) is left: it
 * expires with its lease. Until this process has seen the move done, a DECREASE that finds no marker under the new key
 * also looks under the old one, so a UE admitted before the upgrade that leaves before its marker is moved still frees
 * its place. A UE admitted again by the new version before its old marker is moved is counted twice for that moment;
 * the move then finds the new marker and takes the second count back.
 */
final class LegacyMarkers {

    private static final Logger log = LoggerFactory.getLogger(LegacyMarkers.class);

    /** Written once every old marker is moved. */
    static final String DONE = "nsacf/migrated/atomic-markers";
    private static final int PAGE = 2000;
    private static final byte[] ADMITTED = SliceAdmission.ADMITTED;

    private final KeyValueStore store;
    private volatile boolean done;

    LegacyMarkers(KeyValueStore store) {
        this.store = store;
    }

    /** The old key of a UE's marker. */
    static String ueKey(String snssai, String supi) {
        return "nsacf/ue/" + snssai + "/" + supi;
    }

    /** The old key of a PDU session's marker. */
    static String pduKey(String snssai, String supi, int pduSessionId) {
        return "nsacf/pdu/" + snssai + "/" + supi + "/" + pduSessionId;
    }

    boolean done() {
        return done;
    }

    /** Moves every old ADMITTED marker to its new key (once per deployment); a failure is logged and tried at the next start. */
    void migrate() {
        try {
            if (store.get(DONE).isPresent()) {
                done = true;
                return;
            }
            int moved = migrate("ue") + migrate("pdu");
            store.put(DONE, ("moved " + moved).getBytes(StandardCharsets.US_ASCII));
            done = true;
            if (moved > 0) {
                log.info("NSACF: moved {} admission markers of an earlier version to their new keys", moved);
            }
        } catch (RuntimeException e) {
            log.warn("NSACF: admission markers of an earlier version not moved yet ({}); a DECREASE also looks under their old keys until a start moves them", e.toString());
        }
    }

    /**
     * Old keys start with the S-NSSAI (a digit), new ones with the SUPI ("imsi-", "nai-"), so in key order every old
     * key of a kind comes first: pages are read until one holds a new key or is not full.
     */
    private int migrate(String kind) {
        String prefix = "nsacf/" + kind + "/";
        Set<String> skipped = new HashSet<>();
        int moved = 0;
        while (true) {
            int limit = PAGE + skipped.size();
            SortedMap<String, byte[]> page = store.scan(prefix, limit);
            boolean sawNew = false;
            for (Map.Entry<String, byte[]> e : page.entrySet()) {
                String rest = e.getKey().substring(prefix.length());
                if (rest.isEmpty() || !Character.isDigit(rest.charAt(0))) {
                    sawNew = true;
                    break;
                }
                if (skipped.contains(e.getKey())) {
                    continue;
                }
                if (Arrays.equals(e.getValue(), ADMITTED) && move(kind, e.getKey(), rest)) {
                    moved++;
                } else {
                    skipped.add(e.getKey());
                }
            }
            if (sawNew || page.size() < limit) {
                return moved;
            }
        }
    }

    private boolean move(String kind, String oldKey, String rest) {
        int first = rest.indexOf('/');
        if (first <= 0 || (!kind.equals("ue") && rest.lastIndexOf('/') == first)) {
            return false; // not <snssai>/<supi> (a UE) or <snssai>/<supi>/<id> (a PDU session)
        }
        String snssai = rest.substring(0, first);
        String tail = rest.substring(first + 1); // <supi> or <supi>/<id> (a NAI may hold a '/')
        String newKey;
        if (kind.equals("ue")) {
            newKey = "nsacf/ue/" + tail + "/" + snssai;
        } else {
            int slash = tail.lastIndexOf('/');
            newKey = "nsacf/pdu/" + tail.substring(0, slash) + "/" + tail.substring(slash + 1) + "/" + snssai;
        }
        String counter = "nsacf/count/" + kind + "/" + snssai;
        if (!store.compareAndSet(oldKey, ADMITTED, null, null)) {
            return false; // moved (or counted down) by another process meanwhile
        }
        MarkedCount marked = store.countMarked(counter, 0, null, newKey, null, ADMITTED);
        if (!marked.counted()) {
            countDownOnce(counter); // admitted again under the new key meanwhile: it was counted twice
        }
        return true;
    }

    /**
     * A DECREASE whose new marker was not there, while the move is not seen done: the old marker, removed with
     * compare-and-set, then counted down (two steps, as the earlier version did).
     */
    Optional<MarkedCount> countDown(String counter, String oldKey) {
        if (done || !store.compareAndSet(oldKey, ADMITTED, null, null)) {
            return Optional.empty();
        }
        return Optional.of(new MarkedCount(MarkedCount.Outcome.COUNTED, countDownOnce(counter)));
    }

    private long countDownOnce(String counter) {
        long now = store.increment(counter, -1);
        if (now < 0) { // a counter reset under a live marker: never keep a negative count
            store.increment(counter, -now);
            return 0;
        }
        return now;
    }
}
