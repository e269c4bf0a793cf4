package io.liquid5gc.r17.nwdaf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.nwdaf.DataCollectRequest;
import io.liquid5gc.sbi.nwdaf.DataCollectResult;
import io.liquid5gc.sbi.nwdaf.EventNotification;
import io.liquid5gc.sbi.nwdaf.EventSubscription;
import io.liquid5gc.sbi.nwdaf.NfLoadLevelInformation;
import io.liquid5gc.sbi.nwdaf.NnwdafEventsSubscription;
import io.liquid5gc.sbi.nwdaf.NnwdafEventsSubscriptionNotification;
import io.liquid5gc.sbi.nwdaf.SliceLoadLevelInformation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * NF load and slice load analytics (TS 23.288 6.5 NF load, 6.3 slice load level; TS 29.520 Nnwdaf_EventsSubscription).
 * Subscriptions at {@code nwdaf/sub/<id>}; the latest loads at {@code nwdaf/load/nf/<NFTYPE>} and
 * {@code nwdaf/load/slice/<snssai>}. Data comes from {@code nwdaf-data-collect} (NFs report samples) and from the
 * function metrics of this process ({@code liquid5gc.function.invocations} per nf: the invocation rate between two
 * collections against {@code nf-capacity}). After each collection every subscription is evaluated: THRESHOLD events
 * notify when a load crosses the threshold upwards (once, again only after it fell below), PERIODIC events every
 * repetitionPeriod seconds. Time comes from the injected clock.
 */
final class Analytics {

    private static final Logger log = LoggerFactory.getLogger(Analytics.class);
    static final Set<String> EVENTS = Set.of("NF_LOAD", "SLICE_LOAD_LEVEL");
    static final Set<String> METHODS = Set.of("PERIODIC", "THRESHOLD");
    private static final int MAX_SUBSCRIPTIONS = 10_000;

    private final KeyValueStore store;
    private final ObjectMapper json;
    private final NwdafProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Notifier notifier;
    private final Map<String, Long> lastCounts = new HashMap<>();
    private Instant lastCollection;

    Analytics(KeyValueStore store, ObjectMapper json, NwdafProperties properties, Clock clock, MeterRegistry meters, Notifier notifier) {
        this.store = store;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.notifier = notifier;
    }

