package io.liquid5gc.runtime.metering;

import io.liquid5gc.runtime.store.KeyValueStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The usage ledger in the state store: for each bucket (its start in epoch seconds, 12 digits so keys sort by time),
 * tenant and function three atomic counters, {@code metering/usage/<bucket>/<tenant>/<function>#n} (invocations),
 * {@code #ns} (execution nanoseconds) and {@code #mbus} (configured MB x billed microseconds). Every process adds its
 * own usage with {@link KeyValueStore#increment}, so replicas and restarts add up.
 */
public final class UsageLedger {

    static final String PREFIX = "metering/usage/";
    /** At most this many buckets in one read (a year of hours). */
    static final int MAX_BUCKETS = 8_784;
    private static final int MAX_KEYS_PER_BUCKET = 100_000;

    private UsageLedger() {
    }

    /** One function's usage for one tenant in one bucket. */
    public record Usage(Instant bucketStart, String tenant, String function, long invocations, long executionNanos, long mbMicros) {

        /** GB-seconds: MB x microseconds / 1024 / 10^6. */
        public double gbSeconds() {
            return mbMicros / 1024.0 / 1e6;
        }
    }

    static void add(KeyValueStore store, TenantMeter.Slot s) {
        long n = s.invocations.sumThenReset();
        long ns = s.nanos.sumThenReset();
        long mbus = s.mbMicros.sumThenReset();
        if (n == 0 && ns == 0 && mbus == 0) {
            return;
        }
        String key = key(s.bucketStartMillis / 1000, s.tenant, s.function);
        try {
            store.increment(key + "#n", n);
            store.increment(key + "#ns", ns);
            store.increment(key + "#mbus", mbus);
        } catch (RuntimeException e) {
            // not lost: back into the slot, written at the next flush
            s.invocations.add(n);
            s.nanos.add(ns);
            s.mbMicros.add(mbus);
            throw e;
        }
    }

    static String key(long bucketEpochSecond, String tenant, String function) {
        return PREFIX + String.format("%012d", bucketEpochSecond) + "/" + tenant + "/" + function;
    }

    /** The usage in the buckets starting in [from, to), in time order. */
    public static List<Usage> read(KeyValueStore store, Instant from, Instant to, Duration bucket) {
        long step = bucket.toSeconds();
        long first = Math.floorDiv(from.getEpochSecond(), step) * step;
        if ((to.getEpochSecond() - first) / step > MAX_BUCKETS) {
            throw new IllegalArgumentException("at most " + MAX_BUCKETS + " ledger buckets of " + bucket + " in one report");
        }
        List<Usage> out = new ArrayList<>();
        for (long b = first; b < to.getEpochSecond(); b += step) {
            SortedMap<String, byte[]> keys = store.scan(PREFIX + String.format("%012d", b) + "/", MAX_KEYS_PER_BUCKET);
            Map<String, long[]> figures = new HashMap<>();
            for (Map.Entry<String, byte[]> e : keys.entrySet()) {
                String k = e.getKey();
                int hash = k.lastIndexOf('#');
                if (hash < 0) {
                    continue;
                }
                long[] f = figures.computeIfAbsent(k.substring(0, hash), x -> new long[3]);
                long v = Long.parseLong(new String(e.getValue(), StandardCharsets.US_ASCII).strip());
                switch (k.substring(hash + 1)) {
                    case "n" -> f[0] = v;
                    case "ns" -> f[1] = v;
                    case "mbus" -> f[2] = v;
                    default -> { }
                }
            }
            Instant start = Instant.ofEpochSecond(b);
            figures.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                String[] parts = e.getKey().substring(PREFIX.length()).split("/");
                out.add(new Usage(start, parts[1], parts[2], e.getValue()[0], e.getValue()[1], e.getValue()[2]));
            });
        }
        return out;
    }
}
