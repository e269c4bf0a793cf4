package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.security.Hex;
import io.liquid5gc.store.redis.RedisClusterProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The all-in-one core on a real Redis Cluster (3 masters, each with a replica, liquid5gc.store.redis.mode=cluster):
 * UEs register and open a PDU session through the whole chain, their state is spread over every master, and the
 * keys and bytes per UE are measured (MEMORY USAGE of every key on every master, and used_memory before and after),
 * written to target/redis-cluster-sizing.txt for docs/operations.md "Redis Cluster and Sentinel".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "liquid5gc.proxy.overload.enabled=false")
class AllInOneOnRedisClusterTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final io.liquid5gc.nas.ie.SNssai SLICE = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);
    private static final int UES = 200;
    private static final RedisClusterProcess CLUSTER = RedisClusterProcess.start(3, 1);

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("liquid5gc.store.type", () -> "redis");
        registry.add("liquid5gc.store.redis.mode", () -> "cluster");
        registry.add("liquid5gc.store.redis.nodes", CLUSTER::seedList);
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Autowired
    N2Server n2;

    @Autowired
    @Qualifier("stateStore")
    KeyValueStore store;

    @Test
    void whenUesRegisterAndOpenSessionsOnACluster_thenTheirStateIsOnEveryMasterAndItsSizeIsMeasured() throws Exception {
        assertThat(store.describe()).startsWith("redis-cluster ");
        RedisClusterClient client = RedisClusterClient.create(CLUSTER.seeds().stream()
                .map(s -> RedisURI.create("redis://" + s)).toList());
        try (StatefulRedisClusterConnection<String, String> raw = client.connect()) {
            Map<String, long[]> before = settled(() -> families(raw));
            long memoryBefore = settled(() -> usedMemory(raw));

            try (SimGnb gnb = new SimGnb("001", "01", 1, 0x51, List.of(new SNssai(1, 0x010203)))) {
                assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
                Semaphore inFlight = new Semaphore(50);
                List<CompletableFuture<Object[]>> all = new ArrayList<>();
                for (int i = 0; i < UES; i++) {
                    inFlight.acquire();
                    SimUe ue = new SimUe(i + 1, "001", "01", String.format("%010d", i + 1), K, OPC, List.of(SLICE));
                    all.add(ue.register(gnb).thenCompose(r -> r.registered()
                                    ? ue.establishSession(1, "internet", SLICE).thenApply(s -> new Object[] {r, s})
                                    : CompletableFuture.completedFuture(new Object[] {r, null}))
                            .orTimeout(120, TimeUnit.SECONDS).whenComplete((v, e) -> inFlight.release()));
                }
                Set<String> gutis = new HashSet<>();
                Set<String> addresses = new HashSet<>();
                for (CompletableFuture<Object[]> f : all) {
                    Object[] outcome = f.get(180, TimeUnit.SECONDS);
                    SimUe.Registration r = (SimUe.Registration) outcome[0];
                    assertThat(r.registered()).as("registered: cause %s", r.rejectCause()).isTrue();
                    SimUe.Session s = (SimUe.Session) outcome[1];
                    assertThat(s.established()).as("PDU session: %s", s.failure()).isTrue();
                    gutis.add(r.guti());
                    addresses.add(s.address());
                }
                assertThat(gutis).hasSize(UES);
                assertThat(addresses).hasSize(UES);

                // the state of the UEs is spread over the three masters, and the store lists it across them
                assertThat(store.scan("amf/ue/", 10 * UES)).hasSizeGreaterThanOrEqualTo(UES);
                Map<String, long[]> after = settled(() -> families(raw));
                long memoryAfter = settled(() -> usedMemory(raw));
                for (RedisClusterProcess.Node master : masters()) {
                    assertThat(node(raw, master).dbsize()).as("keys on " + master).isPositive();
                }
                writeSizing(before, after, memoryAfter - memoryBefore);
            }
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /**
     * The masters as the servers themselves say (INFO role), once the replication has settled: on a busy machine a node
     * can miss {@code cluster-node-timeout} of heart-beats while Spring starts and its replica take over, and the
     * client's cached partition view would then send MEMORY USAGE to a server that answers MOVED (CI, stop 30).
     */
    private static List<RedisClusterProcess.Node> masters() {
        CLUSTER.awaitSettled(3, 120);
        return CLUSTER.masters();
    }

    /** A measurement over every master, taken again if a master changed role while it was read (a MOVED reply). */
    private static <T> T settled(Supplier<T> measurement) {
        for (int attempt = 1; ; attempt++) {
            try {
                return measurement.get();
            } catch (RedisCommandExecutionException e) {
                if (attempt == 3 || e.getMessage() == null || !e.getMessage().startsWith("MOVED")) {
                    throw e;
                }
            }
        }
    }

    private static RedisCommands<String, String> node(StatefulRedisClusterConnection<String, String> raw, RedisClusterProcess.Node n) {
        return raw.getConnection("127.0.0.1", n.port()).sync();
    }

    /** used_memory less mem_replication_backlog (which fills up to repl-backlog-size once, whatever the UE count). */
    private static long usedMemory(StatefulRedisClusterConnection<String, String> raw) {
        long sum = 0;
        for (RedisClusterProcess.Node m : masters()) {
            for (String line : node(raw, m).info("memory").split("\r\n")) {
                if (line.startsWith("used_memory:")) {
                    sum += Long.parseLong(line.substring("used_memory:".length()).trim());
                }
                if (line.startsWith("mem_replication_backlog:")) {
                    sum -= Long.parseLong(line.substring("mem_replication_backlog:".length()).trim());
                }
            }
        }
        return sum;
    }

    /** Keys and MEMORY USAGE bytes per key family (the Redis key without its identifier), over every master. */
    private static Map<String, long[]> families(StatefulRedisClusterConnection<String, String> raw) {
        Map<String, long[]> out = new TreeMap<>();
        for (RedisClusterProcess.Node m : masters()) {
            RedisCommands<String, String> node = node(raw, m);
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = node.scan(cursor, ScanArgs.Builder.limit(1000));
                for (String key : page.getKeys()) {
                    Long bytes = node.memoryUsage(key);
                    long[] f = out.computeIfAbsent(family(key), k -> new long[2]);
                    f[0]++;
                    f[1] += bytes == null ? 0 : bytes;
                }
                cursor = page;
            } while (!cursor.isFinished());
        }
        return out;
    }

    /**
     * The key without its identifiers: the hash tag dropped (an index shard keeps its prefix) and every path segment
     * that is an identifier (digits, or a longer word with digits: a SUPI, a slice, an id; not "n4" or "ipv4") shown as '*'.
     */
    private static String family(String key) {
        int brace = key.indexOf('{');
        String untagged = key;
        if (brace >= 0) {
            String head = key.substring(0, brace);
            String tag = key.substring(brace + 1, key.indexOf('}', brace));
            int hash = tag.indexOf('#');
            untagged = hash >= 0 && head.endsWith(":") ? head + tag.substring(0, hash) : head;
        }
        int ns = untagged.lastIndexOf(':') + 1;
        StringBuilder sb = new StringBuilder(untagged.substring(0, ns));
        String[] segments = untagged.substring(ns).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean identifier = seg.matches("[0-9-]+") || (seg.matches(".*[0-9].*") && seg.length() > 4);
            sb.append(i == 0 ? "" : "/").append(identifier ? "*" : seg);
        }
        return sb.toString();
    }

    private static void writeSizing(Map<String, long[]> before, Map<String, long[]> after, long usedMemoryDelta) throws Exception {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Redis Cluster sizing: %d UEs registered with one PDU session each (all-in-one, 3 masters x 1 replica)%n", UES));
        sb.append(String.format("%-52s %8s %10s %8s%n", "key family", "keys", "bytes", "per UE"));
        long keysPerUe = 0;
        long bytesPerUe = 0;
        for (var e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long keys = e.getValue()[0] - b[0];
            long bytes = e.getValue()[1] - b[1];
            if (keys == 0 && bytes == 0) {
                continue;
            }
            sb.append(String.format("%-52s %8d %10d %8.1f%n", e.getKey(), keys, bytes, bytes / (double) UES));
            keysPerUe += keys;
            bytesPerUe += bytes;
        }
        sb.append(String.format("per UE: %.1f keys, %d bytes (MEMORY USAGE); used_memory (less the replication backlog) grew by %d bytes per UE on the masters%n",
                keysPerUe / (double) UES, bytesPerUe / UES, usedMemoryDelta / UES));
        sb.append("provisioned subscribers (before any UE registered):\n");
        for (var e : before.entrySet()) {
            sb.append(String.format("  %-50s %8d keys %10d bytes%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        System.out.print(sb);
        Path out = Path.of("target", "redis-cluster-sizing.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb.toString());
    }
}
