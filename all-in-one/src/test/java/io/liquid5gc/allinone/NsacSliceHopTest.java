package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.allinone.TenantTraffic.Tenant;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The NSACF hop only for the S-NSSAIs subject to NSAC (TS 23.501 5.15.11.1), on the all-in-one core with its real
 * NSSF and NSACF (ransim over N2): the AMF serves both tenants' slices, 1-000002 alone is subject to NSAC (quota one
 * UE). A campus-a UE (1-010203) registers with neither an NSACF nor an NSSF invocation; a campus-b UE is admitted
 * by the NSACF; a second campus-b UE finds the quota full and is rejected (#62, its only slice), as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(locations = "classpath:tenants.properties", properties = {
        "liquid5gc.amf.nsac.snssais[0].sst=1", "liquid5gc.amf.nsac.snssais[0].sd=000002",
        "liquid5gc.nsacf.slices[0].sst=1", "liquid5gc.nsacf.slices[0].sd=000002", "liquid5gc.nsacf.slices[0].max-num-ues=1"})
class NsacSliceHopTest {

    @Autowired
    N2Server n2;

    @Autowired
    MeterRegistry meters;

    @Test
    void whenAUeRegistersOnASliceNotSubjectToNsac_thenTheNsacfIsNotAskedAndOnAnNsacSliceItIsAndItsQuotaHolds() throws Exception {
        try (SimGnb gnb = TenantTraffic.gnb()) {
            assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);

            Map<String, Long> before = TenantTraffic.invocations(meters);
            assertThat(SliceHops.register(gnb, Tenant.A, 0).registered()).isTrue();
            Map<String, Long> a = SliceHops.registrationInvocations(meters, before);
            assertThat(a).as("campus-a's registration").containsEntry("amf-initial-registration", 4L)
                    .doesNotContainKeys("nsacf-slice-availability-check", "nssf-slice-select");

            before = TenantTraffic.invocations(meters);
            SimUe.Registration b = SliceHops.register(gnb, Tenant.B, 0);
            assertThat(b.registered()).isTrue();
            assertThat(SliceHops.registrationInvocations(meters, before)).as("campus-b's registration: its slice is subject to NSAC")
                    .containsEntry("nsacf-slice-availability-check", 1L).doesNotContainKey("nssf-slice-select");

            SimUe.Registration full = SliceHops.register(gnb, Tenant.B, 1);
            assertThat(full.registered()).as("the NSACF's quota of one UE on 1-000002").isFalse();
            assertThat(full.rejectCause()).isEqualTo(62);
        }
    }
}
