package io.liquid5gc.store.redis;

import io.liquid5gc.runtime.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Where a store key lives in Redis: the Redis key of a store key and back, and the keys of the ordered indexes.
 *
 * <p>Standalone and sentinel: {@code <namespace><key>} ({@code liquid5gc:state:amf/ue/17}), as ever.
 *
 * <p>Cluster: every key carries a hash tag (the part in braces, the only part Redis hashes to pick the slot), so that
 * keys that belong together are in one slot of one master:
 * <ul>
 *   <li>a key's tag is its last '/' segment, the identifier: {@code liquid5gc:state:amf/ue/{17}},
 *       {@code ...amf/sessions/{17}}, {@code ...amf/nas-security/{17}}, {@code ...proxy/ue/{17}} are one slot, so a
 *       UE's context, sessions, security context and N2 state (all keyed by its UE context id) live and fail over
 *       together; every compare-and-set is on one key, so it is always inside one slot;
 *   <li>a key under an indexed prefix (e.g. {@code subscriber/}) is tagged with its index shard:
 *       {@code liquid5gc:state:subscriber/{subscriber/#5}imsi-001010000000001}, in the slot of the index
 *       {@code liquid5gc:index:state:{subscriber/#5}}, so one Lua script writes the record and its index entry
 *       atomically. {@value #CLUSTER_INDEX_SHARDS} shards spread the subscribers over the masters; the shard is
 *       CRC32 of the key, so it never changes for a key.
 * </ul>
 * Keys written in standalone mode are therefore not found in cluster mode under the same names: moving a database
 * from one to the other means copying its keys through the store (docs/operations.md).
 */
final class KeyLayout {

    /** Index shards in cluster mode (fixed: the shard is part of the Redis key of every indexed key). */
    static final int CLUSTER_INDEX_SHARDS = 16;

    private final String namespace;
    private final String indexNamespace;
    private final boolean tagged;
    private final List<String> indexed;

    KeyLayout(String keyPrefix, String purpose, boolean tagged, List<String> indexedPrefixes) {
        this.namespace = keyPrefix + purpose + ":";
        this.indexNamespace = keyPrefix + "index:" + purpose + ":";
        this.tagged = tagged;
        this.indexed = List.copyOf(indexedPrefixes);
        for (String p : indexed) {
            for (String q : indexed) {
                if (p != q && q.startsWith(p)) {
                    throw new StoreException("liquid5gc.store.redis.indexed-prefixes: '" + q + "' is inside '" + p
                            + "'; a key must belong to one index");
                }
            }
            if (tagged && (p.indexOf('{') >= 0 || p.indexOf('}') >= 0)) {
                throw new StoreException("liquid5gc.store.redis.indexed-prefixes: '" + p + "' has a brace, which Redis"
                        + " Cluster reads as a hash tag");
            }
        }
        if (tagged && (keyPrefix.indexOf('{') >= 0 || keyPrefix.indexOf('}') >= 0)) {
            throw new StoreException("liquid5gc.store.redis.key-prefix '" + keyPrefix + "' has a brace, which Redis"
                    + " Cluster reads as a hash tag");
        }
    }

    String namespace() {
        return namespace;
    }

    boolean tagged() {
        return tagged;
    }

    List<String> indexedPrefixes() {
        return indexed;
    }

    /** The indexed prefix {@code key} is under, or null. */
    String indexOf(String key) {
        for (String p : indexed) {
            if (key.startsWith(p)) {
                return p;
            }
        }
        return null;
    }

    /** The Redis key of a store key. */
    String redisKey(String key) {
        if (!tagged) {
            return namespace + key;
        }
        String p = indexOf(key);
        if (p != null) {
            return namespace + p + "{" + shardTag(p, shardOf(key)) + "}" + key.substring(p.length());
        }
        int slash = key.lastIndexOf('/');
        return namespace + key.substring(0, slash + 1) + "{" + key.substring(slash + 1) + "}";
    }

    /** The store key of a Redis key of this layout, or null when it is not one. */
    String storeKey(String redisKey) {
        if (!redisKey.startsWith(namespace)) {
            return null;
        }
        String k = redisKey.substring(namespace.length());
        if (!tagged) {
            return k;
        }
        String p = indexOf(k);
        if (p != null) {
            int close = k.indexOf('}', p.length());
            return k.charAt(p.length()) == '{' && close > 0 ? p + k.substring(close + 1) : null;
        }
        int slash = k.lastIndexOf('/');
        if (k.length() < slash + 3 || k.charAt(slash + 1) != '{' || k.charAt(k.length() - 1) != '}') {
            return null;
        }
        return k.substring(0, slash + 1) + k.substring(slash + 2, k.length() - 1);
    }

    /** The SCAN MATCH pattern that finds every key starting with {@code prefix} (maybe more: filter by {@link #storeKey}). */
    String scanPattern(String prefix) {
        String literal = tagged ? prefix.substring(0, prefix.lastIndexOf('/') + 1) : prefix;
        return RedisKeyValueStore.globEscape(namespace + literal) + "*";
    }

    int shards() {
        return tagged ? CLUSTER_INDEX_SHARDS : 1;
    }

    int shardOf(String key) {
        if (!tagged) {
            return 0;
        }
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % CLUSTER_INDEX_SHARDS);
    }

    /** The sorted set indexing the keys under {@code prefix} that fall in {@code shard}. */
    String indexKey(String prefix, int shard) {
        return tagged ? indexNamespace + "{" + shardTag(prefix, shard) + "}" : indexNamespace + prefix;
    }

    /** Every shard of the index of {@code prefix}. */
    List<String> indexKeys(String prefix) {
        List<String> out = new ArrayList<>(shards());
        for (int s = 0; s < shards(); s++) {
            out.add(indexKey(prefix, s));
        }
        return out;
    }

    /** The key saying the index of {@code prefix} holds every key under it (written once it was built from a SCAN). */
    String builtMarker(String prefix) {
        return indexNamespace + "built:" + prefix;
    }

    private static String shardTag(String prefix, int shard) {
        return prefix + "#" + shard;
    }
}
