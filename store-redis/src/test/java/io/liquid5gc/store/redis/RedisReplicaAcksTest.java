package io.liquid5gc.store.redis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.StoreUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code liquid5gc.store.redis.replica-acks}: a write is acknowledged once a replica has it ({@code WAIT} on the
 * connection that wrote it, in a cluster that of the key's master), and a write no replica takes in time fails. The
 * replica is frozen with SIGSTOP to make it miss the write.
 */
class RedisReplicaAcksTest {

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static void signal(long pid, String sig) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start();
        assertThat(p.waitFor()).as("kill -" + sig + " " + pid).isZero();
    }

    @Test
    void whenTheReplicaIsFrozen_thenAWriteFailsAndWhenItIsBackWritesAreAcknowledgedAgain() throws Exception {
        try (RedisServerProcess master = RedisServerProcess.start();
             RedisServerProcess replica = RedisServerProcess.start("--replicaof", "127.0.0.1", Integer.toString(master.port()))) {
            RedisClusterProcess.waitFor(() -> RedisClusterProcess.command(master.port(), "INFO", "replication")
                    .contains("state=online"), 60, "the replica online");
            try (KeyValueStore store = RedisKeyValueStore.connect(RedisStoreProperties.defaults().withUrl(master.url())
                    .withTimeout(Duration.ofSeconds(2)).withCheckSettings(false).withReplicaAcks(1), "state")) {
                store.put("amf/ue/1", b("v1"));
                assertThat(store.compareAndSet("amf/ue/1", b("v1"), b("v2"), null)).isTrue();
                assertThat(store.increment("amf/tmsi-counter", 1)).isEqualTo(1);
                signal(replica.pid(), "STOP");
                try {
                    assertThatThrownBy(() -> store.put("amf/ue/1", b("v3"))).isInstanceOf(StoreUnavailableException.class)
                            .hasMessageContaining("on 0 of 1 replicas").hasMessageContaining("liquid5gc.store.redis.replica-acks");
                } finally {
                    signal(replica.pid(), "CONT");
                }
                store.put("amf/ue/1", b("v4"));
                assertThat(store.get("amf/ue/1")).map(v -> new String(v, UTF_8)).contains("v4");
            }
        }
    }

    @Test
    void whenInACluster_thenTheWaitGoesToTheMasterOfTheKeysSlot() throws Exception {
        try (RedisClusterProcess cluster = RedisClusterProcess.start(3, 1);
             RedisStoreFactory factory = new RedisStoreFactory(RedisStoreProperties.defaults().withCluster(cluster.seeds()).withReplicaAcks(1));
             KeyValueStore store = factory.create("state")) {
            RedisKeyValueStore redis = (RedisKeyValueStore) store;
            for (int ue = 0; ue < 30; ue++) {
                store.put("amf/ue/" + ue, b("ctx"));
            }
            // which replica to freeze is read from the cluster: only once no failover is under way
            cluster.awaitSettled(3, 60);
            RedisClusterProcess.Node master = cluster.masterOf(redis.redisKeyOf("amf/ue/7"));
            RedisClusterProcess.Node replica = cluster.replicasOf(master).getFirst();
            String elsewhere = null;
            for (int ue = 0; ue < 30 && elsewhere == null; ue++) {
                if (cluster.masterOf(redis.redisKeyOf("amf/ue/" + ue)).port() != master.port()) {
                    elsewhere = "amf/ue/" + ue;
                }
            }
            signal(replica.pid(), "STOP");
            try {
                assertThatThrownBy(() -> store.put("amf/ue/7", b("v2"))).isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("on 0 of 1 replicas");
                store.put(elsewhere, b("v2")); // another master's replica has it: acknowledged
            } finally {
                signal(replica.pid(), "CONT");
            }
            store.put("amf/ue/7", b("v3"));
        }
    }

    @Test
    void whenTheKeysSlotMovedToAnotherMaster_thenAWriteWithReplicaAcksFollowsItInsteadOfFailingOnMoved() throws Exception {
        try (RedisClusterProcess cluster = RedisClusterProcess.start(3, 1);
             RedisStoreFactory factory = new RedisStoreFactory(RedisStoreProperties.defaults().withCluster(cluster.seeds()).withReplicaAcks(1));
             KeyValueStore store = factory.create("state")) {
            RedisKeyValueStore redis = (RedisKeyValueStore) store;
            store.put("amf/ue/7", b("v1")); // the client has the slot map now
            cluster.awaitSettled(3, 60);
            String redisKey = redis.redisKeyOf("amf/ue/7");
            RedisClusterProcess.Node from = cluster.masterOf(redisKey);
            RedisClusterProcess.Node to = cluster.masters().stream().filter(m -> m.port() != from.port()).findFirst().orElseThrow();
            String slot = from.command("CLUSTER", "KEYSLOT", redisKey).substring(1).trim();
            String fromId = bulk(from.command("CLUSTER", "MYID"));
            String toId = bulk(to.command("CLUSTER", "MYID"));
            // resharding one slot by hand (the Redis Cluster specification, "Cluster live reconfiguration")
            assertThat(to.command("CLUSTER", "SETSLOT", slot, "IMPORTING", fromId)).startsWith("+OK");
            assertThat(from.command("CLUSTER", "SETSLOT", slot, "MIGRATING", toId)).startsWith("+OK");
            List<String> keys = from.command("CLUSTER", "GETKEYSINSLOT", slot, "1000").lines()
                    .filter(l -> !l.startsWith("*") && !l.startsWith("$") && !l.isEmpty()).toList();
            assertThat(keys).contains(redisKey);
            List<String> migrate = new java.util.ArrayList<>(List.of("MIGRATE", "127.0.0.1", Integer.toString(to.port()), "", "0", "5000", "KEYS"));
            migrate.addAll(keys);
            assertThat(from.command(migrate.toArray(String[]::new))).startsWith("+OK");
            for (RedisClusterProcess.Node m : cluster.masters()) {
                assertThat(m.command("CLUSTER", "SETSLOT", slot, "NODE", toId)).startsWith("+OK");
            }

            // at once, before the client's periodic refresh: its map still names the old master, which answers MOVED
            store.put("amf/ue/7", b("v2"));
            assertThat(store.get("amf/ue/7")).hasValueSatisfying(v -> assertThat(new String(v, UTF_8)).isEqualTo("v2"));
            assertThat(cluster.masterOf(redisKey).port()).as("the slot's master now").isEqualTo(to.port());
        }
    }

    /** The text of a RESP bulk reply ("$40\r\n<id>\r\n"). */
    private static String bulk(String reply) {
        return reply.lines().skip(1).findFirst().orElseThrow().trim();
    }
}
