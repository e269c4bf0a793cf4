package io.liquid5gc.benchmarks.coldstart;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.security.ConsumerType;
import io.liquid5gc.sbi.security.SbiAuthorization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Cold start of a function process: launches the command given N times, measures the wall time from the launch of
 * {@code java} to the first correct answer of the function (the port polled with a tight connect loop, the answer's
 * status and content checked), the CPU seconds (user + sys) the process had used by then, then makes 1,000 more calls
 * and reads the memory (VmRSS from /proc/PID/status, Pss from /proc/PID/smaps_rollup: the AOT cache and the JDK's
 * CDS archive are shared, file-backed mappings, which Pss counts in proportion). Prints every launch, then the
 * median/min/max, with the machine's load average before and after.
 *
 * <p>SBI security stays on: the benchmark is the NRF for the process. It makes an ES256 key, gives the process the
 * public JWK set ({@code --liquid5gc.security.jwks}) and calls with a token for the function's NF and service, as
 * the function's first allowed consumer type (TS 33.501 13.4.1). Appended to the command:
 * {@code --server.port=<free> --liquid5gc.serve.function=<function> --liquid5gc.security.jwks=<public set>}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.liquid5gc.benchmarks.coldstart.ColdStart \
 *     --label "AOT cache" --dir /tmp/nssf --function nssf-slice-select --body nssf.json --expect allowedNssaiList \
 *     [--launches 5] [--calls 1000] -- java -XX:AOTCache=app.aot -XX:+UseSerialGC -jar app.jar
 * </pre>
 * The last line, {@code RESULT|label|...}, is for scripts ({@code benchmarks/coldstart.sh} makes the table of them).
 */
public final class ColdStart {

    /** One launch: wall ms to the first answer, CPU s by then, kB of RSS at the first answer and after the calls. */
    record Launch(double firstAnswerMs, double cpuSeconds, long rssFirstKb, long rssKb, long pssKb, double callsMs) {
    }

    record Options(String label, Path dir, String function, String path, byte[] body, String expect, int launches, int calls,
                   boolean threads, boolean dump, int settleSeconds, List<String> command) {
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        FunctionSpec<?, ?> spec = Functions.byName(o.function()).orElseThrow(() ->
                new IllegalArgumentException("no function named " + o.function()));
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("coldstart").generate();
        String authorization = "Bearer " + token(key, spec);
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        String load = loadAverage();
        System.out.printf(Locale.ROOT, "%s: %d launches, %d calls each; load average %s; %d CPUs%n", o.label(), o.launches(),
                o.calls(), load, Runtime.getRuntime().availableProcessors());
        List<Launch> launches = new ArrayList<>();
        for (int i = 1; i <= o.launches(); i++) {
            Launch l = launch(o, i, authorization, jwks);
            launches.add(l);
            System.out.printf(Locale.ROOT, "  launch %d: first answer %7.0f ms, cpu %5.2f s, rss %4d MB at first answer, after %d calls "
                            + "rss %4d MB pss %4d MB (%d calls in %.0f ms)%n", i, l.firstAnswerMs(), l.cpuSeconds(), l.rssFirstKb() / 1024,
                    o.calls(), l.rssKb() / 1024, l.pssKb() / 1024, o.calls(), l.callsMs());
        }
        String loadAfter = loadAverage();
        System.out.printf(Locale.ROOT, "%s: first answer %s ms, cpu %s s, rss %s MB, pss %s MB (median [min-max]); load %s -> %s%n",
                o.label(), stats(launches, Launch::firstAnswerMs, 1), stats(launches, Launch::cpuSeconds, 1),
                stats(launches, l -> l.rssKb() / 1024.0, 1), stats(launches, l -> l.pssKb() / 1024.0, 1), load, loadAfter);
        System.out.printf(Locale.ROOT, "RESULT|%s|%.0f|%.0f|%.0f|%.2f|%.0f|%.0f|%.0f|%s|%s%n", o.label(),
                median(launches, Launch::firstAnswerMs), min(launches, Launch::firstAnswerMs), max(launches, Launch::firstAnswerMs),
                median(launches, Launch::cpuSeconds), median(launches, l -> l.rssFirstKb() / 1024.0),
                median(launches, l -> l.rssKb() / 1024.0), median(launches, l -> l.pssKb() / 1024.0), load, loadAfter);
    }

