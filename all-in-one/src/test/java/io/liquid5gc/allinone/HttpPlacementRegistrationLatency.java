package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.security.Hex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not a test (its name keeps it out of the build's test run): the registration latency with every NF
 * in its own JVM over HTTP (the {@link HttpPlacementEndToEndTest} layout), once with SBI security off and once with
 * tokens on, alternating rounds, each after a warm-up; prints both medians and p99, and per round the hops of a
 * registration: each function's calls per registration, the callers' mean time per call (client side, HTTP included)
 * and the function's own mean execution time (server side), from the processes' metrics over the measured part only.
 * The NF JVMs run as deployed (C2, Serial GC, as the image) unless {@code -Dliquid5gc.e2e.nf-jvm-options} says otherwise.
 * Run: {@code ./mvnw -pl all-in-one -am verify -Dtest=HttpPlacementRegistrationLatency -Dsurefire.failIfNoSpecifiedTests=false
 * -Dliquid5gc.latency.registrations=200 -Dliquid5gc.latency.rounds=4 -Dliquid5gc.aws.skip=true}; the output is in
 * all-in-one/target/surefire-reports/io.liquid5gc.allinone.HttpPlacementRegistrationLatency-output.txt.
 */
class HttpPlacementRegistrationLatency {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");

    @Test
    void registrationMedianWithSecurityOffThenOn() throws Exception {
        int n = Integer.getInteger("liquid5gc.latency.registrations", 200);
        // rounds alternate off, on, off, on, ... (the machine's load drifts; one round of each is mostly noise)
        int rounds = Integer.getInteger("liquid5gc.latency.rounds", 2);
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            boolean security = round % 2 == 1;
            List<Double> samples = samples(security, n);
            System.out.printf("round %d, security %s: p50 %.2f ms%n", round + 1, security ? "on" : "off", median(samples));
            (security ? on : off).addAll(samples);
        }
        System.out.printf("HTTP placement registration p50: security off %.2f ms, tokens on %.2f ms (delta %.2f ms, %d registrations per round, %d rounds)%n",
                median(off), median(on), median(on) - median(off), n, rounds);
        System.out.printf("HTTP placement registration p99: security off %.2f ms, tokens on %.2f ms%n", percentile(off, 0.99), percentile(on, 0.99));
    }

    private static double percentile(List<Double> samples, double q) {
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(Double::compare);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    /** count and sum (seconds) per function of one metric, summed over every process. */
    private static Map<String, double[]> scrape(String metric) throws Exception {
        Map<String, double[]> byFunction = new TreeMap<>();
        Pattern line = Pattern.compile("^" + metric + "_(count|sum)\\{([^}]*)} ([0-9.eE+-]+)$");
        Pattern function = Pattern.compile("function=\"([^\"]+)\"");
        HttpClient http = HttpClient.newHttpClient();
        for (int port : HttpPlacementEndToEndTest.METRICS_PORTS) {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String l : body.split("\n")) {
                Matcher m = line.matcher(l);
                if (m.matches() && m.group(2).contains("outcome=\"success\"")) {
                    Matcher f = function.matcher(m.group(2));
                    if (f.find()) {
                        double[] cs = byFunction.computeIfAbsent(f.group(1), k -> new double[2]);
                        cs[m.group(1).equals("count") ? 0 : 1] += Double.parseDouble(m.group(3));
                    }
                }
            }
        }
        return byFunction;
    }

    private static void printHops(Map<String, double[]> callsBefore, Map<String, double[]> callsAfter,
                                  Map<String, double[]> runsBefore, Map<String, double[]> runsAfter, int registrations) {
        System.out.printf("  %-28s %10s %14s %14s %12s%n", "function", "calls/reg", "caller ms/call", "function ms", "hop ms");
        double total = 0;
        for (String fn : callsAfter.keySet()) {
            double[] a = callsAfter.get(fn);
            double[] b = callsBefore.getOrDefault(fn, new double[2]);
            double count = a[0] - b[0];
            if (count <= 0) {
                continue;
            }
            double callMs = (a[1] - b[1]) / count * 1e3;
            double[] ra = runsAfter.getOrDefault(fn, new double[2]);
            double[] rb = runsBefore.getOrDefault(fn, new double[2]);
            double runCount = ra[0] - rb[0];
            double runMs = runCount > 0 ? (ra[1] - rb[1]) / runCount * 1e3 : Double.NaN;
            total += count / registrations * (callMs - runMs);
            System.out.printf("  %-28s %10.2f %14.3f %14.3f %12.3f%n", fn, count / registrations, callMs, runMs, callMs - runMs);
        }
        System.out.printf("  HTTP overhead per registration, all hops (caller minus function, nested calls counted once per hop): %.2f ms%n", total);
    }

    private static double median(List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static List<Double> samples(boolean security, int n) throws Exception {
        if (System.getProperty("liquid5gc.e2e.nf-jvm-options") == null) {
            System.setProperty("liquid5gc.e2e.nf-jvm-options", "-Xmx256m -XX:+UseSerialGC");
        }
        HttpPlacementEndToEndTest.startCore(false, security);
        try (SimGnb gnb = new SimGnb("001", "01", 1, 0x21, List.of(new SNssai(1, 0x010203)))) {
            assertThat(gnb.connect(HttpPlacementEndToEndTest.core.getBean(N2Server.class).udpAddress())).isInstanceOf(NgSetup.Response.class);
            io.liquid5gc.nas.ie.SNssai slice = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);
            int warmUp = Math.min(100, n / 2);
            List<Double> millis = new ArrayList<>();
            Map<String, double[]> callsBefore = Map.of();
            Map<String, double[]> runsBefore = Map.of();
            for (int i = 0; i < warmUp + n; i++) {
                if (i == warmUp) {
                    callsBefore = scrape("liquid5gc_function_calls_seconds");
                    runsBefore = scrape("liquid5gc_function_invocations_seconds");
                }
                SimUe ue = new SimUe(i + 1, "001", "01", String.format("%010d", 10 + (i % 900)), K, OPC, List.of(slice));
                SimUe.Registration r = ue.register(gnb).get(60, TimeUnit.SECONDS);
                assertThat(r.registered()).isTrue();
                if (i >= warmUp) {
                    millis.add(r.latency().toNanos() / 1e6);
                }
                assertThat(ue.deregister(false).get(60, TimeUnit.SECONDS)).isTrue();
            }
            // the measured part includes each UE's de-registration: its hops are in the table too
            printHops(callsBefore, scrape("liquid5gc_function_calls_seconds"), runsBefore,
                    scrape("liquid5gc_function_invocations_seconds"), n);
            return millis;
        } finally {
            HttpPlacementEndToEndTest.stop();
        }
    }
}
