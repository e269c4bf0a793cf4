package io.liquid5gc.evaluation.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Redis (UE and session state) and etcd (the NRF's registry) for a multi-process deployment, on free loopback ports,
 * data in the run's directory; {@code redis-server} and {@code etcd} from the PATH (Debian's redis-server and
 * etcd-server), or {@code $LIQUID5GC_REDIS_SERVER} / {@code $LIQUID5GC_ETCD}.
 */
final class Stores {

    static ManagedProcess redis(Path work) throws Exception {
        return redis(work, false);
    }

    /** Redis; {@code appendOnly}: AOF on with fsync every second (the chart's bundled Redis), so its data survives a restart. */
    static ManagedProcess redis(Path work, boolean appendOnly) throws Exception {
        int port = Ports.tcp();
        Path dir = work.resolve("run").resolve("redis");
        ModuleJars.deleteTree(dir); // no append-only file of an earlier run
        Files.createDirectories(dir);
        String binary = System.getenv().getOrDefault("LIQUID5GC_REDIS_SERVER", "redis-server");
        Path log = work.resolve("logs").resolve("redis.log");
        ProcessBuilder pb = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--daemonize", "no",
                "--dir", dir.toString(), "--save", "", "--appendonly", appendOnly ? "yes" : "no", "--appendfsync", "everysec",
                "--loglevel", "warning").redirectErrorStream(true).redirectOutput(log.toFile());
        ManagedProcess redis = new ManagedProcess("redis", ProcessRole.STORE, pb.start(), port, log, pb);
        awaitReady(redis, Duration.ofMinutes(1));
        return redis;
    }

    static ManagedProcess etcd(Path work) throws Exception {
        int port = Ports.tcp();
        int peer = Ports.tcp();
        Path dir = work.resolve("run").resolve("etcd");
        ModuleJars.deleteTree(dir);
        Files.createDirectories(dir);
        String binary = System.getenv().getOrDefault("LIQUID5GC_ETCD", "etcd");
        String client = "http://127.0.0.1:" + port;
        String peerUrl = "http://127.0.0.1:" + peer;
        Path log = work.resolve("logs").resolve("etcd.log");
        // a restart (ManagedProcess.restart) runs the same command on the kept data directory: "new" is ignored then
        ProcessBuilder pb = new ProcessBuilder(List.of(binary, "--name", "evaluation", "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", client, "--advertise-client-urls", client, "--listen-peer-urls", peerUrl,
                "--initial-advertise-peer-urls", peerUrl, "--initial-cluster", "evaluation=" + peerUrl,
                "--initial-cluster-state", "new", "--logger", "zap", "--log-level", "warn"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        ManagedProcess etcd = new ManagedProcess("etcd", ProcessRole.STORE, pb.start(), port, log, pb);
        awaitReady(etcd, Duration.ofMinutes(1));
        return etcd;
    }

    /** Waits until a store (started or restarted) answers: Redis PING, etcd /health. */
    static void awaitReady(ManagedProcess store, Duration limit) throws Exception {
        if (store.name().equals("redis")) {
            await(store, () -> redisPing(store.port()), limit);
        } else {
            HttpClient http = HttpClient.newHttpClient();
            await(store, () -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + store.port() + "/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body().contains("\"true\""), limit);
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void await(ManagedProcess p, Check check, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.alive()) {
                throw new IllegalStateException(p.name() + " exited; see " + p.log() + " (is it installed? Debian: redis-server, etcd-server)");
            }
            try {
                if (check.ok()) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        p.kill();
        throw new IllegalStateException(p.name() + " not answering within " + limit + "; see " + p.log());
    }

    private static boolean redisPing(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[7];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        }
    }

    private Stores() {
    }
}
