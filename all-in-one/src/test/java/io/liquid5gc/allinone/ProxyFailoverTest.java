package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.AmfStatusIndication;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.proxy.n2.N2ShutdownProperties;
import io.liquid5gc.proxy.ue.UeSignalling;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.security.Hex;
import io.liquid5gc.store.redis.RedisServerProcess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two proxies on one Redis, a gNB with an association to each (issue 17 item 4), in one JVM: the all-in-one's own
 * proxy and a second one (its own N2 endpoint and UE table, the same functions and store), so the fault is quick to
 * make. The real-process version with kill -9 is {@link ProxyKillFailoverTest}. Every UE registered before the fault
 * carries on (service request and a new PDU session) without registering again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "liquid5gc.proxy.overload.enabled=false")
class ProxyFailoverTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final List<SNssai> SLICE = List.of(new SNssai(1, 0x010203));
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
    FunctionClient functions;

    @Autowired
    @Qualifier("stateStore")
    KeyValueStore store;

    /** A second proxy on the same store and functions, with nothing of any UE in memory. */
    private N2Server secondProxy(N2ShutdownProperties shutdown) {
        ProxyProperties properties = ProxyProperties.bind(java.util.Map.of("amf-name", "liquid5gc-amf-2", "sctp.udp-bind-address", "127.0.0.1", "sctp.udp-port", "0", "sctp.kernel", "off"));
        UeSignalling ue = new UeSignalling(functions, store, new tools.jackson.databind.json.JsonMapper(), properties, new SimpleMeterRegistry());
        N2Server server = new N2Server(properties, new SimpleMeterRegistry());
        server.attach(ue);
        server.shutdown(shutdown);
        server.start();
        return server;
    }

    @Test
    void whenOneOfTwoProxiesFails_thenEveryUeRegisteredBeforeCarriesOnThroughTheOther() throws Exception {
        N2Server second = secondProxy(new N2ShutdownProperties(false, Duration.ZERO, "", true));
        try (SimGnb gnb = new SimGnb("001", "01", 1, 0x51, SLICE)) {
            assertThat(gnb.connect(List.of(n2.udpAddress(), second.udpAddress()), null))
                    .allSatisfy(answer -> assertThat(answer).isInstanceOf(NgSetup.Response.class));
            FailoverRun run = new FailoverRun(gnb, Duration.ofSeconds(8));
            run.prepare(600, 12, K, OPC);
            assertThat(run.onAssociation(1)).as("the UEs are spread over both proxies").isPositive();
            // the second proxy's N2 goes away without a word to the gNB (no AMF STATUS INDICATION)
            FailoverRun.Result r = run.run("proxy N2 closed (in-JVM)", 1, 2, second::stop);
            print(r);
            assertThat(gnb.available()).containsExactly(true, false);
            assertThat(r.lost()).as("UEs lost: %s", r.why()).isZero();
            assertThat(r.moved()).as("the failed proxy's UEs moved to the other association").isGreaterThanOrEqualTo(r.onFailedProxy());
            assertThat(r.failedDuringFault()).as("every procedure that failed in the fault succeeded when retried").isEqualTo(r.retriedOk());
        } finally {
            second.stop();
        }
    }

    @Test
    void whenAProxyStopsAfterAmfStatusIndication_thenNoUeIsLostAndNoProcedureFails() throws Exception {
        N2Server second = secondProxy(new N2ShutdownProperties(true, Duration.ofSeconds(3), "liquid5gc-amf", true));
        try (SimGnb gnb = new SimGnb("001", "01", 1, 0x52, SLICE)) {
            assertThat(gnb.connect(List.of(n2.udpAddress(), second.udpAddress()), null))
                    .allSatisfy(answer -> assertThat(answer).isInstanceOf(NgSetup.Response.class));
            FailoverRun run = new FailoverRun(gnb, Duration.ofSeconds(30));
            run.prepare(700, 12, K, OPC);
            assertThat(run.onAssociation(1)).isPositive();
            // a planned restart: AMF STATUS INDICATION, the grace period (procedures in flight finish), then the close
            Thread stopping = Thread.ofVirtual().start(second::stop);
            FailoverRun.Result r = run.run("planned stop (AMF STATUS INDICATION)", 1, 2, () -> { });
            stopping.join(Duration.ofSeconds(30));
            print(r);
            assertThat(gnb.amfIndications()).anySatisfy(m -> assertThat(m).isInstanceOf(AmfStatusIndication.class));
            assertThat(gnb.available()).containsExactly(true, false);
            assertThat(r.lost()).as("UEs lost: %s", r.why()).isZero();
            assertThat(r.failedDuringFault()).as("procedures failed by a planned stop").isZero();
        } finally {
            second.stop();
        }
    }

    private static void print(FailoverRun.Result r) {
        System.out.println(FailoverRun.Result.header());
        System.out.println(r.row());
    }
}
