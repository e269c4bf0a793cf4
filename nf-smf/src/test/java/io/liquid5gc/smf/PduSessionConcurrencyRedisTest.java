package io.liquid5gc.smf;

import static io.liquid5gc.smf.SmfTestApp.LOAD_SLICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.smf.PduSessionCreateRequest;
import io.liquid5gc.sbi.smf.PduSessionCreateResponse;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.SmfApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 1,000 PDU session establishments at once against a real Redis, every NF on: no UE address or TEID given twice, the
 * NSACF's PDU session counter of the slice exactly 1,000 (its maximum: the next one is refused), and after 1,000
 * concurrent releases every address, TEID and count is back.
 */
class PduSessionConcurrencyRedisTest {

    static final int SESSIONS = 1000;
    static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        context = SmfTestApp.start(SmfTestApp.redis());
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    long counter(String key) {
        KeyValueStore store = context.getBean("stateStore", KeyValueStore.class);
        return store.get(key).map(b -> Long.parseLong(new String(b, StandardCharsets.US_ASCII))).orElse(0L);
    }

    @Test
    void when1000SessionsAreCreatedConcurrently_thenNoAddressOrTeidIsDuplicatedAndTheNsacfCountIsExact() throws Exception {
        FunctionClient client = context.getBean(FunctionClient.class);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<PduSessionCreateResponse>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < SESSIONS; i++) {
                String supi = String.format("imsi-00101%010d", 5_000_000 + i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return client.call(SmfApi.PDU_SESSION_CREATE, new PduSessionCreateRequest(supi, 1, "internet", LOAD_SLICE, "IPV4",
                            null, new PlmnId("001", "01"), "amf-1", null, null));
                }));
            }
            go.countDown();
        }
        Set<String> addresses = new HashSet<>();
        Set<String> teids = new HashSet<>();
        List<String> refs = new ArrayList<>();
        for (Future<PduSessionCreateResponse> f : futures) {
            PduSessionCreateResponse r = f.get();
            assertThat(r.wasAccepted()).as("%s", r).isTrue();
            addresses.add(r.n1SmAccept().pduAddress().ipv4Addr());
            teids.add(r.n2SmInfo().ulNguUpTnlInformation().gtpTeid());
            refs.add(r.smContextRef());
        }
        assertThat(addresses).hasSize(SESSIONS);
        assertThat(teids).hasSize(SESSIONS);
        assertThat(counter("nsacf/count/pdu/4")).isEqualTo(SESSIONS);
        assertThat(counter("smf/pool/ip/internet/#used")).isEqualTo(SESSIONS);
        PduSessionCreateResponse oneTooMany = client.call(SmfApi.PDU_SESSION_CREATE, new PduSessionCreateRequest("imsi-001019999999999", 1,
                "internet", LOAD_SLICE, "IPV4", null, new PlmnId("001", "01"), "amf-1", null, null));
        assertThat(oneTooMany.n1SmReject().cause5gsm()).isEqualTo(69);
        assertThat(counter("nsacf/count/pdu/4")).isEqualTo(SESSIONS);

        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> releases = new ArrayList<>();
            for (String ref : refs) {
                releases.add(pool.submit(() -> client.call(SmfApi.PDU_SESSION_RELEASE, new PduSessionReleaseRequest(ref, null))));
            }
            for (Future<?> f : releases) {
                f.get();
            }
        }
        assertThat(counter("nsacf/count/pdu/4")).isZero();
        assertThat(counter("smf/pool/ip/internet/#used")).isZero();
        assertThat(counter("smf/pool/teid/upf-1/#used")).isZero();
    }
}