    /** Subscribe (TS 29.520 4.2.2.2). */
    NnwdafEventsSubscription handleSubscribe(NnwdafEventsSubscription s) {
        if (s.notificationUri() == null || s.eventSubscriptions().isEmpty()) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "notificationURI and eventSubscriptions are required");
        }
        try {
            URI uri = URI.create(s.notificationUri());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URI");
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "notificationURI: " + e.getMessage());
        }
        for (EventSubscription e : s.eventSubscriptions()) {
            if (!EVENTS.contains(e.event())) {
                throw new ProblemException(400, "Bad Request", "UNSUPPORTED_EVENT", "event must be one of " + EVENTS + ": " + e.event());
            }
            String method = e.notificationMethod() == null ? "THRESHOLD" : e.notificationMethod();
            if (!METHODS.contains(method)) {
                throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "notificationMethod must be one of " + METHODS);
            }
            if (method.equals("PERIODIC") && (e.repetitionPeriod() == null || e.repetitionPeriod() < 1)) {
                throw ProblemException.badRequest("MANDATORY_IE_MISSING", "PERIODIC needs repetitionPeriod >= 1 (seconds)");
            }
            if (method.equals("THRESHOLD") && (e.loadLevelThreshold() == null || e.loadLevelThreshold() < 0)) {
                throw ProblemException.badRequest("MANDATORY_IE_MISSING", "THRESHOLD needs loadLevelThreshold >= 0");
            }
        }
        NnwdafEventsSubscription stored = s.withId(UUID.randomUUID().toString());
        store.put(subKey(stored.subscriptionId()), json.writeValueAsBytes(stored));
        return stored;
    }

    /** Data collection (TS 23.288 6.2): samples reported, and (fromMetrics or an empty request) this process's metrics. */
    DataCollectResult handleCollect(DataCollectRequest r) {
        for (NfLoadLevelInformation n : r.nfLoadLevelInfos()) {
            if (n.nfType() == null || n.nfLoadLevelAverage() == null || n.nfLoadLevelAverage() < 0) {
                throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "nfLoadLevelInfos[] need nfType and nfLoadLevelAverage >= 0");
            }
            store.put(nfKey(n.nfType()), json.writeValueAsBytes(n));
        }
        for (SliceLoadLevelInformation s : r.sliceLoadLevelInfos()) {
            if (s.snssais().isEmpty() || s.loadLevelInformation() == null) {
                throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "sliceLoadLevelInfos[] need snssais and loadLevelInformation");
            }
            for (Snssai snssai : s.snssais()) {
                store.put(sliceKey(snssai), json.writeValueAsBytes(new SliceLoadLevelInformation(s.loadLevelInformation(), List.of(snssai))));
            }
        }
        boolean metrics = Boolean.TRUE.equals(r.fromMetrics()) || (r.nfLoadLevelInfos().isEmpty() && r.sliceLoadLevelInfos().isEmpty());
        if (metrics) {
            collectMetrics();
        }
        int queued = evaluate();
        return new DataCollectResult(nfLoads(), sliceLoads(), queued);
    }

    /** Periodic work: metrics collected and subscriptions evaluated (driven by the background ticker). */
    void tick() {
        try {
            collectMetrics();
            evaluate();
        } catch (RuntimeException e) {
            log.warn("NWDAF collection failed: {}", e.toString());
        }
    }

    private synchronized void collectMetrics() {
        Instant now = clock.instant();
        Map<String, Long> counts = new HashMap<>();
        for (Timer t : meters.find("liquid5gc.function.invocations").timers()) {
            String nf = t.getId().getTag("nf");
            if (nf != null) {
                counts.merge(nf.toUpperCase(Locale.ROOT), t.count(), Long::sum);
            }
        }
        double seconds = lastCollection == null ? 0 : Math.max(0.001, (now.toEpochMilli() - lastCollection.toEpochMilli()) / 1000.0);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            long before = lastCounts.getOrDefault(e.getKey(), 0L);
            if (lastCollection != null) {
                double rate = Math.max(0, e.getValue() - before) / seconds;
                int load = (int) Math.min(100, Math.round(rate * 100.0 / properties.nfCapacity()));
                store.put(nfKey(e.getKey()), json.writeValueAsBytes(new NfLoadLevelInformation(e.getKey(), null, load, rate)));
            }
        }
        lastCounts.putAll(counts);
        lastCollection = now;
    }

    /** Evaluates every subscription; returns the notifications queued. */
    int evaluate() {
        int queued = 0;
        Instant now = clock.instant();
        for (byte[] b : store.scan("nwdaf/sub/", MAX_SUBSCRIPTIONS).values()) {
            NnwdafEventsSubscription s = json.readValue(b, NnwdafEventsSubscription.class);
            List<EventNotification> events = new ArrayList<>();
            for (int i = 0; i < s.eventSubscriptions().size(); i++) {
                EventSubscription e = s.eventSubscriptions().get(i);
                EventNotification n = evaluate(s.subscriptionId(), i, e, now);
                if (n != null) {
                    events.add(n);
                }
            }
            if (!events.isEmpty()) {
                notifier.send(s.notificationUri(), new NnwdafEventsSubscriptionNotification(events, s.subscriptionId(), s.notifCorrId()));
                queued++;
            }
        }
        return queued;
    }

    private EventNotification evaluate(String id, int index, EventSubscription e, Instant now) {
        String stateKey = "nwdaf/state/" + id + "/" + index;
        boolean periodic = "PERIODIC".equals(e.notificationMethod());
        List<NfLoadLevelInformation> nf = List.of();
        SliceLoadLevelInformation slice = null;
        int level;
        if (e.event().equals("NF_LOAD")) {
            nf = nfLoads().stream().filter(n -> e.nfTypes().isEmpty() || e.nfTypes().contains(n.nfType())).toList();
            level = nf.stream().mapToInt(NfLoadLevelInformation::nfLoadLevelAverage).max().orElse(-1);
        } else {
            List<SliceLoadLevelInformation> slices = sliceLoads().stream()
                    .filter(s -> e.snssais().isEmpty() || e.snssais().contains(s.snssais().getFirst())).toList();
            SliceLoadLevelInformation top = slices.stream()
                    .max(java.util.Comparator.comparingInt(SliceLoadLevelInformation::loadLevelInformation)).orElse(null);
            level = top == null ? -1 : top.loadLevelInformation();
            slice = top == null ? null : new SliceLoadLevelInformation(top.loadLevelInformation(),
                    slices.stream().filter(s -> s.loadLevelInformation().equals(top.loadLevelInformation())).map(s -> s.snssais().getFirst()).toList());
        }
        if (level < 0) {
            return null; // nothing known yet
        }
        byte[] state = store.get(stateKey).orElse(null);
        if (periodic) {
            long last = state == null ? 0 : Long.parseLong(new String(state, StandardCharsets.US_ASCII));
            if (now.toEpochMilli() - last < e.repetitionPeriod() * 1000L) {
                return null;
            }
            byte[] next = Long.toString(now.toEpochMilli()).getBytes(StandardCharsets.US_ASCII);
            if (!store.compareAndSet(stateKey, state, next, null)) {
                return null; // another collector sent it
            }
        } else {
            boolean above = level >= e.loadLevelThreshold();
            boolean wasAbove = state != null && state[0] == 'A';
            if (above == wasAbove) {
                return null;
            }
            if (!store.compareAndSet(stateKey, state, (above ? "A" : "B").getBytes(StandardCharsets.US_ASCII), null) || !above) {
                return null; // crossing down: re-arm only
            }
        }
        return new EventNotification(e.event(), now, nf, slice);
    }

    List<NfLoadLevelInformation> nfLoads() {
        return store.scan("nwdaf/load/nf/", 1000).values().stream().map(b -> json.readValue(b, NfLoadLevelInformation.class)).toList();
    }

    List<SliceLoadLevelInformation> sliceLoads() {
        return store.scan("nwdaf/load/slice/", 1000).values().stream().map(b -> json.readValue(b, SliceLoadLevelInformation.class)).toList();
    }

    private static String subKey(String id) {
        return "nwdaf/sub/" + id;
    }

    private static String nfKey(String nfType) {
        return "nwdaf/load/nf/" + nfType;
    }

    private static String sliceKey(Snssai s) {
        return "nwdaf/load/slice/" + s;
    }
}
