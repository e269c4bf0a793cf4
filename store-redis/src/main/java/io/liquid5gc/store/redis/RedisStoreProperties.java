package io.liquid5gc.store.redis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Redis state store ({@code liquid5gc.store.redis.*}), used when {@code liquid5gc.store.type=redis} (or
 * {@code liquid5gc.registry.type=redis}).
 *
 * @param url            {@code redis://[[user]:password@]host[:port][/database]} or {@code rediss://...} for TLS;
 *                       default {@code redis://127.0.0.1:6379}
 * @param password       the password, when it is not in the URL (it wins over the URL's); never logged
 * @param timeout        how long to wait to connect and for each command; default 2 s
 * @param keyPrefix      the start of every key; the purpose follows, so the state store writes under
 *                       {@code liquid5gc:state:} and the registry under {@code liquid5gc:registry:}
 * @param checkSettings  whether to read the server's eviction and persistence settings at connect time and
 *                       warn about unsafe ones (default true)
 * @param mode           {@code standalone} (default: one server at {@code url}), {@code cluster} (Redis Cluster, seed
 *                       nodes in {@code nodes}) or {@code sentinel} (the sentinels in {@code nodes}, the master
 *                       {@code masterName})
 * @param nodes          {@code host:port} of the cluster's seed nodes or of the sentinels; empty (default) in
 *                       cluster mode: the host and port of {@code url}
 * @param masterName     the master the sentinels monitor (sentinel mode; required there)
 * @param indexedPrefixes key prefixes whose keys are also kept in an ordered index (a sorted set, updated in the same
 *                       script as the key), so that {@code scan} under them reads a range instead of walking the
 *                       keyspace; default {@code subscriber/} (the UDR's subscribers, paged by the console)
 * @param replicaAcks    replicas that must have each write before it is acknowledged ({@code WAIT}), so a master that
 *                       dies right after cannot take an acknowledged write with it; default 0 (asynchronous
 *                       replication, Redis's own); a write not copied within {@code timeout} fails as an outage
 */
@ConfigurationProperties("liquid5gc.store.redis")
public record RedisStoreProperties(@DefaultValue(DEFAULT_URL) String url, String password,
                                   @DefaultValue("2s") Duration timeout, @DefaultValue(DEFAULT_KEY_PREFIX) String keyPrefix,
                                   @DefaultValue("true") boolean checkSettings, @DefaultValue("standalone") RedisMode mode,
                                   List<String> nodes, String masterName,
                                   @DefaultValue("subscriber/") List<String> indexedPrefixes,
                                   @DefaultValue("0") int replicaAcks) {

    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    public static final String DEFAULT_KEY_PREFIX = "liquid5gc:";
    /** What a zero or negative {@code timeout} means. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^@/]*@");

    public static final List<String> DEFAULT_INDEXED_PREFIXES = List.of("subscriber/");

    @ConstructorBinding
    public RedisStoreProperties {
        Objects.requireNonNull(url, "liquid5gc.store.redis.url");
        Objects.requireNonNull(timeout, "liquid5gc.store.redis.timeout");
        Objects.requireNonNull(keyPrefix, "liquid5gc.store.redis.key-prefix");
        Objects.requireNonNull(mode, "liquid5gc.store.redis.mode");
        Objects.requireNonNull(indexedPrefixes, "liquid5gc.store.redis.indexed-prefixes");
        // a blank url, a non-positive timeout or a negative replica count keep meaning "the default", as before
        url = url.isBlank() ? DEFAULT_URL : url.trim();
        password = password == null || password.isEmpty() ? null : password; // null: no password
        timeout = timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
        nodes = nodes == null ? List.of() : nodes.stream().map(String::trim).filter(n -> !n.isEmpty()).toList();
        masterName = masterName == null || masterName.isBlank() ? null : masterName.trim(); // null: not configured
        indexedPrefixes = indexedPrefixes.stream().filter(p -> p != null && !p.isEmpty()).toList();
        replicaAcks = Math.max(0, replicaAcks);
    }

    /** The declared defaults (what binding no {@code liquid5gc.store.redis.*} property gives): a local Redis on 6379. */
    public static RedisStoreProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.store.redis", RedisStoreProperties.class);
    }

    /** The same settings with another password (null: none besides the URL's). */
    public RedisStoreProperties withPassword(String newPassword) {
        return new RedisStoreProperties(url, newPassword, timeout, keyPrefix, checkSettings, mode, nodes, masterName, indexedPrefixes, replicaAcks);
    }

    /** The same settings with another connect and command timeout. */
    public RedisStoreProperties withTimeout(Duration newTimeout) {
        return new RedisStoreProperties(url, password, newTimeout, keyPrefix, checkSettings, mode, nodes, masterName, indexedPrefixes, replicaAcks);
    }

    /** The same settings with the server's eviction and persistence settings checked at connect time, or not. */
    public RedisStoreProperties withCheckSettings(boolean check) {
        return new RedisStoreProperties(url, password, timeout, keyPrefix, check, mode, nodes, masterName, indexedPrefixes, replicaAcks);
    }

    /** The same settings against another URL. */
    public RedisStoreProperties withUrl(String newUrl) {
        return new RedisStoreProperties(newUrl, password, timeout, keyPrefix, checkSettings, mode, nodes, masterName, indexedPrefixes, replicaAcks);
    }

    /** The same settings against a Redis Cluster whose seed nodes are {@code seeds} ({@code host:port}). */
    public RedisStoreProperties withCluster(List<String> seeds) {
        return new RedisStoreProperties(url, password, timeout, keyPrefix, checkSettings, RedisMode.CLUSTER, seeds, masterName, indexedPrefixes, replicaAcks);
    }

    /** The same settings against the master {@code master} that the sentinels {@code sentinels} monitor. */
    public RedisStoreProperties withSentinels(List<String> sentinels, String master) {
        return new RedisStoreProperties(url, password, timeout, keyPrefix, checkSettings, RedisMode.SENTINEL, sentinels, master, indexedPrefixes, replicaAcks);
    }

    /** The same settings with {@code n} replicas acknowledging each write. */
    public RedisStoreProperties withReplicaAcks(int n) {
        return new RedisStoreProperties(url, password, timeout, keyPrefix, checkSettings, mode, nodes, masterName, indexedPrefixes, n);
    }

    /** The same settings with another key prefix. */
    public RedisStoreProperties withKeyPrefix(String prefix) {
        return new RedisStoreProperties(url, password, timeout, prefix, checkSettings, mode, nodes, masterName, indexedPrefixes, replicaAcks);
    }

    /** The same settings with other indexed prefixes (none: every scan walks the keyspace). */
    public RedisStoreProperties withIndexedPrefixes(List<String> prefixes) {
        return new RedisStoreProperties(url, password, timeout, keyPrefix, checkSettings, mode, nodes, masterName, prefixes, replicaAcks);
    }

    /** The URL with any user and password removed: the only form that goes into logs and messages. */
    public String redactedUrl() {
        return redact(url);
    }

    /** Where the store is, for logs and messages (never the password): the URL, or the mode and its nodes. */
    public String where() {
        return switch (mode) {
            case STANDALONE -> redactedUrl();
            case CLUSTER -> "redis-cluster " + (nodes.isEmpty() ? redactedUrl() : String.join(",", nodes));
            case SENTINEL -> "redis-sentinel " + String.join(",", nodes) + " master " + masterName;
        };
    }

    static String redact(String url) {
        return USER_INFO.matcher(url).replaceFirst("");
    }

    /** The namespace of one purpose: {@code liquid5gc:state:}, {@code liquid5gc:registry:}. */
    public String namespace(String purpose) {
        return keyPrefix + purpose + ":";
    }

    @Override
    public String toString() {
        return "RedisStoreProperties[url=" + redactedUrl() + ", password=" + (password == null ? "none" : "******")
                + ", timeout=" + timeout + ", keyPrefix=" + keyPrefix + ", checkSettings=" + checkSettings + ", mode=" + mode
                + ", nodes=" + nodes + ", masterName=" + masterName + ", indexedPrefixes=" + indexedPrefixes + ", replicaAcks=" + replicaAcks + "]";
    }
}
