package io.liquid5gc.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.StaticCredentialsProvider;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.liquid5gc.runtime.store.KeyValueStore;
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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state store on Redis, through one shared, thread-safe Lettuce connection used with the synchronous API
 * (Lettuce pipelines the commands of concurrent callers on it).
 *
 * <ul>
 *   <li>every key is written under the namespace of its purpose ({@code liquid5gc:state:}, {@code liquid5gc:registry:});
 *   <li>TTLs are {@code SET ... PX} milliseconds;
 *   <li>compare-and-set (and delete-on-null) is one Lua script, run by {@code EVALSHA} and sent again with
 *       {@code EVAL} when the server answers NOSCRIPT (after a restart or SCRIPT FLUSH);
 *   <li>{@link #update} is the interface's optimistic loop over that script, the threads of this process taking
 *       turns per key first;
 *   <li>{@link #scan} walks the keyspace with {@code SCAN MATCH} (the prefix's glob characters escaped), sorts and
 *       cuts to the limit, then reads the values with {@code MGET}: it costs a pass over the whole database, so it
 *       is for administration and the registry, not for the per-UE path;
 *   <li>{@link #increment} is {@code INCRBY}, so counters keep their TTL.
 * </ul>
 * Lettuce failures (connection, timeout, server error) become {@link StoreException}s naming the server, the outages
 * among them {@link StoreUnavailableException}s. Every command waits at most {@code liquid5gc.store.redis.timeout}.
 * While the connection is down, commands fail at once (they are not queued for later); Lettuce reconnects in the
 * background (every 0.1 s doubling to 5 s, {@link RedisStoreFactory#newResources}) and the store works again as soon
 * as Redis is back.
 */
public final class RedisKeyValueStore implements KeyValueStore {

    private static final Logger log = LoggerFactory.getLogger(RedisKeyValueStore.class);

    /** KEYS[1]; ARGV: expectAbsent ("1"/"0"), expected, delete ("1"/"0"), value, ttl millis ("0" = none). */
    static final String CAS_SCRIPT = """
            local cur = redis.call('GET', KEYS[1])
            if ARGV[1] == '1' then
              if cur then return 0 end
            elseif cur ~= ARGV[2] then
              return 0
            end
            if ARGV[3] == '1' then
              redis.call('DEL', KEYS[1])
            elseif ARGV[5] ~= '0' then
              redis.call('SET', KEYS[1], ARGV[4], 'PX', ARGV[5])
            else
              redis.call('SET', KEYS[1], ARGV[4])
            end
            return 1
            """;

    private static final byte[] ONE = {'1'};
    private static final byte[] ZERO = {'0'};
    private static final byte[] EMPTY = {};
    private static final int SCAN_COUNT = 1000;
    private static final int MGET_BATCH = 500;

    /** The client when this store owns it (made by {@link #connect}), null when the factory does. */
    private final RedisClient client;
    /** The client resources when this store made its own (no factory), shut down with it. */
    private final ClientResources ownResources;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final RedisCommands<String, byte[]> redis;
    private final String namespace;
    private final String where;
    private final String casSha;
    private final RedisSettingsCheck.Report settings;
    /** Turns for the updates of this process, by key hash. */
    private final ReentrantLock[] stripes = new ReentrantLock[256];

    private RedisKeyValueStore(RedisClient client, ClientResources ownResources, StatefulRedisConnection<String, byte[]> connection,
                               String namespace, String where, RedisSettingsCheck.Report settings) {
        this.client = client;
        this.ownResources = ownResources;
        this.connection = connection;
        this.redis = connection.sync();
        this.namespace = namespace;
        this.where = where;
        this.casSha = redis.digest(CAS_SCRIPT);
        this.settings = settings;
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
        RedisClient client = newClient(properties, resources == null ? own : resources);
        try {
            return open(client, own, true, properties, purpose);
        } catch (RuntimeException e) {
            shutdown(client, own);
            throw e;
        }
    }

    /** A Lettuce client with this store's options (connect timeout, commands refused while disconnected). */
    static RedisClient newClient(RedisStoreProperties properties, ClientResources resources) {
        RedisClient client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(properties.timeout()).build())
                // while the connection is down (Lettuce reconnects in the background), fail at once instead of
                // queueing: a queued SET the caller already gave up on must not land later over newer state
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return client;
    }

    /**
     * Opens a connection on {@code client} (kept by the caller when this fails, for the next attempt: shutting a
     * client down right after a failed connect makes Netty log an ERROR per attempt while Redis is away).
     *
     * @param ownsClient whether {@link #close()} shuts the client (and {@code ownResources}) down
     */
    static RedisKeyValueStore open(RedisClient client, ClientResources ownResources, boolean ownsClient,
                                   RedisStoreProperties properties, String purpose) {
        String where = properties.redactedUrl();
        RedisURI uri;
        try {
            uri = RedisURI.create(properties.url());
        } catch (RuntimeException e) {
            throw new StoreException("invalid Redis URL " + where + " (liquid5gc.store.redis.url): "
                    + RedisStoreProperties.redact(String.valueOf(e.getMessage())));
        }
        if (properties.password() != null) {
            String user = null;
            if (uri.getCredentialsProvider() instanceof StaticCredentialsProvider fromUrl) {
                user = fromUrl.resolveCredentialsNow().getUsername(); // an ACL user named in the URL stays
            }
            uri.setCredentialsProvider(new StaticCredentialsProvider(user, properties.password().toCharArray()));
        }
        uri.setTimeout(properties.timeout());
        StatefulRedisConnection<String, byte[]> connection;
        try {
            connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri);
        } catch (RuntimeException e) {
            String message = "cannot connect to Redis at " + where + ": " + rootMessage(e);
            // a server that answered and refused us (WRONGPASS, NOAUTH) will not change its mind: fail at once;
            // no answer at all, or a server still loading its data, is worth waiting for (StoreConnection)
            throw refusedByServer(e) ? new StoreException(message, e) : new StoreUnavailableException(message, e);
        }
        try {
            RedisSettingsCheck.Report report = properties.checkSettings()
                    ? RedisSettingsCheck.checkAndLog(connection.sync(), where)
                    : null;
            RedisKeyValueStore store = new RedisKeyValueStore(ownsClient ? client : null, ownResources, connection,
                    properties.namespace(purpose), where, report);
            log.info("Redis store for {} at {} under '{}'", purpose, where, store.namespace);
            return store;
        } catch (RuntimeException e) {
            connection.close();
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
        return call("GET", key, () -> Optional.ofNullable(redis.get(namespace + key)));
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        long px = ttlMillis(ttl);
        // no defensive copy: the synchronous call has encoded the value before it returns
        call("SET", key, () -> px == 0 ? redis.set(namespace + key, value) : redis.set(namespace + key, value, SetArgs.Builder.px(px)));
    }

    @Override
    public boolean compareAndSet(String key, byte[] expected, byte[] value, Duration ttl) {
        long px = ttlMillis(ttl);
        String[] keys = {namespace + key};
        byte[][] args = {
                expected == null ? ONE : ZERO,
                expected == null ? EMPTY : expected,
                value == null ? ONE : ZERO,
                value == null ? EMPTY : value,
                Long.toString(px).getBytes(StandardCharsets.US_ASCII)};
        Long swapped = call("compare-and-set", key, () -> {
            try {
                return redis.<Long>evalsha(casSha, ScriptOutputType.INTEGER, keys, args);
            } catch (RedisNoScriptException e) {
                return redis.<Long>eval(CAS_SCRIPT, ScriptOutputType.INTEGER, keys, args);
            }
        });
        return swapped != null && swapped == 1L;
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
        Long n = call("DEL", key, () -> redis.del(namespace + key));
        return n != null && n > 0;
    }

    @Override
    public SortedMap<String, byte[]> scan(String prefix, int limit) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        if (limit <= 0) {
            return out;
        }
        String full = namespace + prefix;
        ScanArgs args = ScanArgs.Builder.matches(globEscape(full).concat("*").getBytes(StandardCharsets.UTF_8)).limit(SCAN_COUNT);
        // all matching keys, sorted, cut to the limit: SCAN returns them in hash order
        TreeSet<String> keys = new TreeSet<>();
        call("SCAN", prefix, () -> {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, args);
                for (String k : page.getKeys()) {
                    if (k.startsWith(full)) {
                        keys.add(k.substring(namespace.length()));
                        if (keys.size() > limit) {
                            keys.pollLast();
                        }
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());
            return null;
        });
        List<String> ordered = new ArrayList<>(keys);
        for (int from = 0; from < ordered.size(); from += MGET_BATCH) {
            List<String> batch = ordered.subList(from, Math.min(ordered.size(), from + MGET_BATCH));
            String[] full2 = batch.stream().map(k -> namespace + k).toArray(String[]::new);
            List<KeyValue<String, byte[]>> values = call("MGET", prefix, () -> redis.mget(full2));
            for (KeyValue<String, byte[]> kv : values) {
                if (kv.hasValue()) { // gone (deleted or expired) since SCAN saw it
                    out.put(kv.getKey().substring(namespace.length()), kv.getValue());
                }
            }
        }
        return out;
    }

    @Override
    public long increment(String key, long delta) {
        Long n = call("INCRBY", key, () -> redis.incrby(namespace + key, delta));
        return n;
    }

    @Override
    public String describe() {
        return where + " (keys " + namespace + "*)";
    }

    @Override
    public void ping() {
        call("PING", "", () -> redis.ping());
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

    static void shutdown(RedisClient client, ClientResources own) {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        if (own != null) {
            own.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        }
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
    private <T> T call(String op, String key, Supplier<T> command) {
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

    /** Error replies of a server that will serve shortly: loading its data set, a replica without master, busy script. */
    static boolean notServingYet(String message) {
        return message.startsWith("LOADING") || message.startsWith("MASTERDOWN") || message.startsWith("BUSY")
                || message.startsWith("TRYAGAIN") || message.startsWith("CLUSTERDOWN");
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
