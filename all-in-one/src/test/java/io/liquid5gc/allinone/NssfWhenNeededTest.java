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
 * Slice selection still reaches the NSSF when there is a need for it (TS 23.502 4.2.2.2.3 step 4), on the
 * all-in-one core with its real NSSF (ransim over N2): this AMF serves 1-010203 only, so a campus-b UE (subscribed to
 * 1-000002, which the NSSF supports in the PLMN) is selected by the NSSF and, its slice not served here, rejected
 * (#62); a campus-a UE registers without an NSSF invocation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(locations = "classpath:tenants.properties", properties = {
        "liquid5gc.amf.slices[0].sst=1", "liquid5gc.amf.slices[0].sd=010203"})
class NssfWhenNeededTest {

    @Autowired
    N2Server n2;

    @Autowired
    MeterRegistry meters;

    @Test
    void whenAUeIsSubscribedToASliceThisAmfDoesNotServe_thenTheNssfIsAskedAndForAServedOneItIsNot() throws Exception {
        try (SimGnb gnb = TenantTraffic.gnb()) {
            assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);

            Map<String, Long> before = TenantTraffic.invocations(meters);
            assertThat(SliceHops.register(gnb, Tenant.A, 2).registered()).isTrue();
            assertThat(SliceHops.registrationInvocations(meters, before)).as("a served slice: no need for slice selection")
                    .containsEntry("amf-initial-registration", 4L).doesNotContainKey("nssf-slice-select");

            before = TenantTraffic.invocations(meters);
            SimUe.Registration b = SliceHops.register(gnb, Tenant.B, 2);
            assertThat(b.registered()).isFalse();
            assertThat(b.rejectCause()).isEqualTo(62);
            assertThat(SliceHops.registrationInvocations(meters, before)).as("a slice this AMF does not serve: the NSSF decides")
                    .containsEntry("nssf-slice-select", 1L);
        }
    }
}
