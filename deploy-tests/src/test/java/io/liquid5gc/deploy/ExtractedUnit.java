package io.liquid5gc.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * An NF's exec jar laid out as the image lays it out ({@code deploy/docker/extract.sh JAR DIR STORES}, the script the
 * Dockerfile runs) and started as the image starts it ({@code java -jar app.jar} in that directory).
 */
final class ExtractedUnit implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final Path dir;
    final int port;
    final Path log;
    private Process process;
    private List<String> jvmOptions = List.of();

    private ExtractedUnit(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.log = dir.resolve("unit.log");
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** {@code module}'s exec jar extracted into {@code dir} keeping the store engines in {@code stores} ("" for none). */
    static ExtractedUnit extract(String module, Path dir, String stores) throws Exception {
        Path execJar;
        try (Stream<Path> jars = Files.list(Repo.path(module + "/target"))) {
            execJar = jars.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(module + "'s exec jar is not built (mvn package " + module + " first)"));
        }
        ProcessBuilder extract = new ProcessBuilder("sh", Repo.path("deploy/docker/extract.sh").toString(), execJar.toString(),
                dir.toString(), stores);
        extract.environment().put("JAVA", java());
        run(extract);
        try (ServerSocket socket = new ServerSocket(0)) {
            return new ExtractedUnit(dir, socket.getLocalPort());
        }
    }

    /**
     * The jars the process's class path really holds: the entries of app.jar's manifest Class-Path that are present (the
     * manifest still names the jars of a store layer left out; the JVM skips a missing entry).
     */
    List<String> classPath() throws IOException {
        List<String> entries;
        try (JarFile app = new JarFile(dir.resolve("app.jar").toFile())) {
            entries = new ArrayList<>(Arrays.asList(app.getManifest().getMainAttributes().getValue("Class-Path").trim().split("\\s+")));
        }
        return entries.stream().filter(e -> Files.isRegularFile(dir.resolve(e))).toList();
    }

    /** The jars in lib/. */
    List<String> libJars() throws IOException {
        try (Stream<Path> lib = Files.list(dir.resolve("lib"))) {
            return lib.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Starts {@code java -XX:+UseSerialGC -jar app.jar --server.port=... args} and waits up to 3 minutes for readiness. */
    ExtractedUnit startAndAwaitReady(String... args) throws Exception {
        start(args);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3); // a busy CI machine starts a JVM slowly
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the unit exited " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the unit was not ready within 3 minutes:\n" + Files.readString(log));
    }

    /** Starts it and waits up to 3 minutes for it to exit by itself; its exit code. */
    int startAndAwaitExit(String... args) throws Exception {
        start(args);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the unit did not exit within 3 minutes:\n" + Files.readString(log));
        }
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** JVM options for the next start, before {@code -jar} (e.g. {@code -Dspring.aot.enabled=true}, read before any context). */
    ExtractedUnit withJvmOptions(String... options) {
        jvmOptions = List.of(options);
        return this;
    }

    private void start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", "app.jar", "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(Arrays.asList(args));
        process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static void run(ProcessBuilder command) throws Exception {
        Process p = command.redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes());
        }
        if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command.command()) + " failed:\n" + out);
        }
    }
}