    private static Launch launch(Options o, int n, String authorization, String jwks) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(o.command());
        command.add("--server.port=" + port);
        command.add("--liquid5gc.serve.function=" + o.function());
        command.add("--liquid5gc.serve.placement=faas"); // as the chart's, Knative's and SAM's units
        command.add("--liquid5gc.security.jwks=" + jwks);
        Path log = o.dir().resolve("coldstart-" + n + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(o.dir().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        try {
            SimpleHttp http = SimpleHttp.connectWhenListening(port, p, start + 180_000_000_000L);
            SimpleHttp.Response first = http.post(o.path(), o.body(), authorization);
            double firstMs = (System.nanoTime() - start) / 1e6;
            double cpu = cpuSeconds(p.pid());
            long rssFirst = statusKb(p.pid(), "VmRSS:");
            if (o.threads()) {
                System.out.println("  cpu by thread at the first answer: " + threadCpu(p.pid()));
            }
            check(first, o, log);
            long t0 = System.nanoTime();
            for (int i = 0; i < o.calls(); i++) {
                check(http.post(o.path(), o.body(), authorization), o, log);
            }
            double callsMs = (System.nanoTime() - t0) / 1e6;
            http.close();
            long rss = statusKb(p.pid(), "VmRSS:");
            long pss = rollupKb(p.pid(), "Pss:");
            if (o.dump()) {
                dump(o, n, p.pid());
            }
            if (o.settleSeconds() > 0) {
                Thread.sleep(o.settleSeconds() * 1000L);
                System.out.printf(Locale.ROOT, "  launch %d: %d s after the calls, idle: rss %4d MB pss %4d MB%n", n,
                        o.settleSeconds(), statusKb(p.pid(), "VmRSS:") / 1024, rollupKb(p.pid(), "Pss:") / 1024);
            }
            return new Launch(firstMs, cpu, rssFirst, rss, pss, callsMs);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("launch " + n + " of " + o.label() + " failed: " + e.getMessage() + "\n" + tail(log), e);
        } finally {
            p.destroy();
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * {@code --dump true}: where the memory is after the calls, into the launch's directory: {@code smaps-N.txt}
     * (/proc/PID/smaps) and {@code jcmd-N.txt} (VM.native_memory summary when the command runs with
     * -XX:NativeMemoryTracking=summary, GC.heap_info, VM.metaspace, the thread list, then the class histogram), with the jcmd next to the
     * command's java.
     */
    private static void dump(Options o, int n, long pid) throws IOException, InterruptedException {
        Files.copy(Path.of("/proc/" + pid + "/smaps"), o.dir().resolve("smaps-" + n + ".txt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path javaCmd = Path.of(o.command().getFirst());
        String jcmd = javaCmd.getParent() == null ? "jcmd" : javaCmd.resolveSibling("jcmd").toString();
        Path out = o.dir().resolve("jcmd-" + n + ".txt");
        Files.deleteIfExists(out);
        for (String what : List.of("VM.native_memory summary", "GC.heap_info", "VM.metaspace", "Thread.print", "GC.class_histogram")) {
            List<String> cmd = new ArrayList<>(List.of(jcmd, Long.toString(pid)));
            cmd.addAll(List.of(what.split(" ")));
            Process j = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
            j.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static void check(SimpleHttp.Response r, Options o, Path log) throws IOException {
        if (r.status() != 200 || !r.body().contains(o.expect())) {
            throw new IllegalStateException("wrong answer from " + o.function() + ": " + r.status() + " " + r.body());
        }
    }

    /** The access token the NRF would issue to the function's first allowed consumer (TS 29.510 6.3.5.2.4). */
    private static String token(ECKey key, FunctionSpec<?, ?> spec) throws JOSEException {
        ConsumerType consumer = SbiAuthorization.ruleOf(spec).consumers().stream().min(Comparator.naturalOrder()).orElseThrow();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("liquid5gc-nrf").subject("coldstart-" + consumer.name().toLowerCase(Locale.ROOT))
                .audience(spec.nf().name()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(4 * 3600)))
                .claim("scope", SbiAuthorization.serviceOf(spec).serviceName()).claim("consumerNfType", consumer.name()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** utime + stime of the process (/proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /** CPU seconds per thread name (/proc/PID/task/TID/stat), threads of one name summed (e.g. every C1 compiler). */
    static String threadCpu(long pid) throws IOException {
        java.util.Map<String, Double> byName = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#").trim();
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return byName.entrySet().stream().filter(e -> e.getValue() >= 0.01)
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static long statusKb(long pid, String field) throws IOException {
        return kb(Path.of("/proc/" + pid + "/status"), field);
    }

    static long rollupKb(long pid, String field) throws IOException {
        return kb(Path.of("/proc/" + pid + "/smaps_rollup"), field);
    }

    private static long kb(Path file, String field) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(file + " has no " + field);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String stats(List<Launch> ls, ToDoubleFunction<Launch> f, int decimals) {
        String fmt = "%." + (f.applyAsDouble(ls.getFirst()) < 10 ? 2 : 0) + "f";
        return String.format(Locale.ROOT, fmt + " [" + fmt + "-" + fmt + "]", median(ls, f), min(ls, f), max(ls, f));
    }

    static double median(List<Launch> ls, ToDoubleFunction<Launch> f) {
        double[] v = ls.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<Launch> ls, ToDoubleFunction<Launch> f) {
        return ls.stream().mapToDouble(f).min().orElse(0);
    }

    private static double max(List<Launch> ls, ToDoubleFunction<Launch> f) {
        return ls.stream().mapToDouble(f).max().orElse(0);
    }

    static Options parse(String[] args) throws IOException {
        String label = "run";
        Path dir = Path.of(".");
        String function = null;
        String path = "/";
        byte[] body = null;
        String expect = "";
        int launches = 5;
        int calls = 1000;
        boolean threads = false;
        boolean dump = false;
        int settle = 0;
        int i = 0;
        for (; i < args.length && !args[i].equals("--"); i += 2) {
            if (i + 1 >= args.length) {
                throw usage("missing value of " + args[i]);
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--label" -> label = v;
                case "--dir" -> dir = Path.of(v);
                case "--function" -> function = v;
                case "--path" -> path = v;
                case "--body" -> body = Files.readAllBytes(Path.of(v));
                case "--expect" -> expect = v;
                case "--launches" -> launches = Integer.parseInt(v);
                case "--calls" -> calls = Integer.parseInt(v);
                case "--threads" -> threads = Boolean.parseBoolean(v);
                case "--dump" -> dump = Boolean.parseBoolean(v);
                case "--settle" -> settle = Integer.parseInt(v);
                default -> throw usage("unknown option " + args[i]);
            }
        }
        if (function == null || body == null || i >= args.length - 1 || launches < 1) {
            throw usage("--function, --body and a command after -- are required");
        }
        List<String> command = List.of(args).subList(i + 1, args.length);
        return new Options(label, dir.toAbsolutePath(), function, path, body, expect, launches, calls, threads, dump, settle, command);
    }

    private static IllegalArgumentException usage(String why) {
        return new IllegalArgumentException(why + "\nusage: ColdStart --function NAME --body FILE [--expect TEXT] [--label L] "
                + "[--dir D] [--path /] [--launches 5] [--calls 1000] [--threads true] [--dump true] [--settle SECONDS] -- java ... -jar app.jar");
    }

    private ColdStart() {
    }

    /** HTTP/1.1 over one kept-alive socket, no library between the benchmark and the bytes. */
    static final class SimpleHttp implements AutoCloseable {

        record Response(int status, String body) {
        }

        private final java.net.Socket socket;
        private final java.io.BufferedInputStream in;
        private final java.io.OutputStream out;
        private final int port;

        private SimpleHttp(java.net.Socket socket, int port) throws IOException {
            this.socket = socket;
            this.port = port;
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            this.in = new java.io.BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** Connects as soon as the port accepts (tried every 1 ms), or fails when the process ends or time is up. */
        static SimpleHttp connectWhenListening(int port, Process p, long deadlineNanos) throws IOException, InterruptedException {
            java.net.InetSocketAddress address = new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port);
            while (true) {
                java.net.Socket s = new java.net.Socket();
                try {
                    s.connect(address, 1000);
                    return new SimpleHttp(s, port);
                } catch (java.net.ConnectException refused) {
                    s.close();
                    if (!p.isAlive()) {
                        throw new IOException("the process exited with " + p.exitValue() + " before listening on " + port);
                    }
                    if (System.nanoTime() > deadlineNanos) {
                        throw new IOException("nothing listens on " + port + " after 180 s");
                    }
                    Thread.sleep(1);
                }
            }
        }

        Response post(String path, byte[] body, String authorization) throws IOException {
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json\r\nAuthorization: " + authorization + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = line();
            if (status == null) {
                throw new IOException("connection closed before an answer");
            }
            int code = Integer.parseInt(status.split(" ")[1]);
            int length = -1;
            boolean chunked = false;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    b.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                b.write(in.readNBytes(length));
            }
            return new Response(code, b.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    int n = sb.length();
                    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            return sb.isEmpty() ? null : sb.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
