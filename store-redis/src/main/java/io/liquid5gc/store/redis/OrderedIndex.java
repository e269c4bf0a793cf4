package io.liquid5gc.store.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered indexes of the keys under the indexed prefixes: one sorted set per prefix (per shard, in a cluster), all
 * scores 0 so the members (the store keys) are in byte order, written in the same Lua script as the key itself
 * ({@link Scripts}), so the index and the records cannot disagree (a key with a TTL that expired leaves an entry,
 * dropped when a scan meets it).
 *
 * <p>{@link #scan} of a prefix is {@code ZRANGEBYLEX <index> [<prefix> + LIMIT 0 <n>} on each shard, merged, then
 * {@code MGET} of the first {@code n}: O(log N + n) instead of a pass over the keyspace.
 *
 * <p>An index that was never built (a database written before the index existed) is built once from a SCAN when a
 * store connects; a marker key then says it is complete.
 */
final class OrderedIndex {

    private static final Logger log = LoggerFactory.getLogger(OrderedIndex.class);
    private static final int BUILD_BATCH = 500;
    /** Members read per shard and round of a scan. */
    static final int ROUND = 1000;

    private final RedisClusterCommands<String, byte[]> redis;
    private final KeyLayout layout;
    private final Scripts scripts;

    OrderedIndex(RedisClusterCommands<String, byte[]> redis, KeyLayout layout, Scripts scripts) {
        this.redis = redis;
        this.layout = layout;
        this.scripts = scripts;
    }

    /** Builds the index of each indexed prefix that has no completion marker yet (idempotent: two processes may). */
    void buildMissing(RedisKeyValueStore.Caller caller) {
        for (String prefix : layout.indexedPrefixes()) {
            String marker = layout.builtMarker(prefix);
            if (caller.call("GET", marker, () -> redis.get(marker)) != null) {
                continue;
            }
            long started = System.nanoTime();
            long[] added = {0};
            List<List<String>> pending = new ArrayList<>();
            for (int s = 0; s < layout.shards(); s++) {
                pending.add(new ArrayList<>());
            }
            RedisKeyValueStore.walkKeys(redis, layout, layout.scanPattern(prefix), prefix, caller, key -> {
                if (key.startsWith(prefix)) {
                    List<String> batch = pending.get(layout.shardOf(key));
                    batch.add(key);
                    if (batch.size() >= BUILD_BATCH) {
                        added[0] += reconcile(prefix, batch, caller);
                        batch.clear();
                    }
                }
            });
            for (List<String> batch : pending) {
                if (!batch.isEmpty()) {
                    added[0] += reconcile(prefix, batch, caller);
                }
            }
            caller.call("SET", marker, () -> redis.set(marker, "1".getBytes(StandardCharsets.US_ASCII)));
            log.info("ordered index of '{}{}' built from a SCAN: {} keys in {} ms", layout.namespace(), prefix, added[0],
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The first {@code limit} entries under {@code prefix} (inside one indexed prefix), in key order. */
    SortedMap<String, byte[]> scan(String prefix, int limit, RedisKeyValueStore.Caller caller) {
        String indexed = layout.indexOf(prefix);
        List<String> shards = layout.indexKeys(indexed);
        SortedMap<String, byte[]> out = new TreeMap<>();
        Range.Boundary<byte[]> from = Range.Boundary.including(prefix.getBytes(StandardCharsets.UTF_8));
        while (out.size() < limit) {
            int round = Math.min(limit - out.size(), ROUND); // a bounded read per round, whatever the limit
            PriorityQueue<String> merged = new PriorityQueue<>(RedisKeyValueStore::compareKeys);
            for (String shard : shards) {
                Range<byte[]> range = Range.from(from, Range.Boundary.unbounded());
                List<byte[]> members = caller.call("ZRANGEBYLEX", prefix,
                        () -> redis.zrangebylex(shard, range, Limit.create(0, round)));
                for (byte[] m : members) {
                    String key = new String(m, StandardCharsets.UTF_8);
                    if (!key.startsWith(prefix)) {
                        break; // past the prefix: members are in byte order
                    }
                    merged.add(key);
                }
            }
            List<String> page = new ArrayList<>(Math.min(round, merged.size()));
            while (page.size() < round && !merged.isEmpty()) {
                page.add(merged.poll());
            }
            if (page.isEmpty()) {
                break;
            }
            SortedMap<String, byte[]> got = storeValues(page, prefix, caller);
            out.putAll(got);
            for (String key : page) { // entries of keys that expired since: drop them
                if (!got.containsKey(key)) {
                    reconcile(indexed, List.of(key), caller);
                }
            }
            if (page.size() < round) {
                break; // fewer than asked under the prefix in every shard: no more
            }
            from = Range.Boundary.excluding(page.getLast().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private SortedMap<String, byte[]> storeValues(List<String> keys, String what, RedisKeyValueStore.Caller caller) {
        return RedisKeyValueStore.mgetValues(redis, layout, keys, what, caller);
    }

    /** Adds the keys that exist to their shard's index and drops those that do not (one shard per call). */
    private long reconcile(String prefix, List<String> keys, RedisKeyValueStore.Caller caller) {
        String[] redisKeys = new String[keys.size() + 1];
        byte[][] members = new byte[keys.size()][];
        redisKeys[0] = layout.indexKey(prefix, layout.shardOf(keys.getFirst()));
        for (int i = 0; i < keys.size(); i++) {
            redisKeys[i + 1] = layout.redisKey(keys.get(i));
            members[i] = keys.get(i).getBytes(StandardCharsets.UTF_8);
        }
        Long n = caller.call("index reconcile", prefix, () -> Scripts.run(redis, scripts.reconcile, redisKeys, members));
        return n == null ? 0 : n;
    }
}
