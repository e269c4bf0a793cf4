package io.liquid5gc.ransim;

import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.security.Hex;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The RAN simulator and load generator command:
 * <pre>
 * java -jar ransim/target/ransim.jar register [--core 127.0.0.1:9899] [--ues 100] [--concurrency 50]
 *     [--imsi 001010000000001] [--k HEX] [--opc HEX] [--tac 1] [--sst 1] [--sd 010203] [--timeout 30] [--json]
 *     [--transport udp|kernel]   (kernel: --core host:38412 over the OS's SCTP)
 * </pre>
 * registers {@code --ues} UEs with consecutive IMSIs from {@code --imsi}, at most {@code --concurrency} in flight,
 * through one simulated gNB over SCTP over UDP, and reports successes, failures by cause and latency quantiles.
 */
public final class RanSim {

    private RanSim() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("register")) {
            System.err.println("usage: ransim register [--core host:port] [--ues N] [--concurrency N] [--imsi IMSI] [--k HEX] [--opc HEX]"
                    + " [--tac N] [--sst N] [--sd HEX] [--timeout SECONDS] [--json] [--transport udp|kernel]");
            System.exit(2);
        }
        Map<String, String> o = options(args);
        String[] core = o.getOrDefault("core", "127.0.0.1:9899").split(":");
        int ues = Integer.parseInt(o.getOrDefault("ues", "100"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "50"));
        String imsi = o.getOrDefault("imsi", "001010000000001");
        String mcc = imsi.substring(0, 3);
        String mnc = o.getOrDefault("mnc-digits", "2").equals("3") ? imsi.substring(3, 6) : imsi.substring(3, 5);
        String msinStart = imsi.substring(3 + mnc.length());
        byte[] k = Hex.decode(o.getOrDefault("k", "465b5ce8b199b49faa5f0a2ee238a6bc"));
        byte[] opc = Hex.decode(o.getOrDefault("opc", "e8ed289deba952e4283b54e88e6183ca"));
        int tac = Integer.parseInt(o.getOrDefault("tac", "1"));
        int sst = Integer.parseInt(o.getOrDefault("sst", "1"));
        Integer sd = o.containsKey("sd") && o.get("sd").equals("none") ? null : Integer.parseInt(o.getOrDefault("sd", "010203"), 16);
        Duration timeout = Duration.ofSeconds(Long.parseLong(o.getOrDefault("timeout", "30")));
        boolean json = o.containsKey("json");
        boolean kernel = o.getOrDefault("transport", "udp").equals("kernel");

        LoadReport report = run(new InetSocketAddress(core[0], Integer.parseInt(core[1])), mcc, mnc, msinStart, ues, concurrency, k, opc,
                tac, sd == null ? SNssai.of(sst) : SNssai.of(sst, sd), timeout, !json, kernel);
        System.out.println(json ? report.json() : report.table());
        System.exit(report.failures() == 0 ? 0 : 1);
    }

    /** Registers {@code ues} UEs and returns the report; progress lines go to stderr when asked. */
    public static LoadReport run(InetSocketAddress core, String mcc, String mnc, String msinStart, int ues, int concurrency,
                                 byte[] k, byte[] opc, int tac, SNssai slice, Duration timeout, boolean progress) throws Exception {
        return run(core, mcc, mnc, msinStart, ues, concurrency, k, opc, tac, slice, timeout, progress, false);
    }

    /** As above; {@code kernelSctp} connects with the OS's SCTP (core = host:38412) instead of SCTP over UDP. */
    public static LoadReport run(InetSocketAddress core, String mcc, String mnc, String msinStart, int ues, int concurrency,
                                 byte[] k, byte[] opc, int tac, SNssai slice, Duration timeout, boolean progress,
                                 boolean kernelSctp) throws Exception {
        LoadReport report = new LoadReport();
        io.liquid5gc.ngap.ie.SNssai ngapSlice = new io.liquid5gc.ngap.ie.SNssai(slice.sst(),
                slice.sd() == null ? io.liquid5gc.ngap.ie.SNssai.NO_SD : slice.sd());
        try (SimGnb gnb = new SimGnb(mcc, mnc, tac, 0x1, List.of(ngapSlice))) {
            NgapMessage setup = kernelSctp ? gnb.connectKernel(core) : gnb.connect(core);
            if (!(setup instanceof NgSetup.Response)) {
                throw new IllegalStateException("NG Setup refused: " + setup);
            }
            Semaphore inFlight = new Semaphore(concurrency);
            List<CompletableFuture<Void>> all = new ArrayList<>();
            long start = System.nanoTime();
            long width = msinStart.length();
            long first = Long.parseLong(msinStart);
            for (int i = 0; i < ues; i++) {
                inFlight.acquire();
                String msin = String.format(Locale.ROOT, "%0" + width + "d", first + i);
                SimUe ue = new SimUe(i + 1, mcc, mnc, msin, k, opc, List.of(slice));
                all.add(ue.register(gnb).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((r, e) -> {
                    inFlight.release();
                    if (e != null) {
                        report.failure(e instanceof TimeoutException || e.getCause() instanceof TimeoutException ? "timeout" : "error");
                    } else if (r.registered()) {
                        report.success(r.latency());
                    } else {
                        report.failure(r.rejectCause() > 0 ? "5gmm-cause-" + r.rejectCause() : "released");
                    }
                    return null;
                }));
                if (progress && (i + 1) % 1000 == 0) {
                    System.err.printf(Locale.ROOT, "%d/%d started, %d succeeded, %d failed%n", i + 1, ues, report.successes(), report.failures());
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            report.wall(Duration.ofNanos(System.nanoTime() - start));
        }
        return report;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("json")) {
                o.put(key, "true");
            } else if (i + 1 < args.length) {
                o.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
        }
        return o;
    }
}
