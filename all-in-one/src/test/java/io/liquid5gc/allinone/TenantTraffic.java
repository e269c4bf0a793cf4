package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.security.Hex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Two tenants on two slices for the metering and billing tests: campus-a on S-NSSAI 1-010203 (IMSIs 001010000000001..),
 * campus-b on 1-000002 (IMSIs 001010000000101..), configured by tenants.properties with the subscribers of
 * tenant-subscribers.yaml; a gNB serving both.
 */
final class TenantTraffic {

    /** A tenant of the test: its name, slice and first MSIN. */
    enum Tenant {
        A("campus-a", 0x010203, 1), B("campus-b", 0x000002, 101);

        final String label;
        final int sd;
        final int firstMsin;

        Tenant(String label, int sd, int firstMsin) {
            this.label = label;
            this.sd = sd;
            this.firstMsin = firstMsin;
        }
    }

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");

    private TenantTraffic() {
    }

    static SimGnb gnb() {
        return new SimGnb("001", "01", 1, 0x21, List.of(new SNssai(1, Tenant.A.sd), new SNssai(1, Tenant.B.sd)));
    }

    /** One UE of the tenant registers on its slice and establishes a PDU session on it. */
    static void registerAndEstablish(SimGnb gnb, Tenant tenant, int ueIndex) throws Exception {
        SimUe ue = new SimUe(500 + tenant.ordinal() * 50 + ueIndex, "001", "01", String.format("%010d", tenant.firstMsin + ueIndex),
                K, OPC, List.of(io.liquid5gc.nas.ie.SNssai.of(1, tenant.sd)));
        SimUe.Registration r = ue.register(gnb).get(60, TimeUnit.SECONDS);
        assertThat(r.registered()).as(tenant + " UE registered").isTrue();
        SimUe.Session s = ue.establishSession(1, "internet", io.liquid5gc.nas.ie.SNssai.of(1, tenant.sd)).get(60, TimeUnit.SECONDS);
        assertThat(s.established()).as(tenant + " PDU session: " + s.failure()).isTrue();
    }

    /** Per function: invocations served by this process (all outcomes, all placements), from the dispatcher's timers. */
    static Map<String, Long> invocations(MeterRegistry meters) {
        Map<String, Long> out = new TreeMap<>();
        for (Timer t : meters.find("liquid5gc.function.invocations").timers()) {
            out.merge(t.getId().getTag("function"), t.count(), Long::sum);
        }
        return out;
    }

    /** Per function: the metering counter of one tenant. */
    static Map<String, Long> metered(MeterRegistry meters, String tenant) {
        Map<String, Long> out = new TreeMap<>();
        for (Counter c : meters.find("liquid5gc.metering.invocations").tag("tenant", tenant).counters()) {
            out.merge(c.getId().getTag("function"), (long) c.count(), Long::sum);
        }
        return out;
    }

    static double sum(MeterRegistry meters, String name, String tenant) {
        return meters.find(name).tag("tenant", tenant).counters().stream().mapToDouble(Counter::count).sum();
    }

    /**
     * The dispatcher's counts once the UE's procedures are over: the gNB's last answer (the PDU Session Resource Setup
     * Response) reaches the AMF after the UE saw its session, so wait until smf-pdu-session-update was served and the
     * counts stay the same for a moment (generous limits: a busy machine must pass).
     */
    static Map<String, Long> awaitSettled(MeterRegistry meters, Map<String, Long> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, Long> last = null;
        while (System.nanoTime() < deadline) {
            Map<String, Long> now = invocations(meters);
            boolean updated = now.getOrDefault("smf-pdu-session-update", 0L) > before.getOrDefault("smf-pdu-session-update", 0L);
            if (updated && now.equals(last)) {
                return now;
            }
            last = now;
            Thread.sleep(300);
        }
        throw new AssertionError("the function invocations did not settle: " + last);
    }

    /** b - a per key (keys of b), zeros left out. */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> out = new TreeMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                out.put(k, d);
            }
        });
        return out;
    }
}
