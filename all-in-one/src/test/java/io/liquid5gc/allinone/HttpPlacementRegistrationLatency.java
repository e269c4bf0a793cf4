package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.security.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not a test (its name keeps it out of the build's test run): the registration latency with every NF
 * in its own JVM over HTTP (the {@link HttpPlacementEndToEndTest} layout), once with SBI security off and once with
 * tokens on, alternating rounds, each after a warm-up; prints both medians. Run:
 * {@code ./mvnw -pl all-in-one -am verify -Dtest=HttpPlacementRegistrationLatency -Dsurefire.failIfNoSpecifiedTests=false
 * -Dliquid5gc.latency.registrations=200 -Dliquid5gc.latency.rounds=4}.
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
    }

    private static double median(List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static List<Double> samples(boolean security, int n) throws Exception {
        HttpPlacementEndToEndTest.startCore(false, security);
        try (SimGnb gnb = new SimGnb("001", "01", 1, 0x21, List.of(new SNssai(1, 0x010203)))) {
            assertThat(gnb.connect(HttpPlacementEndToEndTest.core.getBean(N2Server.class).udpAddress())).isInstanceOf(NgSetup.Response.class);
            io.liquid5gc.nas.ie.SNssai slice = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);
            int warmUp = Math.min(100, n / 2);
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < warmUp + n; i++) {
                SimUe ue = new SimUe(i + 1, "001", "01", String.format("%010d", 10 + (i % 900)), K, OPC, List.of(slice));
                SimUe.Registration r = ue.register(gnb).get(60, TimeUnit.SECONDS);
                assertThat(r.registered()).isTrue();
                if (i >= warmUp) {
                    millis.add(r.latency().toNanos() / 1e6);
                }
                assertThat(ue.deregister(false).get(60, TimeUnit.SECONDS)).isTrue();
            }
            return millis;
        } finally {
            HttpPlacementEndToEndTest.stop();
        }
    }
}
