package io.liquid5gc.smf;

import static io.liquid5gc.smf.SmfTestApp.EMBB;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.smf.PduSessionCreateRequest;
import io.liquid5gc.sbi.smf.PduSessionCreateResponse;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.SmfApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The chain SMF → PCF with the Release 17 NFs switched off: the SMF skips NSACF, CHF and BSF (on Redis). */
class PduSessionR17OffTest {

    static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        String[] redis = SmfTestApp.redis();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(redis), java.util.stream.Stream.of(
                "liquid5gc.nf.nsacf.enabled=false", "liquid5gc.nf.chf.enabled=false", "liquid5gc.nf.bsf.enabled=false",
                "liquid5gc.nf.nwdaf.enabled=false")).toArray(String[]::new);
        context = SmfTestApp.start(all);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void whenR17IsOff_thenSessionsAreEstablishedAndReleasedWithoutNsacfChfOrBsf() {
        FunctionClient client = context.getBean(FunctionClient.class);
        KeyValueStore store = context.getBean("stateStore", KeyValueStore.class);
        assertThat(client.isEnabled(NfType.NSACF)).isFalse();
        assertThat(context.getBean(FunctionDispatcher.class).deployed()).contains("pcf-policy-create").doesNotContain("nsacf-update-counters",
                "chf-charging-create", "bsf-binding-register");
        // the chargeless subscriber of SmfTestApp would be refused by the CHF: with the CHF off it is not asked
        PduSessionCreateResponse r = client.call(SmfApi.PDU_SESSION_CREATE, new PduSessionCreateRequest("imsi-001010000000666", 1, "internet",
                EMBB, "IPV4", null, new PlmnId("001", "01"), "amf-1", null, null));
        assertThat(r.wasAccepted()).as("%s", r).isTrue();
        SmContext ctx = context.getBean(SmContextStore.class).find(r.smContextRef()).orElseThrow();
        assertThat(ctx.nsacCounted()).isFalse();
        assertThat(ctx.chargingDataRef()).isNull();
        assertThat(ctx.bindingId()).isNull();
        assertThat(store.scan("nsacf/", 10)).isEmpty();
        assertThat(store.scan("bsf/", 10)).isEmpty();
        assertThat(store.scan("chf/", 10)).isEmpty();
        assertThat(store.get("pcf/sm-policy/imsi-001010000000666-1")).isPresent();
        client.call(SmfApi.PDU_SESSION_RELEASE, new PduSessionReleaseRequest(r.smContextRef(), null));
        assertThat(store.get("smf/ctx/" + r.smContextRef())).isEmpty();
    }
}
