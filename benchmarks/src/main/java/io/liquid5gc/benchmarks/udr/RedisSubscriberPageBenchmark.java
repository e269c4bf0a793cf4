package io.liquid5gc.benchmarks.udr;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.udm.AccessAndMobilitySubscriptionData;
import io.liquid5gc.sbi.udm.Ambr;
import io.liquid5gc.sbi.udm.Nssai;
import io.liquid5gc.sbi.udr.AuthenticationSubscription;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.store.redis.RedisKeyValueStore;
import io.liquid5gc.store.redis.RedisStoreProperties;
import io.liquid5gc.udr.SubscriberRepository;
import io.liquid5gc.udr.keys.SubscriberKeyCipher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subscriber list's page ({@link SubscriberRepository#page}, what the console and {@code GET /provisioning/subscribers}
 * call) with a million subscribers in a real Redis, by store-redis's ordered index ({@code path=index}, the default
 * {@code liquid5gc.store.redis.indexed-prefixes=subscriber/}) and by the keyspace SCAN it replaces ({@code path=scan},
 * indexed-prefixes empty). The subscribers are made once as the UDR stores them (K and OPc encrypted) and loaded by
 * pipelining under the key prefix {@code bench-subscribers:}, with their index; a later run on the same Redis reuses
 * them. Needs a Redis at {@code $LIQUID5GC_BENCH_REDIS} (default {@code redis://127.0.0.1:6379}) with about 2 GB free:
 * <pre>
 * redis-server --port 6390 --save "" --appendonly no &amp;
 * LIQUID5GC_BENCH_REDIS=redis://127.0.0.1:6390 java -jar benchmarks/target/benchmarks.jar RedisSubscriberPageBenchmark \
 *     -p path=index -wi 2 -i 5 -w 2s -r 2s
 * LIQUID5GC_BENCH_REDIS=redis://127.0.0.1:6390 java -jar benchmarks/target/benchmarks.jar 'RedisSubscriberPageBenchmark.(first|middle)Page' \
 *     -p path=scan -wi 0 -i 2 -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class RedisSubscriberPageBenchmark {

    private static final String FIRST = "001010000000000";
    private static final String KEY_PREFIX = "bench-subscribers:";
    /** A fixed key-encryption key: the loaded subscribers outlive one benchmark JVM. Benchmark data only. */
    private static final byte[] KEK = Arrays.copyOf("liquid5gc-benchmark-kek-not-real".getBytes(StandardCharsets.US_ASCII), 32);

    @Param("1000000")
    public int subscribers;

    @Param("50")
    public int pageSize;

    @Param({"index", "scan"})
    public String path;

    private RedisKeyValueStore store;
    private SubscriberRepository repository;
    private String middle;

    @Setup
    public void setUp() throws Exception {
        String url = System.getenv().getOrDefault("LIQUID5GC_BENCH_REDIS", "redis://127.0.0.1:6379");
        RedisStoreProperties props = RedisStoreProperties.defaults().withUrl(url).withTimeout(Duration.ofSeconds(60))
                .withKeyPrefix(KEY_PREFIX).withCheckSettings(false);
        load(url, props);
        if (path.equals("scan")) {
            props = props.withIndexedPrefixes(List.of());
        }
        store = RedisKeyValueStore.connect(props, "state");
        repository = new SubscriberRepository(store, new JsonMapper(), new SubscriberKeyCipher(Map.of("bench-kek", KEK)));
        middle = "imsi-" + imsi(subscribers / 2);
    }

    @TearDown
    public void tearDown() {
        store.close();
    }

    /** The subscribers and their index, by pipelining, unless this Redis has them already. */
    private void load(String url, RedisStoreProperties props) throws Exception {
        String marker = KEY_PREFIX + "bench-loaded";
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, byte[]> c = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
            byte[] loaded = c.sync().get(marker);
            if (loaded != null && new String(loaded, StandardCharsets.US_ASCII).equals(Integer.toString(subscribers))) {
                return;
            }
            long t0 = System.nanoTime();
            InMemoryKeyValueStore memory = new InMemoryKeyValueStore(Clock.systemUTC());
            SubscriberRepository maker = new SubscriberRepository(memory, new JsonMapper(), new SubscriberKeyCipher(Map.of("bench-kek", KEK)));
            Snssai slice = new Snssai(1, "010203");
            for (int i = 0; i < subscribers; i++) {
                String supi = "imsi-" + imsi(i);
                AuthenticationSubscription auth = new AuthenticationSubscription(AuthenticationSubscription.METHOD_5G_AKA,
                        "465b5ce8b199b49faa5f0a2ee238a6bc", "none",
                        new AuthenticationSubscription.SequenceNumber(AuthenticationSubscription.SequenceNumber.NON_TIME_BASED, "000000000000", 5),
                        "8000", "milenage", "e8ed289deba952e4283b54e88e6183ca", supi);
                maker.create(new SubscriptionData(supi, auth,
                        new AccessAndMobilitySubscriptionData(List.of(), new Ambr("1 Gbps", "2 Gbps"), new Nssai(List.of(slice), List.of(slice))),
                        null, List.of()));
            }
            String ns = props.namespace("state");
            String index = props.keyPrefix() + "index:state:subscriber/";
            RedisAsyncCommands<String, byte[]> async = c.async();
            c.setAutoFlushCommands(false);
            List<RedisFuture<?>> pending = new ArrayList<>();
            int n = 0;
            for (var e : memory.scan(SubscriberRepository.KEY_PREFIX, Integer.MAX_VALUE).entrySet()) {
                pending.add(async.set(ns + e.getKey(), e.getValue()));
                pending.add(async.zadd(index, 0, e.getKey().getBytes(StandardCharsets.UTF_8)));
                if (++n % 5_000 == 0) {
                    c.flushCommands();
                    for (RedisFuture<?> f : pending) {
                        f.get(60, TimeUnit.SECONDS);
                    }
                    pending.clear();
                }
            }
            pending.add(async.set(props.keyPrefix() + "index:state:built:subscriber/", "1".getBytes(StandardCharsets.US_ASCII)));
            pending.add(async.set(marker, Integer.toString(subscribers).getBytes(StandardCharsets.US_ASCII)));
            c.flushCommands();
            for (RedisFuture<?> f : pending) {
                f.get(60, TimeUnit.SECONDS);
            }
            c.setAutoFlushCommands(true);
            System.out.printf("%nloaded %d subscribers (and their index) into %s in %d s%n", n, url,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static String imsi(int i) {
        String n = Long.toString(Long.parseLong(FIRST) + i);
        return "0".repeat(FIRST.length() - n.length()) + n;
    }

    @Benchmark
    public List<SubscriptionData> firstPage() {
        return repository.page("", null, pageSize + 1);
    }

    @Benchmark
    public List<SubscriptionData> middlePage() {
        return repository.page("", middle, pageSize + 1);
    }

    @Benchmark
    public List<SubscriptionData> prefixPage() {
        return repository.page("0010100007", "imsi-001010000712345", pageSize + 1);
    }
}
