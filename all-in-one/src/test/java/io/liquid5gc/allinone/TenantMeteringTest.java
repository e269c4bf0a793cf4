package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.allinone.TenantTraffic.Tenant;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.runtime.metering.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Two tenants on two slices of the all-in-one core (ransim over N2): a registration and a PDU session of each tenant's
 * UE, and every function invocation of each chain (AMF, AUSF, UDM, UDR, NSSF, SMF, PCF, R17 NFs) is metered for that
 * tenant and for no other: per function, the tenant's metering counter grows by what the dispatcher served while its
 * UE was served, and over the whole run every function's invocations are the sum of the tenants' and the platform's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(locations = "classpath:tenants.properties")
class TenantMeteringTest {

    /**
     * The functions a registration and a PDU session establishment invoke, whatever else they do (no NSSF: the AMF
     * serves both tenants' slices and selects them itself, liquid5gc.amf.nssf-query=when-needed).
     */
    static final String[] CHAIN = {"amf-initial-registration", "ausf-authenticate", "udm-generate-auth-data", "udr-data-read",
            "udm-get-subscriber-data", "amf-pdu-session-relay", "smf-pdu-session-create",
            "smf-pdu-session-update", "pcf-policy-create"};

    @Autowired
    N2Server n2;

    @Autowired
    MeterRegistry meters;

    @Test
    void whenEachTenantRegistersAndEstablishesASession_thenItsWholeChainIsMeteredForItAndTheFiguresAddUp() throws Exception {
        try (SimGnb gnb = TenantTraffic.gnb()) {
            assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
            Map<Tenant, Map<String, Long>> chains = new HashMap<>();
            for (Tenant tenant : Tenant.values()) {
                Tenant other = tenant == Tenant.A ? Tenant.B : Tenant.A;
                Map<String, Long> total0 = TenantTraffic.invocations(meters);
                Map<String, Long> mine0 = TenantTraffic.metered(meters, tenant.label);
                Map<String, Long> other0 = TenantTraffic.metered(meters, other.label);
                Map<String, Long> platform0 = TenantTraffic.metered(meters, Tenancy.PLATFORM);

                TenantTraffic.registerAndEstablish(gnb, tenant, 0);
                Map<String, Long> total = TenantTraffic.awaitSettled(meters, total0);

                Map<String, Long> servedNow = TenantTraffic.delta(total0, total);
                Map<String, Long> mine = TenantTraffic.delta(mine0, TenantTraffic.metered(meters, tenant.label));
                Map<String, Long> platform = TenantTraffic.delta(platform0, TenantTraffic.metered(meters, Tenancy.PLATFORM));
                assertThat(TenantTraffic.delta(other0, TenantTraffic.metered(meters, other.label))).as("billed to " + other).isEmpty();
                assertThat(mine).as(tenant + "'s chain").containsKeys(CHAIN);
                assertThat(platform.keySet()).as("billed to the platform while " + tenant + "'s UE was served: only NRF calls")
                        .allMatch(f -> f.startsWith("nrf-"));
                Map<String, Long> sum = new TreeMap<>(mine);
                platform.forEach((f, n) -> sum.merge(f, n, Long::sum));
                assertThat(sum).as("tenant + platform = what the dispatcher served").isEqualTo(servedNow);
                chains.put(tenant, mine);
            }
            // the same procedures on two slices cost the same functions
            assertThat(chains.get(Tenant.B)).isEqualTo(chains.get(Tenant.A));
            assertThat(chains.get(Tenant.A).get("amf-initial-registration")).as("Registration Request, Authentication Response, "
                    + "Security Mode Complete, Registration Complete").isEqualTo(4);
            assertThat(chains.get(Tenant.A).get("smf-pdu-session-create")).isEqualTo(1);

            // over the whole run: every function's invocations = the tenants' + the platform's
            Map<String, Long> all = new TreeMap<>(TenantTraffic.metered(meters, Tenant.A.label));
            TenantTraffic.metered(meters, Tenant.B.label).forEach((f, n) -> all.merge(f, n, Long::sum));
            TenantTraffic.metered(meters, Tenancy.PLATFORM).forEach((f, n) -> all.merge(f, n, Long::sum));
            assertThat(all).isEqualTo(TenantTraffic.invocations(meters));

            for (Tenant tenant : Tenant.values()) {
                double invocations = TenantTraffic.sum(meters, "liquid5gc.metering.invocations", tenant.label);
                double seconds = TenantTraffic.sum(meters, "liquid5gc.metering.execution", tenant.label);
                double gbSeconds = TenantTraffic.sum(meters, "liquid5gc.metering.gb.seconds", tenant.label);
                assertThat(seconds).as(tenant + " execution time").isPositive();
                // 1024 MB each, every invocation billed at least 1 ms, and never less than it ran
                assertThat(gbSeconds).isGreaterThanOrEqualTo(invocations * 0.001 - 1e-9).isGreaterThanOrEqualTo(seconds - 1e-9)
                        .isLessThanOrEqualTo(seconds + invocations * 0.001 + 1e-9);
            }
        }
    }
}
