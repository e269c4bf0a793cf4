package io.liquid5gc.allinone;

import io.liquid5gc.allinone.TenantTraffic.Tenant;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A tenant UE's registration alone, and the function invocations it caused (NsacSliceHopTest, NssfWhenNeededTest). */
final class SliceHops {

    private static final byte[] K = io.liquid5gc.security.Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = io.liquid5gc.security.Hex.decode("e8ed289deba952e4283b54e88e6183ca");

    private SliceHops() {
    }

    static SimUe.Registration register(SimGnb gnb, Tenant tenant, int ueIndex) throws Exception {
        SimUe ue = new SimUe(700 + tenant.ordinal() * 50 + ueIndex, "001", "01", String.format("%010d", tenant.firstMsin + ueIndex),
                K, OPC, List.of(io.liquid5gc.nas.ie.SNssai.of(1, tenant.sd)));
        return ue.register(gnb).get(60, TimeUnit.SECONDS);
    }

    /** The invocations since {@code before}, once they stopped changing (the last ones are counted after the answer). */
    static Map<String, Long> registrationInvocations(MeterRegistry meters, Map<String, Long> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, Long> last = null;
        while (System.nanoTime() < deadline) {
            Map<String, Long> now = TenantTraffic.delta(before, TenantTraffic.invocations(meters));
            if (now.equals(last) && !now.isEmpty()) {
                return now;
            }
            last = now;
            Thread.sleep(300);
        }
        throw new AssertionError("the function invocations did not settle: " + last);
    }
}
