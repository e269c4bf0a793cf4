package io.liquid5gc.store.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.resource.ClientResources;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.MarkedCount;
import io.liquid5gc.runtime.store.StoreException;
import io.liquid5gc.runtime.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state store on Redis, through one shared, thread-safe Lettuce connection used with the synchronous API
 * (Lettuce pipelines the commands of concurrent callers on it): one server, a master found through Sentinel, or a
 * Redis Cluster ({@link RedisMode}).
 *
 * <ul>
 *   <li>every key is written under the namespace of its purpose ({@code liquid5gc:state:}, {@code liquid5gc:registry:}),
 *       in cluster mode with a hash tag ({@link KeyLayout});
 *   <li>TTLs are {@code SET ... PX} milliseconds;
 *   <li>compare-and-set (and delete-on-null) is one Lua script on one key ({@link Scripts});
 *   <li>{@link #update} is the interface's optimistic loop over that script, the threads of this process taking
 *       turns per key first;
 *   <li>keys under an indexed prefix ({@code liquid5gc.store.redis.indexed-prefixes}, default {@code subscriber/}) are
 *       written together with their entry in a sorted set by one script, and {@link #scan} under such a prefix reads
 *       a range of it ({@link OrderedIndex}): a page costs the same at the millionth subscriber as at the first;
 *   <li>any other {@link #scan} walks the keyspace (of every master, in a cluster) with {@code SCAN MATCH} (the
 *       prefix's glob characters escaped), sorts and cuts to the limit, then reads the values with {@code MGET}: a
 *       pass over the whole database, for administration and the registry, not for the per-UE path;
 *   <li>{@link #increment} is {@code INCRBY} on the counter's one key (atomic in a cluster too), so counters keep
 *       their TTL;
 *   <li>{@link #countMarked} is one Lua script over a counter and its marker, which share their last '/' segment, so
 *       their hash tag: one slot.
 * </ul>
 * Lettuce failures (connection, timeout, server error) become {@link StoreException}s naming the server, the outages
 * among them {@link StoreUnavailableException}s. Every command waits at most {@code liquid5gc.store.redis.timeout}.
 * While the connection is down, commands fail at once (they are not queued for later); Lettuce reconnects in the
 * background (every 0.1 s doubling to 5 s, {@link RedisStoreFactory#newResources}) and the store works again as soon
 * as Redis (or the promoted replica) is back.
 */
public final class RedisKeyValueStore implements KeyValueStore {

    private static final Logger log = LoggerFactory.getLogger(RedisKeyValueStore.class);

    private static final byte[] ONE = {'1'};
    private static final byte[] ZERO = {'0'};
    private static final byte[] EMPTY = {};
    private static final int SCAN_COUNT = 1000;
    static final int MGET_BATCH = 500;

    /** The client when this store owns it (made by {@link #connect}), null when the factory does. */
    private final AbstractRedisClient client;
    /** In cluster mode, the client whose slot map a write that met MOVED reads again (owned or the factory's); else null. */
    private final io.lettuce.core.cluster.RedisClusterClient clusterClient;
    /** The client resources when this store made its own (no factory), shut down with it. */
    private final ClientResources ownResources;
    private final StatefulConnection<String, byte[]> connection;
    /** The cluster connection in cluster mode, else null. */
    private final StatefulRedisClusterConnection<String, byte[]> cluster;
    private final RedisClusterCommands<String, byte[]> redis;
    private final KeyLayout layout;
    private final String namespace;
    private final String where;
    private final Scripts scripts;
    private final OrderedIndex index;
    private final RedisSettingsCheck.Report settings;
    /** Turns for the updates of this process, by key hash. */
    private final ReentrantLock[] stripes = new ReentrantLock[256];
    /** Replicas that must have a write before it is acknowledged ({@code WAIT}); 0: none. */
    private final int replicaAcks;
    private final long replicaAckMillis;

    private RedisKeyValueStore(AbstractRedisClient client, io.lettuce.core.cluster.RedisClusterClient clusterClient,
                               ClientResources ownResources, RedisConnector.Link link,
                               KeyLayout layout, String where, RedisSettingsCheck.Report settings, RedisStoreProperties properties) {
        this.client = client;
        this.clusterClient = clusterClient;
        this.ownResources = ownResources;
        this.connection = link.connection();
        this.cluster = link.cluster();
        this.redis = link.commands();
        this.layout = layout;
        this.namespace = layout.namespace();
        this.where = where;
        this.scripts = new Scripts(redis);
        this.index = new OrderedIndex(redis, layout, scripts);
        this.settings = settings;
        this.replicaAcks = properties.replicaAcks();
        this.replicaAckMillis = Math.max(1, properties.timeout().toMillis() / 2); // within the command timeout
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Connects with its own client resources. */
    public static RedisKeyValueStore connect(RedisStoreProperties properties, String purpose) {
        return connect(properties, purpose, null);
    }

    /**
     * Connects, checks the server's settings (when enabled) and returns the store.
     *
     * @param resources shared Lettuce resources (event loops), or null for the store's own
     * @throws StoreException naming the URL (never the password) when the server cannot be reached or refuses us
     */
    public static RedisKeyValueStore connect(RedisStoreProperties properties, String purpose, ClientResources resources) {
        ClientResources own = resources == null ? RedisStoreFactory.newResources() : null;
        AbstractRedisClient client;
        try {
            client = newClient(properties, resources == null ? own : resources);
        } catch (RuntimeException e) {
            if (own != null) {
                own.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
            }
            throw e;
        }
        try {
            return open(client, own, true, properties, purpose);
        } catch (RuntimeException e) {
            shutdown(client, own);
            throw e;
        }
    }

    /** A Lettuce client with this store's options (connect timeout, commands refused while disconnected). */
    static AbstractRedisClient newClient(RedisStoreProperties properties, ClientResources resources) {
        return RedisConnector.newClient(properties, resources);
    }

    /**
     * Opens a connection on {@code client} (kept by the caller when this fails, for the next attempt: shutting a
     * client down right after a failed connect makes Netty log an ERROR per attempt while Redis is away).
     *
     * @param ownsClient whether {@link #close()} shuts the client (and {@code ownResources}) down
     */
    static RedisKeyValueStore open(AbstractRedisClient client, ClientResources ownResources, boolean ownsClient,
                                   RedisStoreProperties properties, String purpose) {
        String where = properties.where();
        KeyLayout layout = new KeyLayout(properties.keyPrefix(), purpose, properties.mode() == RedisMode.CLUSTER,
                properties.indexedPrefixes());
        RedisConnector.Link link;
        try {
            link = RedisConnector.connect(client, properties);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            String message = "cannot connect to Redis at " + where + ": " + rootMessage(e);
            // a server that answered and refused us (WRONGPASS, NOAUTH) will not change its mind: fail at once;
            // no answer at all, or a server still loading its data, is worth waiting for (StoreConnection)
            throw refusedByServer(e) ? new StoreException(message, e) : new StoreUnavailableException(message, e);
        }
        try {
            RedisSettingsCheck.Report report = properties.checkSettings()
                    ? RedisSettingsCheck.checkAndLog(link.commands(), where)
                    : null;
            RedisKeyValueStore store = new RedisKeyValueStore(ownsClient ? client : null,
                    client instanceof io.lettuce.core.cluster.RedisClusterClient c ? c : null, ownResources, link, layout, where, report, properties);
            store.index.buildMissing(store::call);
            log.info("Redis store for {} at {} under '{}'", purpose, where, store.namespace);
            return store;
        } catch (RuntimeException e) {
            link.connection().close();
            if (e instanceof StoreException se) {
                throw se;
            }
            String message = "Redis at " + where + ": " + rootMessage(e);
            throw refusedByServer(e) ? new StoreException(message, e) : new StoreUnavailableException(message, e);
        }
    }

    /** What the connect-time settings check found (null when the check is disabled). */
    public RedisSettingsCheck.Report settings() {
        return settings;
    }

    /** The prefix of every key this store writes. */
    public String namespace() {
        return namespace;
    }

    @Override
    public Optional<byte[]> get(String key) {
        String k = layout.redisKey(key);
        return call("GET", key, () -> Optional.ofNullable(redis.get(k)));
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        long px = ttlMillis(ttl);
        String k = layout.redisKey(key);
        String indexed = layout.indexOf(key);
        if (indexed != null) {
            String[] keys = {k, layout.indexKey(indexed, layout.shardOf(key))};
            call("SET", key, () -> Scripts.run(writer(k), scripts.setIndexed, keys, utf8(key), value, ascii(px)));
        } else {
            // no defensive copy: the synchronous call has encoded the value before it returns
            call("SET", key, () -> px == 0 ? writer(k).set(k, value) : writer(k).set(k, value, SetArgs.Builder.px(px)));
        }
        replicated("SET", key, k);
    }

    @Override
    public boolean compareAndSet(String key, byte[] expected, byte[] value, Duration ttl) {
        long px = ttlMillis(ttl);
        String k = layout.redisKey(key);
        String indexed = layout.indexOf(key);
        String[] keys = indexed == null ? new String[] {k} : new String[] {k, layout.indexKey(indexed, layout.shardOf(key))};
        byte[][] args = {
                expected == null ? ONE : ZERO,
                expected == null ? EMPTY : expected,
                value == null ? ONE : ZERO,
                value == null ? EMPTY : value,
                ascii(px),
                indexed == null ? EMPTY : utf8(key)};
        Long swapped = call("compare-and-set", key, () -> Scripts.run(writer(k), scripts.cas, keys, args));
        boolean done = swapped != null && swapped == 1L;
        if (done) {
            replicated("compare-and-set", key, k);
        }
        return done;
    }

    /**
     * The interface's optimistic loop over {@link #compareAndSet}, after the threads of this process updating the same
     * key have taken turns (a striped lock): only other processes can make it retry, so a hot key in one process
     * never exhausts the attempts.
     */
    @Override
    public Optional<byte[]> update(String key, UnaryOperator<Optional<byte[]>> function, Duration ttl) {
        ReentrantLock turn = stripes[(key.hashCode() & 0x7fffffff) % stripes.length];
        turn.lock();
        try {
            return KeyValueStore.super.update(key, function, ttl);
        } finally {
            turn.unlock();
        }
    }

    @Override
    public boolean delete(String key) {
        String k = layout.redisKey(key);
        String indexed = layout.indexOf(key);
        Long n = indexed == null
                ? call("DEL", key, () -> writer(k).del(k))
                : call("DEL", key, () -> Scripts.run(writer(k), scripts.delIndexed,
                        new String[] {k, layout.indexKey(indexed, layout.shardOf(key))}, utf8(key)));
        if (n != null && n > 0) {
            replicated("DEL", key, k);
            return true;
        }
        return false;
    }

    @Override
    public SortedMap<String, byte[]> scan(String prefix, int limit) {
        if (limit <= 0) {
            return new TreeMap<>();
        }
        if (layout.indexOf(prefix) != null) {
            return index.scan(prefix, limit, this::call);
        }
        // all matching keys, sorted, cut to the limit: SCAN returns them in hash order
        TreeSet<String> keys = new TreeSet<>();
        walkKeys(redis, layout, layout.scanPattern(prefix), prefix, this::call, k -> {
            if (k.startsWith(prefix)) {
                keys.add(k);
                if (keys.size() > limit) {
                    keys.pollLast();
                }
            }
        });
        return mgetValues(redis, layout, new ArrayList<>(keys), prefix, this::call);
    }

    /**
     * Every store key whose Redis key matches {@code pattern}, from every master in a cluster (Lettuce's cluster SCAN
     * goes node by node).
     */
    static void walkKeys(RedisClusterCommands<String, byte[]> redis, KeyLayout layout, String pattern, String what,
                         Caller caller, Consumer<String> each) {
        ScanArgs args = ScanArgs.Builder.matches(pattern.getBytes(StandardCharsets.UTF_8)).limit(SCAN_COUNT);
        caller.call("SCAN", what, () -> {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, args);
                for (String k : page.getKeys()) {
                    String key = layout.storeKey(k);
                    if (key != null) {
                        each.accept(key);
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());
            return null;
        });
    }

    /** The values of store keys by MGET (split by slot in a cluster), the keys gone since they were listed left out. */
    static SortedMap<String, byte[]> mgetValues(RedisClusterCommands<String, byte[]> redis, KeyLayout layout, List<String> keys,
                                                String what, Caller caller) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (int from = 0; from < keys.size(); from += MGET_BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + MGET_BATCH));
            String[] full = batch.stream().map(layout::redisKey).toArray(String[]::new);
            List<KeyValue<String, byte[]>> got = caller.call("MGET", what, () -> redis.mget(full));
            for (int i = 0; i < got.size(); i++) {
                KeyValue<String, byte[]> kv = got.get(i);
                if (kv.hasValue()) {
                    out.put(batch.get(i), kv.getValue());
                }
            }
        }
        return out;
    }

    /** Byte order of the UTF-8 forms: the order of ZRANGEBYLEX. */
    static int compareKeys(String a, String b) {
        return java.util.Arrays.compareUnsigned(utf8(a), utf8(b));
    }

    @Override
    public long increment(String key, long delta) {
        String k = layout.redisKey(key);
        String indexed = layout.indexOf(key);
        Long n = indexed == null
                ? call("INCRBY", key, () -> writer(k).incrby(k, delta))
                : call("INCRBY", key, () -> Scripts.run(writer(k), scripts.incrIndexed,
                        new String[] {k, layout.indexKey(indexed, layout.shardOf(key))}, utf8(key), ascii(delta)));
        replicated("INCRBY", key, k);
        return n;
    }

    /**
     * One script over the counter and its marker ({@link Scripts#COUNT_MARKED}). The two keys must share their last '/'
     * segment (their hash tag in a cluster: one slot) and be under no indexed prefix, in every mode, so a pair that works
     * on one server also works on a cluster.
     */
    @Override
    public MarkedCount countMarked(String counter, long delta, Long limit, String marker, byte[] expected, byte[] value) {
        int c0 = counter.lastIndexOf('/') + 1;
        int m0 = marker.lastIndexOf('/') + 1;
        boolean oneSlot = counter.length() - c0 == marker.length() - m0 && counter.regionMatches(c0, marker, m0, counter.length() - c0);
        if (!oneSlot || layout.indexOf(counter) != null || layout.indexOf(marker) != null) {
            throw new StoreException("marked count of " + counter + " with " + marker + ": the two keys must end in the"
                    + " same '/' segment (one Redis Cluster slot) and be under no indexed prefix");
        }
        String c = layout.redisKey(counter);
        String m = layout.redisKey(marker);
        byte[][] args = {
                ascii(delta),
                limit == null ? EMPTY : ascii(limit),
                expected == null ? ONE : ZERO,
                expected == null ? EMPTY : expected,
                value == null ? ONE : ZERO,
                value == null ? EMPTY : value};
        Long reply = call("marked count", counter, () -> Scripts.run(writer(c), scripts.countMarked, new String[] {c, m}, args));
        MarkedCount.Outcome outcome = switch ((int) (reply & 3)) { // Scripts.COUNT_MARKED: count * 4 + outcome
            case 0 -> MarkedCount.Outcome.COUNTED;
            case 1 -> MarkedCount.Outcome.MARKER_DIFFERS;
            case 2 -> MarkedCount.Outcome.OVER_LIMIT;
            default -> throw new StoreException("marked count of " + counter + ": the script answered " + reply);
        };
        MarkedCount result = new MarkedCount(outcome, reply >> 2);
        if (result.counted()) {
            replicated("marked count", counter, c);
        }
        return result;
    }

    /**
     * With {@code liquid5gc.store.redis.replica-acks} N &gt; 0: {@code WAIT N} on the connection that carried the write
     * (in a cluster, that of the master of the key's slot), so the write is on N replicas before it is acknowledged.
     * A write not copied in time is a {@link StoreUnavailableException}: it is on the master, maybe not for long.
     */
    /**
     * The commands a write of {@code redisKey} goes through: the store's own, except in a cluster with replica-acks,
     * where it is the connection to the master of the key's slot that the {@code WAIT} then goes to. Redis counts the
     * replicas that have the last write <em>of the connection</em> WAIT is sent on: Lettuce routes a keyed command over
     * another connection to the same node than {@code getConnection(nodeId)} gives, so a WAIT there (no write of its own)
     * was answered at once by every connected replica, a frozen one too (RedisReplicaAcksTest, when run alone).
     */
    private RedisClusterCommands<String, byte[]> writer(String redisKey) {
        return cluster != null && replicaAcks > 0 ? masterConnection(redisKey) : redis;
    }

    private io.lettuce.core.api.sync.RedisCommands<String, byte[]> masterConnection(String redisKey) {
        RedisClusterNode master = cluster.getPartitions().getMasterBySlot(io.lettuce.core.cluster.SlotHash.getSlot(redisKey));
        if (master == null) {
            throw new StoreUnavailableException("no master for the slot of " + redisKey + " at " + where, null);
        }
        return cluster.getConnection(master.getNodeId()).sync();
    }

    private void replicated(String op, String key, String redisKey) {
        if (replicaAcks == 0) {
            return;
        }
        Long acked = call("WAIT", key, () -> {
            if (cluster == null) {
                return redis.waitForReplication(replicaAcks, replicaAckMillis);
            }
            return masterConnection(redisKey).waitForReplication(replicaAcks, replicaAckMillis);
        });
        if (acked == null || acked < replicaAcks) {
            throw new StoreUnavailableException(op + " " + key + ": written on the master at " + where + " but on " + acked
                    + " of " + replicaAcks + " replicas after " + replicaAckMillis + " ms (liquid5gc.store.redis.replica-acks)", null);
        }
    }

    @Override
    public String describe() {
        return where + " (keys " + namespace + "*)";
    }

    /**
     * PING; in a cluster, PING to every master of the slot map, so the store is reported unavailable while a slot has
     * no reachable master (before its replica is promoted), as the cluster itself refuses commands then.
     */
    @Override
    public void ping() {
        if (cluster == null) {
            call("PING", "", () -> redis.ping());
            return;
        }
        call("PING", "", () -> {
            for (RedisClusterNode node : cluster.getPartitions()) {
                if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.getSlots().isEmpty()) {
                    cluster.getConnection(node.getNodeId()).sync().ping();
                }
            }
            return null;
        });
    }

    /** What the connect-time layout is (for tests and operators: where a key lives). */
    String redisKeyOf(String key) {
        return layout.redisKey(key);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            if (client != null) {
                shutdown(client, ownResources);
            }
        }
    }

    static void shutdown(AbstractRedisClient client, ClientResources own) {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        if (own != null) {
            own.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    /** One command wrapped into the store's exceptions ({@link #call}). */
    @FunctionalInterface
    interface Caller {
        <T> T call(String op, String key, Supplier<T> command);
    }

    /** Escapes Redis glob characters ({@code * ? [ ] \}) so the text matches only itself in SCAN MATCH. */
    static String globEscape(String literal) {
        StringBuilder sb = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static long ttlMillis(Duration ttl) {
        if (ttl == null || ttl.isZero()) {
            return 0;
        }
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("negative ttl " + ttl);
        }
        long ms = ttl.toMillis();
        return ms == 0 ? 1 : ms; // a sub-millisecond TTL still expires, it does not become "forever"
    }

    /**
     * Runs one command; the message of a failure is only built when there is one. No answer (the connection is down,
     * which Lettuce reports at once, or the command timed out) and a server that is not serving yet (LOADING after a
     * restart, a replica without its master) are {@link StoreUnavailableException}s; other refusals are not.
     */
    <T> T call(String op, String key, Supplier<T> command) {
        try {
            return callOnce(op, key, command);
        } catch (StoreException e) {
            if (clusterClient == null || !(e.getCause() instanceof RedisCommandExecutionException x) || !String.valueOf(x.getMessage()).startsWith("MOVED")) {
                throw e;
            }
            // a write over the master's node connection (replica-acks) with a slot map older than a failover or a
            // resharding: the command did not run; the map is read again and the command goes to the slot's master now
            clusterClient.refreshPartitions();
            return callOnce(op, key, command);
        }
    }

    private <T> T callOnce(String op, String key, Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisCommandExecutionException e) {
            String what = key.isEmpty() ? op : op + " " + key;
            String msg = String.valueOf(e.getMessage());
            if (notServingYet(msg)) {
                throw new StoreUnavailableException(what + ": Redis " + where + " is not serving: " + msg, e);
            }
            if (msg.contains("overflow")) {
                throw new StoreException(what + ": the counter would overflow (" + msg + ") at Redis " + where, e);
            }
            if (msg.contains("not an integer")) {
                throw new StoreException(what + ": the value is not a counter (" + msg + ") at Redis " + where, e);
            }
            throw new StoreException(what + ": Redis " + where + " refused: " + msg, e);
        } catch (RedisException e) {
            // connection refused, closed or not there yet (REJECT_COMMANDS), command timeout: an outage
            throw new StoreUnavailableException((key.isEmpty() ? op : op + " " + key) + ": Redis " + where + " failed: "
                    + rootMessage(e), e);
        }
    }

    /**
     * Error replies of a server that will serve shortly: loading its data set, a replica without master, busy script, a
     * cluster with a slot not served (before a replica is promoted), a master just demoted by a failover (READONLY).
     */
    static boolean notServingYet(String message) {
        return message.startsWith("LOADING") || message.startsWith("MASTERDOWN") || message.startsWith("BUSY")
                || message.startsWith("TRYAGAIN") || message.startsWith("CLUSTERDOWN") || message.startsWith("READONLY");
    }

    private static boolean refusedByServer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.lettuce.core.RedisCommandExecutionException x) {
                return !notServingYet(String.valueOf(x.getMessage()));
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            sb.append(": ").append(t.getMessage());
        }
        return RedisStoreProperties.redact(sb.toString());
    }
}
