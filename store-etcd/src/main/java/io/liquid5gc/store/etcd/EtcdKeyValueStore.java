package io.liquid5gc.store.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Lease;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.lease.LeaseGrantResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.MarkedCount;
import io.etcd.jetcd.common.exception.EtcdException;
import io.liquid5gc.runtime.store.StoreException;
import io.liquid5gc.runtime.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store on etcd v3 (jetcd), the NRF registry's home in a distributed deployment.
 *
 * <ul>
 *   <li>every key is written under the namespace of its purpose ({@code liquid5gc/registry/}, {@code liquid5gc/state/});
 *   <li>a TTL is a lease granted for that write: etcd leases are whole seconds, so the TTL is rounded UP to the
 *       next second, and the server raises it further to its minimum (1.5 x election timeout rounded up: 2 s with
 *       etcd's defaults). An entry may therefore live up to about a second longer than asked, never shorter;
 *   <li>compare-and-set is one transaction comparing the VALUE (or VERSION == 0 for "must be absent");
 *   <li>{@link #update} and {@link #increment} are optimistic loops comparing the MOD revision read, whose failed
 *       transaction returns the current entry (no second read); threads of one process take turns per key first
 *       (striped locks), so only other processes make them retry; an increment keeps the entry's lease (its TTL);
 *   <li>{@link #scan} is one range read, sorted by key server-side, with the limit applied server-side. etcd orders
 *       keys by their UTF-8 bytes, which equals Java's String order except for characters outside the BMP;
 *   <li>every call waits at most the configured timeout (a gRPC deadline as well as a local one) and every failure
 *       becomes a {@link StoreException} naming the endpoints, a {@link StoreUnavailableException} when etcd did not
 *       answer (the gRPC channel reconnects by itself: the store works again as soon as etcd is back).
 * </ul>
 */
public final class EtcdKeyValueStore implements KeyValueStore {

    private static final Logger log = LoggerFactory.getLogger(EtcdKeyValueStore.class);

    /** Attempts of an increment before giving up: counters are contended by design, unlike {@link #update}. */
    static final int MAX_INCREMENT_ATTEMPTS = 1_000;

    private final Client client;
    private final boolean ownsClient;
    private final KV kv;
    private final Lease leases;
    private final String namespace;
    private final byte[] namespaceBytes;
    private final String where;
    private final long timeoutMillis;
    private final AtomicBoolean minimumLeaseLogged = new AtomicBoolean();
    /** Turns for the read-modify-write operations of this process, by key hash. */
    private final ReentrantLock[] stripes = new ReentrantLock[256];

    private EtcdKeyValueStore(Client client, boolean ownsClient, EtcdStoreProperties properties, String purpose) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.kv = client.getKVClient();
        this.leases = client.getLeaseClient();
        this.namespace = properties.namespace(purpose);
        this.namespaceBytes = namespace.getBytes(StandardCharsets.UTF_8);
        this.where = properties.where();
        this.timeoutMillis = properties.timeout().toMillis();
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Connects with a client of its own, closed with the store. */
    public static EtcdKeyValueStore connect(EtcdStoreProperties properties, String purpose) {
        Client client = newClient(properties);
        try {
            return open(client, true, properties, purpose);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * A store on a shared client (left open by {@link #close()}); checks that etcd answers.
     *
     * @throws StoreException naming the endpoints when etcd does not answer within the timeout
     */
    static EtcdKeyValueStore open(Client client, boolean ownsClient, EtcdStoreProperties properties, String purpose) {
        EtcdKeyValueStore store = new EtcdKeyValueStore(client, ownsClient, properties, purpose);
        // no answer: the caller waits for etcd (StoreConnection); refused (authentication failed, permission denied):
        // a configuration error, thrown as such; either message names the endpoints
        store.await("connect", "", store.kv.get(store.key(""), GetOption.builder().isPrefix(true).withCountOnly(true).build()));
        log.info("etcd store for {} at {} under '{}'", purpose, store.where, store.namespace);
        return store;
    }

    /** A jetcd client with the properties' endpoints, credentials and a deadline on every unary call. Connects lazily. */
    static Client newClient(EtcdStoreProperties properties) {
        try {
            return buildClient(properties);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new StoreException("etcd " + properties.where() + ": invalid endpoints (liquid5gc.registry.etcd.endpoints): "
                    + e.getMessage(), e);
        }
    }

    private static Client buildClient(EtcdStoreProperties properties) {
        long deadline = properties.timeout().toMillis();
        ClientBuilder builder = Client.builder()
                .endpoints(properties.endpoints().toArray(String[]::new))
                .connectTimeout(properties.timeout())
                .retryMaxDuration(properties.timeout())
                .interceptor(new ClientInterceptor() {
                    @Override
                    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                        return next.newCall(method, method.getType() == MethodDescriptor.MethodType.UNARY && options.getDeadline() == null
                                ? options.withDeadlineAfter(deadline, TimeUnit.MILLISECONDS)
                                : options);
                    }
                });
        if (properties.user() != null) {
            builder.user(ByteSequence.from(properties.user(), StandardCharsets.UTF_8));
            builder.password(ByteSequence.from(properties.password() == null ? "" : properties.password(), StandardCharsets.UTF_8));
        }
        if (properties.endpoints().stream().anyMatch(e -> e.startsWith("https:"))) {
            try {
                builder.sslContext(ssl -> { }); // the JVM's default trust store
            } catch (javax.net.ssl.SSLException e) {
                throw new StoreException("etcd " + properties.where() + ": cannot set up TLS: " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    /** The prefix of every key this store writes. */
    public String namespace() {
        return namespace;
    }

    @Override
    public Optional<byte[]> get(String key) {
        GetResponse r = await("get", key, kv.get(key(key)));
        return r.getKvs().isEmpty() ? Optional.empty() : Optional.of(r.getKvs().getFirst().getValue().getBytes());
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        long lease = lease(key, ttl);
        await("put", key, kv.put(key(key), ByteSequence.from(value), putOption(lease)));
    }

    @Override
    public boolean compareAndSet(String key, byte[] expected, byte[] value, Duration ttl) {
        ByteSequence k = key(key);
        Cmp cmp = expected == null
                ? new Cmp(k, Cmp.Op.EQUAL, CmpTarget.version(0))
                : new Cmp(k, Cmp.Op.EQUAL, CmpTarget.value(ByteSequence.from(expected)));
        long lease = value == null ? 0 : lease(key, ttl);
        Op write = value == null
                ? Op.delete(k, DeleteOption.DEFAULT)
                : Op.put(k, ByteSequence.from(value), putOption(lease));
        boolean swapped = await("compare-and-set", key, kv.txn().If(cmp).Then(write).commit()).isSucceeded();
        if (!swapped && lease != 0) {
            leases.revoke(lease); // nothing was attached to it; let it go now rather than at expiry
        }
        return swapped;
    }

    /**
     * Optimistic on the MOD revision (no value comparison, no ABA); a lost race re-reads in the same round trip.
     * Threads of this process updating the same key take turns first (a striped lock), so the optimistic loop only
     * races other processes and a raft commit is never spent on a collision that could be seen locally.
     */
    @Override
    public Optional<byte[]> update(String key, UnaryOperator<Optional<byte[]>> function, Duration ttl) {
        ReentrantLock turn = stripe(key);
        turn.lock();
        try {
            return updateOptimistically(key, function, ttl);
        } finally {
            turn.unlock();
        }
    }

    private Optional<byte[]> updateOptimistically(String key, UnaryOperator<Optional<byte[]>> function, Duration ttl) {
        ByteSequence k = key(key);
        KeyValue current = first(await("update", key, kv.get(k)));
        for (int attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
            Optional<byte[]> next = function.apply(current == null ? Optional.empty() : Optional.of(current.getValue().getBytes()));
            if (next.isEmpty() && current == null) {
                return next; // nothing there, nothing to write
            }
            long lease = next.isPresent() ? lease(key, ttl) : 0;
            Op write = next.isPresent() ? Op.put(k, ByteSequence.from(next.get()), putOption(lease)) : Op.delete(k, DeleteOption.DEFAULT);
            TxnResponse r = await("update", key, kv.txn().If(unchanged(k, current)).Then(write).Else(Op.get(k, GetOption.DEFAULT)).commit());
            if (r.isSucceeded()) {
                return next;
            }
            if (lease != 0) {
                leases.revoke(lease);
            }
            current = first(r.getGetResponses().getFirst());
            backOff(attempt);
        }
        throw new StoreException("update of " + key + " still contended after " + MAX_UPDATE_ATTEMPTS + " attempts (etcd " + where + ")");
    }

    @Override
    public boolean delete(String key) {
        return await("delete", key, kv.delete(key(key))).getDeleted() > 0;
    }

    @Override
    public SortedMap<String, byte[]> scan(String prefix, int limit) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        if (limit <= 0) {
            return out;
        }
        GetOption range = GetOption.builder().isPrefix(true)
                .withSortField(GetOption.SortTarget.KEY).withSortOrder(GetOption.SortOrder.ASCEND)
                .withLimit(limit).build();
        for (KeyValue e : await("scan", prefix, kv.get(key(prefix), range)).getKvs()) {
            byte[] full = e.getKey().getBytes();
            out.put(new String(full, namespaceBytes.length, full.length - namespaceBytes.length, StandardCharsets.UTF_8),
                    e.getValue().getBytes());
        }
        return out;
    }

    @Override
    public long increment(String key, long delta) {
        ReentrantLock turn = stripe(key);
        turn.lock();
        try {
            return incrementOptimistically(key, delta);
        } finally {
            turn.unlock();
        }
    }

    private long incrementOptimistically(String key, long delta) {
        ByteSequence k = key(key);
        KeyValue current = first(await("increment", key, kv.get(k)));
        for (int attempt = 0; attempt < MAX_INCREMENT_ATTEMPTS; attempt++) {
            long base = current == null ? 0 : parseCounter(key, current.getValue().getBytes());
            long next;
            try {
                next = Math.addExact(base, delta);
            } catch (ArithmeticException e) {
                throw new StoreException("increment of " + key + " by " + delta + " overflows (" + base + ")");
            }
            // the counter keeps its lease, as INCRBY keeps a TTL
            PutOption keep = current == null || current.getLease() == 0 ? PutOption.DEFAULT : putOption(current.getLease());
            TxnResponse r;
            try {
                r = await("increment", key, kv.txn().If(unchanged(k, current))
                        .Then(Op.put(k, ByteSequence.from(Long.toString(next), StandardCharsets.US_ASCII), keep))
                        .Else(Op.get(k, GetOption.DEFAULT)).commit());
            } catch (StoreException e) {
                if (current != null && current.getLease() != 0 && String.valueOf(e.getMessage()).contains("lease not found")) {
                    current = first(await("increment", key, kv.get(k))); // expired under us: start from what is there now
                    continue;
                }
                throw e;
            }
            if (r.isSucceeded()) {
                return next;
            }
            current = first(r.getGetResponses().getFirst());
            backOff(attempt);
        }
        throw new StoreException("increment of " + key + " still contended after " + MAX_INCREMENT_ATTEMPTS + " attempts (etcd " + where + ")");
    }

    /**
     * One transaction comparing the MOD revisions of both keys as read (absent: version 0) and writing both, or, when
     * either changed, returning both again in the same round trip; the threads of this process take turns on the
     * counter first. The counter keeps its lease; the marker has none.
     */
    @Override
    public MarkedCount countMarked(String counter, long delta, Long limit, String marker, byte[] expected, byte[] value) {
        ReentrantLock turn = stripe(counter);
        turn.lock();
        try {
            ByteSequence c = key(counter);
            ByteSequence m = key(marker);
            TxnResponse read = await("marked count", counter, kv.txn().Then(Op.get(c, GetOption.DEFAULT), Op.get(m, GetOption.DEFAULT)).commit());
            KeyValue count = first(read.getGetResponses().get(0));
            KeyValue mark = first(read.getGetResponses().get(1));
            for (int attempt = 0; attempt < MAX_INCREMENT_ATTEMPTS; attempt++) {
                long base = count == null ? 0 : parseCounter(counter, count.getValue().getBytes());
                boolean matches = expected == null ? mark == null : mark != null && Arrays.equals(mark.getValue().getBytes(), expected);
                if (!matches) {
                    return new MarkedCount(MarkedCount.Outcome.MARKER_DIFFERS, base);
                }
                long next = Math.max(0, Math.addExact(base, delta));
                if (delta > 0 && limit != null && next > limit) {
                    return new MarkedCount(MarkedCount.Outcome.OVER_LIMIT, base);
                }
                PutOption keep = count == null || count.getLease() == 0 ? PutOption.DEFAULT : putOption(count.getLease());
                Op writeMarker = value == null ? Op.delete(m, DeleteOption.DEFAULT) : Op.put(m, ByteSequence.from(value), PutOption.DEFAULT);
                TxnResponse r = await("marked count", counter, kv.txn().If(unchanged(c, count), unchanged(m, mark))
                        .Then(Op.put(c, ByteSequence.from(Long.toString(next), StandardCharsets.US_ASCII), keep), writeMarker)
                        .Else(Op.get(c, GetOption.DEFAULT), Op.get(m, GetOption.DEFAULT)).commit());
                if (r.isSucceeded()) {
                    return new MarkedCount(MarkedCount.Outcome.COUNTED, next);
                }
                count = first(r.getGetResponses().get(0));
                mark = first(r.getGetResponses().get(1));
                backOff(attempt);
            }
            throw new StoreException("marked count of " + counter + " still contended after " + MAX_INCREMENT_ATTEMPTS + " attempts (etcd " + where + ")");
        } finally {
            turn.unlock();
        }
    }

    @Override
    public String describe() {
        return "etcd " + where + " (keys " + namespace + "*)";
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    // ---- helpers ----

    private ReentrantLock stripe(String key) {
        return stripes[(key.hashCode() & 0x7fffffff) % stripes.length];
    }

    private ByteSequence key(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] full = Arrays.copyOf(namespaceBytes, namespaceBytes.length + k.length);
        System.arraycopy(k, 0, full, namespaceBytes.length, k.length);
        return ByteSequence.from(full);
    }

    private static Cmp unchanged(ByteSequence k, KeyValue current) {
        return current == null
                ? new Cmp(k, Cmp.Op.EQUAL, CmpTarget.version(0))
                : new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(current.getModRevision()));
    }

    private static KeyValue first(GetResponse r) {
        return r.getKvs().isEmpty() ? null : r.getKvs().getFirst();
    }

    private static PutOption putOption(long lease) {
        return lease == 0 ? PutOption.DEFAULT : PutOption.builder().withLeaseId(lease).build();
    }

    /** A lease for one write, or 0 for "no TTL". */
    private long lease(String key, Duration ttl) {
        long seconds = leaseSeconds(ttl);
        if (seconds == 0) {
            return 0;
        }
        LeaseGrantResponse granted = await("lease for", key, leases.grant(seconds));
        if (granted.getTTL() > seconds && minimumLeaseLogged.compareAndSet(false, true)) {
            log.info("etcd {} granted a {} s lease for a TTL of {}: its minimum lease TTL (1.5 x election timeout) applies;"
                    + " shorter TTLs last {} s", where, granted.getTTL(), ttl, granted.getTTL());
        }
        return granted.getID();
    }

    /** A TTL in etcd's whole lease seconds, rounded up (1 ms becomes 1 s); 0 when there is no TTL. */
    static long leaseSeconds(Duration ttl) {
        if (ttl == null || ttl.isZero()) {
            return 0;
        }
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("negative ttl " + ttl);
        }
        long seconds = ttl.getSeconds();
        return ttl.getNano() > 0 ? seconds + 1 : seconds;
    }

    static long parseCounter(String key, byte[] value) {
        try {
            return Long.parseLong(new String(value, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new StoreException("key " + key + " holds a value that is not a counter");
        }
    }

    private static void backOff(int attempt) {
        if (attempt >= 2) { // spread the losers of a race so one of them wins the next round
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000, 200_000L * Math.min(attempt, 10)));
        }
    }

    @Override
    public void ping() {
        await("ping", "", kv.get(key(""), GetOption.builder().withCountOnly(true).build()));
    }

    /**
     * Waits for one call, at most the timeout; the message of a failure is only built when there is one. No answer
     * (the deadline, gRPC UNAVAILABLE and the like) is a {@link StoreUnavailableException}; a refusal (a lease not
     * found, authentication failed, permission denied) is not.
     */
    private <T> T await(String op, String key, CompletableFuture<T> call) {
        try {
            return call.get(timeoutMillis + 250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new StoreUnavailableException(what(op, key) + ": etcd " + where + " did not answer within " + timeoutMillis + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = what(op, key) + ": etcd " + where + " failed: " + messages(cause);
            throw isOutage(cause) ? new StoreUnavailableException(message, cause) : new StoreException(message, cause);
        } catch (CancellationException e) {
            throw new StoreUnavailableException(what(op, key) + ": etcd " + where + " call cancelled", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new StoreException(what(op, key) + ": interrupted waiting for etcd " + where, e);
        }
    }

    /** Whether a failed call means "etcd did not answer" (worth waiting for) rather than "etcd refused". */
    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String code = null;
            if (t instanceof EtcdException x) {
                code = x.getErrorCode().name();
            } else if (t instanceof io.grpc.StatusRuntimeException x) {
                code = x.getStatus().getCode().name();
            } else if (t instanceof io.grpc.StatusException x) {
                code = x.getStatus().getCode().name();
            } else if (t instanceof java.io.IOException || t instanceof TimeoutException
                    || t instanceof io.etcd.jetcd.common.exception.ClosedClientException) {
                return true;
            }
            if (code != null) {
                return switch (code) {
                    case "UNAVAILABLE", "DEADLINE_EXCEEDED", "CANCELLED", "ABORTED", "RESOURCE_EXHAUSTED" -> true;
                    case "UNKNOWN" -> t.getCause() != null && isOutage(t.getCause());
                    default -> false;
                };
            }
        }
        return false;
    }

    private static String what(String op, String key) {
        return key.isEmpty() ? op : op + " " + key;
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
                sb.append(": ").append(t.getMessage());
            }
        }
        return sb.toString();
    }
}
