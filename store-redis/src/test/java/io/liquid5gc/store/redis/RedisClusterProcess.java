package io.liquid5gc.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis Cluster for tests: {@code masters} redis-servers in cluster mode on free loopback ports, each with
 * {@code replicasPerMaster} replicas, joined by {@code redis-cli --cluster create ... --cluster-replicas N
 * --cluster-yes}, each server with AOF on and {@code maxmemory-policy noeviction} as production should run. Reusable by
 * other modules' tests through store-redis's test-jar:
 *
 * <pre>{@code
 * try (RedisClusterProcess cluster = RedisClusterProcess.start(3, 1)) {
 *     // liquid5gc.store.redis.mode=cluster, liquid5gc.store.redis.nodes=cluster.seeds()
 * }
 * }</pre>
 *
 * {@code cluster-node-timeout} is {@value #NODE_TIMEOUT_MS} ms, so a replica takes over a dead master a few seconds
 * after it died. Needs redis-server and redis-cli (Debian package redis-server, or {@code $LIQUID5GC_REDIS_SERVER} and
 * a redis-cli beside it); without them the calling test is skipped.
 */
public final class RedisClusterProcess implements AutoCloseable {

    static final int NODE_TIMEOUT_MS = 2000;

    /** One server of the cluster. */
    public static final class Node {
        private final int port;
        private final Path dir;
        private final List<String> command;
        private volatile Process process;

        Node(int port, Path dir, List<String> command) {
            this.port = port;
            this.dir = dir;
            this.command = command;
        }

        public int port() {
            return port;
        }

        public String address() {
            return "127.0.0.1:" + port;
        }

        public long pid() {
            Process p = process;
            return p == null ? -1 : p.pid();
        }

        public boolean running() {
            Process p = process;
            return p != null && p.isAlive();
        }

        /** kill -9: the server dies without a word to anyone, as a crashed host would. */
        public void kill() {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
                try {
                    p.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void launch() throws IOException {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile())).start();
        }

        /** Starts the killed server again with the same directory (it rejoins the cluster, as a replica once replaced). */
        public void restart() {
            try {
                launch();
            } catch (IOException e) {
                throw new IllegalStateException("redis-server on " + port + " did not restart: " + e.getMessage(), e);
            }
            waitFor(() -> RedisClusterProcess.command(port, "PING").startsWith("+PONG"), 30, "PONG from " + port);
        }

        /** The reply of one command (RESP, raw), or "" when the server does not answer. */
        public String command(String... args) {
            return RedisClusterProcess.command(port, args);
        }

        /** A field of INFO (e.g. {@code role}) or null. */
        public String info(String field) {
            for (String line : command("INFO").split("\r\n")) {
                if (line.startsWith(field + ":")) {
                    return line.substring(field.length() + 1).trim();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return "redis-server " + address();
        }
    }

    private final List<Node> nodes;
    private final Path root;

    private RedisClusterProcess(List<Node> nodes, Path root) {
        this.nodes = nodes;
        this.root = root;
    }

    private static RedisClusterProcess shared;

    /**
     * One 3x1 cluster for the test classes of this JVM that only read and write keys (each in its own namespace): started
     * on first use, ended when the JVM ends. Tests that stop, kill or reconfigure nodes start their own.
     */
    public static synchronized RedisClusterProcess shared() {
        if (shared == null) {
            RedisClusterProcess started = start(3, 1);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "redis-cluster-shared-stop"));
            shared = started;
        }
        return shared;
    }

    /** Starts the servers, creates the cluster, and waits until every node says {@code cluster_state:ok}. */
    public static RedisClusterProcess start(int masters, int replicasPerMaster) {
        Path server = RedisServerProcess.binary();
        Path cli = server.resolveSibling("redis-cli");
        Assumptions.assumeTrue(Files.isExecutable(cli), "no redis-cli beside " + server + " (Debian package redis-server)");
        Path root;
        try {
            root = Files.createTempDirectory("liquid5gc-redis-cluster-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Node> nodes = new ArrayList<>();
        RedisClusterProcess cluster = new RedisClusterProcess(nodes, root);
        Thread hook = new Thread(cluster::killAll, "redis-cluster-killer");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int total = masters * (1 + replicasPerMaster);
            for (int i = 0; i < total; i++) {
                nodes.add(startNode(server, root));
            }
            List<String> create = new ArrayList<>(List.of(cli.toString(), "--cluster", "create"));
            nodes.forEach(n -> create.add(n.address()));
            create.addAll(List.of("--cluster-replicas", Integer.toString(replicasPerMaster), "--cluster-yes"));
            Process p = new ProcessBuilder(create).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("redis-cli --cluster create failed: " + out);
            }
            cluster.awaitHealthy(masters, replicasPerMaster, 120);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw new IllegalStateException("Redis Cluster did not start: " + e.getMessage(), e);
        }
    }

    private static Node startNode(Path server, Path root) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = RedisServerProcess.freePort();
            if (port > 55535) { // the cluster bus listens on port + 10000
                continue;
            }
            Path dir = Files.createDirectories(root.resolve("node-" + port));
            List<String> cmd = List.of(server.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--protected-mode", "yes", "--daemonize", "no", "--dir", dir.toString(), "--logfile", "",
                    "--loglevel", "notice", "--save", "", "--appendonly", "yes", "--maxmemory-policy", "noeviction",
                    "--cluster-enabled", "yes", "--cluster-config-file", dir.resolve("nodes.conf").toString(),
                    "--cluster-node-timeout", Integer.toString(NODE_TIMEOUT_MS), "--repl-diskless-sync-delay", "0");
            Node node = new Node(port, dir, cmd);
            node.launch();
            try {
                waitFor(() -> {
                    if (!node.running()) { // e.g. its cluster bus port (port + 10000) was taken: try another port
                        throw new IllegalStateException("redis-server on " + port + " exited");
                    }
                    return command(port, "PING").startsWith("+PONG");
                }, 30, "PONG from " + port);
                return node;
            } catch (IllegalStateException e) {
                node.kill();
                last = new IOException(e.getMessage() + ": " + readLog(dir));
            }
        }
        throw last != null ? last : new IOException("no free port below 55536");
    }

    /** Waits until every live node reports {@code cluster_state:ok} and each master has its replicas online (synced). */
    public void awaitHealthy(int masters, int replicasPerMaster, int seconds) {
        waitFor(() -> {
            int upMasters = 0;
            for (Node n : nodes) {
                if (!n.running()) {
                    continue;
                }
                if (!n.command("CLUSTER", "INFO").contains("cluster_state:ok")) {
                    return false;
                }
                if ("master".equals(n.info("role"))) {
                    // a replica counts once its first sync is done (state=online): before that it could not take over
                    long online = n.command("INFO", "replication").lines().filter(l -> l.startsWith("slave") && l.contains("state=online")).count();
                    if (online < replicasPerMaster) {
                        return false;
                    }
                    upMasters++;
                }
            }
            return upMasters >= masters;
        }, seconds, "a healthy cluster of " + masters + " masters with " + replicasPerMaster + " replicas each");
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** The running masters that serve slots. */
    public List<Node> masters() {
        return nodes.stream().filter(Node::running).filter(n -> "master".equals(n.info("role"))).toList();
    }

    /**
     * Waits (up to {@code seconds}) until the replication is settled: {@code masters} masters, each with exactly one
     * replica online, every replica's link to its master up, the same on two reads a second apart (a busy machine can
     * make a node miss {@value #NODE_TIMEOUT_MS} ms of heart-beats and a replica take over while a test looks).
     */
    public void awaitSettled(int masters, int seconds) {
        waitFor(() -> settled(masters) && sleepOneSecond() && settled(masters), seconds, "the cluster's replication settled");
    }

    private boolean settled(int expectedMasters) {
        List<Node> ms = masters();
        return ms.size() == expectedMasters && ms.stream().allMatch(m -> "1".equals(m.info("connected_slaves"))
                && replicasOf(m).size() == 1 && "up".equals(replicasOf(m).getFirst().info("master_link_status")));
    }

    private static boolean sleepOneSecond() {
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The running replicas of {@code master}. */
    public List<Node> replicasOf(Node master) {
        return nodes.stream().filter(Node::running).filter(n -> "slave".equals(n.info("role")))
                .filter(n -> Integer.toString(master.port()).equals(n.info("master_port"))).toList();
    }

    /** The node whose {@code CLUSTER KEYSLOT} of {@code redisKey} it serves, as master. */
    public Node masterOf(String redisKey) {
        String reply = nodes.stream().filter(Node::running).findFirst().orElseThrow().command("CLUSTER", "KEYSLOT", redisKey);
        int slot = Integer.parseInt(reply.substring(1).trim());
        for (Node n : masters()) {
            if (servesSlot(n, slot)) {
                return n;
            }
        }
        throw new IllegalStateException("no master serves slot " + slot);
    }

    private static boolean servesSlot(Node n, int slot) {
        // CLUSTER NODES: "<id> <addr> myself,master - 0 0 1 connected 0-5460"
        for (String line : n.command("CLUSTER", "NODES").split("\n")) {
            if (line.contains("myself")) {
                String[] f = line.trim().split(" ");
                for (int i = 8; i < f.length; i++) {
                    String r = f[i];
                    if (r.startsWith("[")) {
                        continue;
                    }
                    int dash = r.indexOf('-');
                    int lo = Integer.parseInt(dash < 0 ? r : r.substring(0, dash));
                    int hi = dash < 0 ? lo : Integer.parseInt(r.substring(dash + 1));
                    if (slot >= lo && slot <= hi) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** CLUSTER NODES as each live node sees it, and the end of every node's log (for failure messages). */
    public String diagnostics() {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            sb.append("--- ").append(n).append(n.running() ? "" : " (not running)").append('\n');
            if (n.running()) {
                sb.append(n.command("CLUSTER", "NODES")).append('\n');
            }
            String log = readLog(n.dir);
            sb.append(log, Math.max(0, log.length() - 1500), log.length()).append('\n');
        }
        return sb.toString();
    }

    /** {@code host:port} of every node, for {@code liquid5gc.store.redis.nodes}. */
    public List<String> seeds() {
        return nodes.stream().map(Node::address).toList();
    }

    /** The seeds as one comma-separated property value. */
    public String seedList() {
        return String.join(",", seeds());
    }

    private void killAll() {
        nodes.forEach(Node::kill);
    }

    @Override
    public void close() {
        killAll();
        RedisServerProcess.deleteTree(root);
    }

    static String command(int port, String... args) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            s.setSoTimeout(3000);
            StringBuilder req = new StringBuilder("*" + args.length + "\r\n");
            for (String a : args) {
                req.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[1 << 16];
            StringBuilder reply = new StringBuilder();
            int n = in.read(buf);
            if (n > 0) {
                reply.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                // a bulk reply may come in several reads: read until its announced length is there
                if (reply.charAt(0) == '$') {
                    int len = Integer.parseInt(reply.substring(1, reply.indexOf("\r\n")));
                    int want = reply.indexOf("\r\n") + 2 + Math.max(len, 0) + 2;
                    while (reply.toString().getBytes(StandardCharsets.UTF_8).length < want && (n = in.read(buf)) > 0) {
                        reply.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                }
            }
            return reply.toString();
        } catch (IOException e) {
            return "";
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition, int seconds, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
        throw new IllegalStateException("no " + what + " within " + seconds + " s");
    }

    private static String readLog(Path dir) {
        try {
            return Files.readString(dir.resolve("redis.log"));
        } catch (IOException e) {
            return "";
        }
    }
}
