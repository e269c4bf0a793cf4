package io.liquid5gc.r17.nwdaf;

import io.liquid5gc.runtime.testing.MovableClock;
import io.liquid5gc.store.redis.TestStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.nwdaf.DataCollectRequest;
import io.liquid5gc.sbi.nwdaf.EventNotification;
import io.liquid5gc.sbi.nwdaf.EventSubscription;
import io.liquid5gc.sbi.nwdaf.NfLoadLevelInformation;
import io.liquid5gc.sbi.nwdaf.NnwdafEventsSubscription;
import io.liquid5gc.sbi.nwdaf.NnwdafEventsSubscriptionNotification;
import io.liquid5gc.sbi.nwdaf.SliceLoadLevelInformation;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * nwdaf-analytics-subscribe / nwdaf-data-collect (TS 29.520, TS 23.288): notifications received by a real HTTP server
 * on loopback (the JDK's HttpServer), on memory and Redis. Time from a settable clock.
 */
class AnalyticsTest {

    static final JsonMapper JSON = new JsonMapper();

    abstract static class Contract {

        HttpServer server;
        final BlockingQueue<NnwdafEventsSubscriptionNotification> received = new LinkedBlockingQueue<>();
        final AtomicInteger posts = new AtomicInteger();
        volatile int failFirst;
        volatile long delayMillis;
        MovableClock clock;
        SimpleMeterRegistry meters;
        Notifier notifier;
        Analytics nwdaf;
        String uri;

        abstract KeyValueStore newStore();

        @BeforeEach
        void setUp() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/notify", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int n = posts.incrementAndGet();
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (n <= failFirst) {
                    exchange.sendResponseHeaders(503, -1);
                } else {
                    received.add(JSON.readValue(body, NnwdafEventsSubscriptionNotification.class));
                    exchange.sendResponseHeaders(204, -1);
                }
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
            clock = new MovableClock(Instant.parse("2026-11-22T08:00:00Z"));
            meters = new SimpleMeterRegistry();
            NwdafProperties properties = new NwdafProperties(Duration.ZERO, 1000.0, Duration.ofSeconds(2), 3);
            notifier = new Notifier(JSON, properties, meters);
            nwdaf = new Analytics(newStore(), JSON, properties, clock, meters, notifier);
        }

        @AfterEach
        void tearDown() {
            notifier.close();
            server.stop(0);
        }

        NnwdafEventsSubscription subscribe(EventSubscription e) {
            return nwdaf.handleSubscribe(new NnwdafEventsSubscription(null, List.of(e), uri, "corr-1"));
        }

        void reportNf(String nfType, int load) {
            nwdaf.handleCollect(new DataCollectRequest(List.of(new NfLoadLevelInformation(nfType, null, load, null)), List.of(), false));
        }

        NnwdafEventsSubscriptionNotification next() throws InterruptedException {
            return received.poll(5, TimeUnit.SECONDS);
        }

        @Test
        void whenAnNfLoadCrossesTheThreshold_thenTheSubscriberIsNotifiedOncePerCrossing() throws Exception {
            NnwdafEventsSubscription s = subscribe(new EventSubscription("NF_LOAD", "THRESHOLD", null, 50, List.of("SMF"), List.of()));
            assertThat(s.subscriptionId()).isNotBlank();
            reportNf("SMF", 30);
            reportNf("AMF", 99); // not subscribed to
            reportNf("SMF", 70);
            NnwdafEventsSubscriptionNotification n = next();
            assertThat(n).isNotNull();
            assertThat(n.subscriptionId()).isEqualTo(s.subscriptionId());
            assertThat(n.notifCorrId()).isEqualTo("corr-1");
            EventNotification e = n.eventNotifications().getFirst();
            assertThat(e.event()).isEqualTo("NF_LOAD");
            assertThat(e.timeStampGen()).isEqualTo(clock.instant());
            assertThat(e.nfLoadLevelInfos()).extracting(NfLoadLevelInformation::nfType, NfLoadLevelInformation::nfLoadLevelAverage)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("SMF", 70));
            reportNf("SMF", 80); // still above: no new crossing
            reportNf("SMF", 20); // below: re-armed
            reportNf("SMF", 90);
            assertThat(next().eventNotifications().getFirst().nfLoadLevelInfos().getFirst().nfLoadLevelAverage()).isEqualTo(90);
            Thread.sleep(200);
            assertThat(received).isEmpty();
            assertThat(posts).hasValue(2);
        }

        @Test
        void whenASliceLoadCrossesTheThreshold_thenTheSubscriberIsNotified() throws Exception {
            Snssai slice = new Snssai(1, "010203");
            subscribe(new EventSubscription("SLICE_LOAD_LEVEL", "THRESHOLD", null, 100, List.of(), List.of(slice)));
            nwdaf.handleCollect(new DataCollectRequest(List.of(), List.of(new SliceLoadLevelInformation(150, List.of(slice))), false));
            EventNotification e = next().eventNotifications().getFirst();
            assertThat(e.event()).isEqualTo("SLICE_LOAD_LEVEL");
            assertThat(e.sliceLoadLevelInfo()).isEqualTo(new SliceLoadLevelInformation(150, List.of(slice)));
        }

        @Test
        void whenPeriodic_thenANotificationIsSentEveryRepetitionPeriod() throws Exception {
            subscribe(new EventSubscription("NF_LOAD", "PERIODIC", 60, null, List.of(), List.of()));
            reportNf("UDM", 5);
            assertThat(next()).isNotNull();
            reportNf("UDM", 6);
            clock.advance(Duration.ofSeconds(30));
            nwdaf.tick();
            Thread.sleep(200);
            assertThat(received).isEmpty();
            clock.advance(Duration.ofSeconds(30));
            nwdaf.tick();
            assertThat(next().eventNotifications().getFirst().nfLoadLevelInfos()).extracting(NfLoadLevelInformation::nfLoadLevelAverage)
                    .containsExactly(6);
        }

        @Test
        void whenFunctionsAreInvoked_thenTheNfLoadIsDerivedFromTheMetrics() throws Exception {
            Timer smf = Timer.builder("liquid5gc.function.invocations").tag("nf", "smf").tag("function", "smf-pdu-session-create")
                    .tag("placement", "local").tag("outcome", "success").register(meters);
            subscribe(new EventSubscription("NF_LOAD", "THRESHOLD", null, 40, List.of("SMF"), List.of()));
            nwdaf.handleCollect(new DataCollectRequest(null, null, true));
            for (int i = 0; i < 600; i++) {
                smf.record(Duration.ofMillis(1));
            }
            clock.advance(Duration.ofSeconds(1));
            var result = nwdaf.handleCollect(new DataCollectRequest(null, null, null));
            assertThat(result.nfLoadLevelInfos()).filteredOn(n -> n.nfType().equals("SMF")).singleElement()
                    .satisfies(n -> {
                        assertThat(n.invocationsPerSecond()).isEqualTo(600.0);
                        assertThat(n.nfLoadLevelAverage()).isEqualTo(60); // of 1,000/s
                    });
            assertThat(result.notificationsQueued()).isEqualTo(1);
            assertThat(next().eventNotifications().getFirst().nfLoadLevelInfos().getFirst().nfLoadLevelAverage()).isEqualTo(60);
        }

        @Test
        void whenTheSubscriberFailsTwice_thenTheThirdAttemptDelivers() throws Exception {
            failFirst = 2;
            subscribe(new EventSubscription("NF_LOAD", "THRESHOLD", null, 10, List.of(), List.of()));
            reportNf("PCF", 50);
            assertThat(next()).isNotNull();
            assertThat(posts).hasValue(3);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); // counted once the 204 is read by the sender
            while (meters.get("liquid5gc.nwdaf.notifications").tag("outcome", "delivered").counter().count() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(meters.get("liquid5gc.nwdaf.notifications").tag("outcome", "delivered").counter().count()).isEqualTo(1);
            assertThat(meters.get("liquid5gc.nwdaf.notifications").tag("outcome", "failed").counter().count()).isZero();
        }

        @Test
        void whenTheSubscriberIsSlow_thenTheCallerIsNotBlocked() throws Exception {
            delayMillis = 1500;
            subscribe(new EventSubscription("NF_LOAD", "THRESHOLD", null, 10, List.of(), List.of()));
            long start = System.nanoTime();
            reportNf("PCF", 50);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));
            assertThat(next()).isNotNull();
        }

        @Test
        void whenTheSubscriptionIsInvalid_thenTheAnswerIs400() {
            assertThatThrownBy(() -> nwdaf.handleSubscribe(new NnwdafEventsSubscription(null, List.of(), uri, null)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> subscribe(new EventSubscription("UE_MOBILITY", "THRESHOLD", null, 1, null, null)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().cause()).isEqualTo("UNSUPPORTED_EVENT"));
            assertThatThrownBy(() -> subscribe(new EventSubscription("NF_LOAD", "PERIODIC", null, null, null, null)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> nwdaf.handleSubscribe(new NnwdafEventsSubscription(null,
                    List.of(new EventSubscription("NF_LOAD", "THRESHOLD", null, 1, null, null)), "ftp://x/y", null)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Nested
    class InMemory extends Contract {
        @Override
        KeyValueStore newStore() {
            return TestStores.memory();
        }
    }

    @Nested
    class OnRedis extends Contract {
        @Override
        KeyValueStore newStore() {
            return TestStores.redis();
        }
    }
}
