package io.liquid5gc.benchmarks.udr;

import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.udm.AccessAndMobilitySubscriptionData;
import io.liquid5gc.sbi.udm.Ambr;
import io.liquid5gc.sbi.udm.Nssai;
import io.liquid5gc.sbi.udr.AuthenticationSubscription;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.udr.SubscriberRepository;
import io.liquid5gc.udr.keys.SubscriberKeyCipher;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * One page of the subscriber list (the console's subscribers page, {@code GET /provisioning/subscribers?prefix=&after=})
 * with {@code subscribers} in the in-process store: K and OPc encrypted as the UDR stores them, each page decoded and
 * decrypted. Pages at the start, the middle and the end of the list, and one within an IMSI prefix: with cursor paging
 * by prefix scans ({@link SubscriberRepository#page}) they cost the same wherever they are.
 * Run: {@code java -Xmx4g -jar benchmarks/target/benchmarks.jar SubscriberPageBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 * (filling the store with a million takes about half a minute before the first iteration).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class SubscriberPageBenchmark {

    private static final String FIRST = "001010000000000";

    @Param("1000000")
    public int subscribers;

    @Param("50")
    public int pageSize;

    private SubscriberRepository repository;
    private String middle;
    private String nearEnd;

    @Setup
    public void fill() {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        repository = new SubscriberRepository(new InMemoryKeyValueStore(Clock.systemUTC()), new JsonMapper(),
                new SubscriberKeyCipher(Map.of("bench-kek", kek)));
        Snssai slice = new Snssai(1, "010203");
        for (int i = 0; i < subscribers; i++) {
            String supi = "imsi-" + imsi(i);
            AuthenticationSubscription auth = new AuthenticationSubscription(AuthenticationSubscription.METHOD_5G_AKA,
                    "465b5ce8b199b49faa5f0a2ee238a6bc", "none",
                    new AuthenticationSubscription.SequenceNumber(AuthenticationSubscription.SequenceNumber.NON_TIME_BASED, "000000000000", 5),
                    "8000", "milenage", "e8ed289deba952e4283b54e88e6183ca", supi);
            repository.create(new SubscriptionData(supi, auth,
                    new AccessAndMobilitySubscriptionData(List.of(), new Ambr("1 Gbps", "2 Gbps"), new Nssai(List.of(slice), List.of(slice))),
                    null, List.of()));
        }
        middle = "imsi-" + imsi(subscribers / 2);
        nearEnd = "imsi-" + imsi(subscribers - pageSize / 2);
    }

    private static String imsi(int i) {
        String n = Long.toString(Long.parseLong(FIRST) + i);
        return "0".repeat(FIRST.length() - n.length()) + n;
    }

    @Benchmark
    public List<SubscriptionData> firstPage() {
        return repository.page("", null, pageSize + 1);
    }

    @Benchmark
    public List<SubscriptionData> middlePage() {
        return repository.page("", middle, pageSize + 1);
    }

    @Benchmark
    public List<SubscriptionData> lastPage() {
        return repository.page("", nearEnd, pageSize + 1);
    }

    @Benchmark
    public List<SubscriptionData> prefixPage() {
        return repository.page("0010100007", "imsi-001010000712345", pageSize + 1);
    }
}
