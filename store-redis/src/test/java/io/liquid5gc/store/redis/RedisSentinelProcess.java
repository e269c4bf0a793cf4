package io.liquid5gc.store.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A master, its replica and three Redis Sentinels on free loopback ports, for tests: the sentinels monitor the master
 * as {@value #MASTER_NAME} with a quorum of 2 and {@code down-after-milliseconds} {@value #DOWN_AFTER_MS}, so a killed
 * master is replaced by its replica a few seconds later.
 */
public final class RedisSentinelProcess implements AutoCloseable {

    public static final String MASTER_NAME = "liquid5gc";
    static final int DOWN_AFTER_MS = 1000;

    private final RedisServerProcess master;
    private final RedisServerProcess replica;
    private final List<RedisServerProcess> sentinels;

    private RedisSentinelProcess(RedisServerProcess master, RedisServerProcess replica, List<RedisServerProcess> sentinels) {
        this.master = master;
        this.replica = replica;
        this.sentinels = sentinels;
    }

    public static RedisSentinelProcess start() {
        RedisServerProcess master = RedisServerProcess.start();
        RedisServerProcess replica = null;
        List<RedisServerProcess> sentinels = new ArrayList<>();
        try {
            replica = RedisServerProcess.start("--replicaof", "127.0.0.1", Integer.toString(master.port()));
            RedisServerProcess r = replica;
            RedisClusterProcess.waitFor(() -> RedisClusterProcess.command(r.port(), "INFO", "replication")
                    .contains("master_link_status:up"), 60, "the replica in sync with its master");
            for (int i = 0; i < 3; i++) {
                Path conf = Files.createTempFile("liquid5gc-sentinel-", ".conf");
                Files.writeString(conf, String.join("\n",
                        "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 2",
                        "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER_MS,
                        "sentinel failover-timeout " + MASTER_NAME + " 10000",
                        "sentinel parallel-syncs " + MASTER_NAME + " 1", ""));
                conf.toFile().deleteOnExit();
                // redis-server <conf> --sentinel: the config file must come first and stay writable (sentinels rewrite it)
                sentinels.add(RedisServerProcess.startWithConfig(conf, "--sentinel"));
            }
            RedisSentinelProcess all = new RedisSentinelProcess(master, replica, sentinels);
            RedisClusterProcess.waitFor(() -> all.sentinels.stream().allMatch(s ->
                    RedisClusterProcess.command(s.port(), "SENTINEL", "REPLICAS", MASTER_NAME).contains(Integer.toString(r.port()))
                            && RedisClusterProcess.command(s.port(), "SENTINEL", "SENTINELS", MASTER_NAME).contains("name")),
                    60, "three sentinels that know the master, its replica and each other");
            return all;
        } catch (IOException | RuntimeException e) {
            sentinels.forEach(RedisServerProcess::close);
            if (replica != null) {
                replica.close();
            }
            master.close();
            throw new IllegalStateException("Sentinel setup did not start: " + e.getMessage(), e);
        }
    }

    public RedisServerProcess master() {
        return master;
    }

    public RedisServerProcess replica() {
        return replica;
    }

    /** {@code host:port} of the sentinels, for {@code liquid5gc.store.redis.nodes}. */
    public List<String> sentinels() {
        return sentinels.stream().map(s -> "127.0.0.1:" + s.port()).toList();
    }

    /** The port of the master the first sentinel names now. */
    public int currentMasterPort() {
        String reply = RedisClusterProcess.command(sentinels.getFirst().port(), "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
        String[] lines = reply.split("\r\n");
        return Integer.parseInt(lines[lines.length - 1].trim());
    }

    @Override
    public void close() {
        sentinels.forEach(RedisServerProcess::close);
        replica.close();
        master.close();
    }
}
