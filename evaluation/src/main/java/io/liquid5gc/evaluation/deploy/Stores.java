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
        int port = Ports.tcp();
        Path dir = Files.createDirectories(work.resolve("run").resolve("redis"));
        String binary = System.getenv().getOrDefault("LIQUID5GC_REDIS_SERVER", "redis-server");
        Path log = work.resolve("logs").resolve("redis.log");
        Process p = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--daemonize", "no",
                "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--loglevel", "warning")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ManagedProcess redis = new ManagedProcess("redis", ProcessRole.STORE, p, port, log);
        await(redis, () -> redisPing(port), Duration.ofMinutes(1));
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
        Process p = new ProcessBuilder(List.of(binary, "--name", "evaluation", "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", client, "--advertise-client-urls", client, "--listen-peer-urls", peerUrl,
                "--initial-advertise-peer-urls", peerUrl, "--initial-cluster", "evaluation=" + peerUrl,
                "--initial-cluster-state", "new", "--logger", "zap", "--log-level", "warn"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ManagedProcess etcd = new ManagedProcess("etcd", ProcessRole.STORE, p, port, log);
        HttpClient http = HttpClient.newHttpClient();
        await(etcd, () -> http.send(HttpRequest.newBuilder(URI.create(client + "/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains("\"true\""), Duration.ofMinutes(1));
        return etcd;
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
