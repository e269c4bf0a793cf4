package io.liquid5gc.smf;

import static io.liquid5gc.smf.SmfTestApp.QUOTA_SLICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.smf.PduSessionCreateRequest;
import io.liquid5gc.sbi.smf.PduSessionCreateResponse;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.SmfApi;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The SMF calling the UDM (stand-in), PCF, NSACF, CHF and BSF over HTTP ({@code http} placement): every request and
 * answer type crosses the wire as JSON, and the peers' state is in the peers' process.
 */
class PduSessionHttpPlacementTest {

    static ConfigurableApplicationContext peers;
    static ConfigurableApplicationContext smf;

    @BeforeAll
    static void start() {
        // the peers' endpoint enforces access tokens (the default); the SMF gets its tokens from a test issuer
        io.liquid5gc.runtime.security.TestTokenIssuer nrf = new io.liquid5gc.runtime.security.TestTokenIssuer();
        peers = new SpringApplicationBuilder(SmfTestApp.class).web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "server.address=127.0.0.1", "liquid5gc.store.memory.journal=none",
                        "liquid5gc.security.jwks=" + nrf.publicJwks(),
                        "liquid5gc.nsacf.slices[0].sst=2", "liquid5gc.nsacf.slices[0].max-num-pdus=1", "liquid5gc.nwdaf.collection-interval=0")
                .run();
        String url = "http://127.0.0.1:" + peers.getEnvironment().getProperty("local.server.port");
        smf = SmfTestApp.start(new org.springframework.context.ApplicationContextInitializer<?>[] {
                ctx -> ((org.springframework.context.ConfigurableApplicationContext) ctx).getBeanFactory().registerSingleton("testTokenIssuer", nrf)},
                Stream.of("udm", "pcf", "nsacf", "chf", "bsf")
                .flatMap(nf -> Stream.of("liquid5gc.nf." + nf + ".placement=http", "liquid5gc.nf." + nf + ".url=" + url))
                .toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        smf.close();
        peers.close();
    }

    @Test
    void whenThePeersAreReachedOverHttp_thenTheSessionIsEstablishedAndReleasedWithTheirStateInTheirProcess() {
        FunctionClient client = smf.getBean(FunctionClient.class);
        assertThat(client.placementOf(NfType.PCF)).isEqualTo(Placement.HTTP);
        KeyValueStore remote = peers.getBean("stateStore", KeyValueStore.class);
        KeyValueStore local = smf.getBean("stateStore", KeyValueStore.class);
        PlmnId plmn = new PlmnId("001", "01");
        PduSessionCreateResponse r = client.call(SmfApi.PDU_SESSION_CREATE, new PduSessionCreateRequest("imsi-001010000000042", 1,
                "internet", QUOTA_SLICE, "IPV4", null, plmn, "amf-1", null, null));
        assertThat(r.wasAccepted()).as("%s", r).isTrue();
        assertThat(r.n1SmAccept().sessionAmbr().uplink()).isEqualTo("100 Mbps"); // the subscription's, through UDM and PCF
        assertThat(remote.get("pcf/sm-policy/imsi-001010000000042-1")).isPresent();
        assertThat(local.get("pcf/sm-policy/imsi-001010000000042-1")).isEmpty();
        assertThat(remote.get("nsacf/pdu/imsi-001010000000042/1/2")).isPresent();
        assertThat(remote.scan("chf/cdr/", 10)).hasSize(1);
        assertThat(remote.scan("bsf/binding/", 10)).hasSize(1);
        // the remote NSACF's quota of 1 is used up
        PduSessionCreateResponse second = client.call(SmfApi.PDU_SESSION_CREATE, new PduSessionCreateRequest("imsi-001010000000043", 1,
                "internet", QUOTA_SLICE, "IPV4", null, plmn, "amf-1", null, null));
        assertThat(second.n1SmReject().cause5gsm()).isEqualTo(69);
        client.call(SmfApi.PDU_SESSION_RELEASE, new PduSessionReleaseRequest(r.smContextRef(), null));
        assertThat(remote.get("nsacf/pdu/imsi-001010000000042/1/2")).isEmpty();
        assertThat(remote.scan("bsf/binding/", 10)).isEmpty();
        assertThat(new String(remote.scan("chf/cdr/", 10).values().iterator().next())).contains("CLOSED");
    }
}
