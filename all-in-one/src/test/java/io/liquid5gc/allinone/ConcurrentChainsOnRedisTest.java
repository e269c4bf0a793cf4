package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.udr.AuthenticationSubscription;
import io.liquid5gc.sbi.udr.DataReadRequest;
import io.liquid5gc.sbi.udr.UdrApi;
import io.liquid5gc.sbi.udr.UdrDataSet;
import io.liquid5gc.security.Hex;
import io.liquid5gc.store.redis.RedisServerProcess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #6's concurrency criterion over the whole chain, N2 included, with every store in a real Redis: 1,000 UEs
 * register and open a PDU session at once (200 in flight) through the proxy, AMF, AUSF, UDM, UDR, NSSF, NSACF, SMF,
 * PCF, CHF and BSF. No 5G-GUTI and no UE address is given twice; the NSACF admits exactly its quota of UEs on the
 * slice and counts exactly the admitted UEs and sessions (the rest are rejected with #62, fail-closed at the quota);
 * and 50 concurrent authentications of one subscriber advance its SQN by exactly 50 (no SQN used twice).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        // a burst of 1,000 UEs at once on purpose: this test is about correctness under concurrency, not overload
        // control (OverloadTest), which could turn some away with #22 on a slow machine
        "liquid5gc.proxy.overload.enabled=false",
        "liquid5gc.nsacf.slices[0].sst=1", "liquid5gc.nsacf.slices[0].sd=010203", "liquid5gc.nsacf.slices[0].max-num-ues=980",
        "liquid5gc.nsacf.slices[0].max-num-pdus=2000"})
class ConcurrentChainsOnRedisTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final io.liquid5gc.nas.ie.SNssai SLICE = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);
    private static final int UES = 1_000;
    private static final int QUOTA = 980;
    private static final RedisServerProcess REDIS = RedisServerProcess.start();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("liquid5gc.store.type", () -> "redis");
        registry.add("liquid5gc.store.redis.url", REDIS::url);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Autowired
    N2Server n2;

    @Autowired
    @Qualifier("stateStore")
    KeyValueStore store;

    @Autowired
    FunctionClient functions;

    @Test
    void whenAThousandUesRegisterAndOpenSessionsAtOnce_thenGutisAndAddressesAreUniqueAndTheSliceCountsExact() throws Exception {
        try (SimGnb gnb = new SimGnb("001", "01", 1, 0x41, List.of(new SNssai(1, 0x010203)))) {
            assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
            Semaphore inFlight = new Semaphore(200);
            List<CompletableFuture<Object[]>> all = new ArrayList<>();
            for (int i = 0; i < UES; i++) {
                inFlight.acquire();
                SimUe ue = new SimUe(i + 1, "001", "01", String.format("%010d", i + 1), K, OPC, List.of(SLICE));
                all.add(ue.register(gnb).thenCompose(r -> r.registered()
                                ? ue.establishSession(1, "internet", SLICE).thenApply(s -> new Object[] {r, s})
                                : CompletableFuture.completedFuture(new Object[] {r, null}))
                        .orTimeout(120, TimeUnit.SECONDS).whenComplete((v, e) -> inFlight.release()));
            }
            Set<String> gutis = new HashSet<>();
            Set<String> addresses = new HashSet<>();
            int registered = 0;
            int rejected62 = 0;
            for (CompletableFuture<Object[]> f : all) {
                Object[] outcome = f.get(180, TimeUnit.SECONDS);
                SimUe.Registration r = (SimUe.Registration) outcome[0];
                if (r.registered()) {
                    registered++;
                    gutis.add(r.guti());
                    SimUe.Session s = (SimUe.Session) outcome[1];
                    assertThat(s.established()).as("PDU session: %s", s.failure()).isTrue();
                    addresses.add(s.address());
                } else {
                    assertThat(r.rejectCause()).as("only the slice quota refuses").isEqualTo(62);
                    rejected62++;
                }
            }
            assertThat(registered).as("exactly the NSACF's quota registered").isEqualTo(QUOTA);
            assertThat(rejected62).isEqualTo(UES - QUOTA);
            assertThat(gutis).as("no 5G-GUTI twice").hasSize(QUOTA);
            assertThat(addresses).as("no UE address twice").hasSize(QUOTA);
        }
        assertThat(store.increment("nsacf/count/ue/1-010203", 0)).as("NSACF UE counter").isEqualTo(QUOTA);
        assertThat(store.increment("nsacf/count/pdu/1-010203", 0)).as("NSACF PDU session counter").isEqualTo(QUOTA);
    }

    @Test
    void whenOneSubscriberAuthenticatesFiftyTimesAtOnce_thenItsSqnAdvancesByExactlyFifty() throws Exception {
        String supi = "imsi-001010000000999";
        long before = seq(supi);
        try (SimGnb gnb = new SimGnb("001", "01", 1, 0x42, List.of(new SNssai(1, 0x010203)))) {
            assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
            List<CompletableFuture<SimUe.Registration>> all = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                all.add(new SimUe(5000 + i, "001", "01", "0000000999", K, OPC, List.of(SLICE)).register(gnb));
            }
            for (CompletableFuture<SimUe.Registration> f : all) {
                f.get(120, TimeUnit.SECONDS); // registered or rejected at the quota: each got one authentication vector
            }
        }
        assertThat(seq(supi) - before).as("one fresh SQN per authentication vector").isEqualTo(50);
    }

    /** SEQ of the subscriber's SQN_HE in the UDR (TS 33.102 C.1: SQN = SEQ || IND). */
    private long seq(String supi) {
        AuthenticationSubscription.SequenceNumber sqn = functions.call(UdrApi.DATA_READ,
                DataReadRequest.of(supi, UdrDataSet.AUTHENTICATION_SUBSCRIPTION)).authenticationSubscription().sequenceNumber();
        int ind = sqn.indLength() == null ? 5 : sqn.indLength();
        return Long.parseLong(sqn.sqn(), 16) >>> ind;
    }
}
