package io.liquid5gc.smf;

import static io.liquid5gc.smf.SmfTestApp.EMBB;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.smf.PduSessionCreateRequest;
import io.liquid5gc.sbi.smf.PduSessionCreateResponse;
import io.liquid5gc.sbi.smf.SmfApi;
import io.liquid5gc.store.redis.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Peers that do not answer: the NSACF's admission is fail-closed (#26, nothing left allocated); a CHF that does not
 * answer is skipped (TS 32.255 failure handling CONTINUE) and the session is established uncharged.
 */
class PduSessionPeerFailureTest {

    static final String NOWHERE = "http://127.0.0.1:" + RedisServerProcess.freePort();

    static PduSessionCreateResponse create(ConfigurableApplicationContext ctx, String supi) {
        return ctx.getBean(FunctionClient.class).call(SmfApi.PDU_SESSION_CREATE, new PduSessionCreateRequest(supi, 1, "internet", EMBB,
                "IPV4", null, new PlmnId("001", "01"), "amf-1", null, null));
    }

    @Test
    void whenTheNsacfDoesNotAnswer_thenTheSessionIsRejectedWith26AndNothingStaysAllocated() {
        try (ConfigurableApplicationContext ctx = SmfTestApp.start("liquid5gc.nf.nsacf.placement=http", "liquid5gc.nf.nsacf.url=" + NOWHERE,
                "liquid5gc.http.max-attempts=1")) {
            PduSessionCreateResponse r = create(ctx, "imsi-001010000000077");
            assertThat(r.n1SmReject().cause5gsm()).as("%s", r).isEqualTo(26);
            KeyValueStore store = ctx.getBean("stateStore", KeyValueStore.class);
            assertThat(store.scan("smf/ctx/", 10)).isEmpty();
            assertThat(store.get("smf/pool/ip/internet/#used").map(String::new).orElse("0")).isEqualTo("0");
        }
    }

    @Test
    void whenTheChfDoesNotAnswer_thenTheSessionIsEstablishedWithoutCharging() {
        try (ConfigurableApplicationContext ctx = SmfTestApp.start("liquid5gc.nf.chf.placement=http", "liquid5gc.nf.chf.url=" + NOWHERE,
                "liquid5gc.http.max-attempts=1")) {
            PduSessionCreateResponse r = create(ctx, "imsi-001010000000078");
            assertThat(r.wasAccepted()).as("%s", r).isTrue();
            assertThat(ctx.getBean(SmContextStore.class).find(r.smContextRef()).orElseThrow().chargingDataRef()).isNull();
        }
    }

    @Test
    void whenTheUdmIsNotReachable_thenTheSessionIsRejectedWith34NotAsUnsubscribed() {
        try (ConfigurableApplicationContext ctx = SmfTestApp.start("liquid5gc.nf.udm.placement=http", "liquid5gc.nf.udm.url=" + NOWHERE,
                "liquid5gc.http.max-attempts=1")) {
            PduSessionCreateResponse r = create(ctx, "imsi-001010000000079");
            assertThat(r.n1SmReject().cause5gsm()).as("%s", r).isEqualTo(34);
            assertThat(r.error().status()).isEqualTo(503);
        }
    }
}
