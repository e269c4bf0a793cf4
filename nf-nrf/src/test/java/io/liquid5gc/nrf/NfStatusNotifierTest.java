package io.liquid5gc.nrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.testing.MovableClock;
import com.sun.net.httpserver.HttpServer;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.nrf.NfDiscoveryRequest;
import io.liquid5gc.sbi.nrf.NfProfile;
import io.liquid5gc.sbi.nrf.NfStatusSubscriptionRequest;
import io.liquid5gc.sbi.nrf.NotificationData;
import io.liquid5gc.sbi.nrf.SubscriptionData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** NF registration, discovery, expiry and status notifications, on a clock the test moves, to a real HTTP subscriber. */
class NfStatusNotifierTest {

    private final JsonMapper json = new JsonMapper();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T00:00:00Z"));
    private final BlockingQueue<NotificationData> received = new LinkedBlockingQueue<>();
    private HttpServer subscriber;
    private NfStatusNotifier notifier;
    private NfRegistry registry;

    @BeforeEach
    void setUp() throws Exception {
        subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        subscriber.createContext("/notify", exchange -> {
            received.add(json.readValue(exchange.getRequestBody().readAllBytes(), NotificationData.class));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        subscriber.start();
        NrfProperties props = new NrfProperties(Duration.ofSeconds(10), 1.5, Duration.ofSeconds(60), Duration.ofHours(24), Duration.ofSeconds(5), Duration.ofSeconds(300));
        InMemoryKeyValueStore store = new InMemoryKeyValueStore(clock);
        notifier = new NfStatusNotifier(store, json, clock, props, new SimpleMeterRegistry());
        registry = new NfRegistry(store, json, props, notifier);
    }

    @AfterEach
    void tearDown() {
        notifier.stop();
        subscriber.stop(0);
    }

    private String callback() {
        return "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/notify";
    }

    private static NfProfile ausf(String id, String status) {
        return new NfProfile(id, "AUSF", status, null, List.of(), List.of(), null, List.of("127.0.0.3"), List.of(), null);
    }

    @Test
    void whenAnAusfRegistersChangesAndExpires_thenTheSubscriberIsToldEachTime() throws Exception {
        SubscriptionData sub = notifier.handleNfStatusSubscription(NfStatusSubscriptionRequest.subscribe(
                new SubscriptionData(callback(), null, new SubscriptionData.NfTypeCond("AUSF"), List.of(), null)));
        assertThat(sub.subscriptionId()).isNotBlank();
        assertThat(sub.validityTime()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        notifier.sweep(); // the first sweep learns what is there

        String id = "7d3f1a52-9e55-4c1b-8f1e-2b4c6d8e0a13";
        registry.handleNfRegister(ausf(id, null));
        NotificationData registered = received.poll(5, TimeUnit.SECONDS);
        assertThat(registered).isNotNull();
        assertThat(registered.event()).isEqualTo("NF_REGISTERED");
        assertThat(registered.nfInstanceUri()).endsWith(id);
        assertThat(registered.nfProfile().nfStatus()).isEqualTo("REGISTERED");

        registry.handleNfRegister(ausf(id, null)); // a heart-beat: nothing changed, nothing sent
        registry.handleNfRegister(ausf(id, "SUSPENDED"));
        NotificationData changed = received.poll(5, TimeUnit.SECONDS);
        assertThat(changed.event()).isEqualTo("NF_PROFILE_CHANGED");
        assertThat(changed.nfProfile().nfStatus()).isEqualTo("SUSPENDED");

        registry.handleNfRegister(new NfProfile(java.util.UUID.randomUUID().toString(), "SMF", null, null, List.of(), List.of(),
                null, List.of(), List.of(), null)); // another type: not for this subscriber

        clock.advance(Duration.ofSeconds(16)); // heart-beat 10 s x 1.5 without a refresh
        assertThat(registry.handleNfDiscover(NfDiscoveryRequest.of("AUSF", "AMF")).nfInstances()).isEmpty();
        assertThat(notifier.sweep()).isEqualTo(2);
        NotificationData gone = received.poll(5, TimeUnit.SECONDS);
        assertThat(gone.event()).isEqualTo("NF_DEREGISTERED");
        assertThat(gone.nfInstanceUri()).endsWith(id);
        assertThat(gone.nfProfile()).isNull();
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void whenUnsubscribed_thenNoMoreNotifications() throws Exception {
        SubscriptionData sub = notifier.handleNfStatusSubscription(NfStatusSubscriptionRequest.subscribe(
                new SubscriptionData(callback(), null, null, List.of("NF_REGISTERED"), null)));
        notifier.handleNfStatusSubscription(NfStatusSubscriptionRequest.unsubscribe(sub.subscriptionId()));
        registry.handleNfRegister(ausf("0c0e7d2b-3b1f-4d8c-9a51-6e2f4b8d1c07", null));
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
        assertThatThrownBy(() -> notifier.handleNfStatusSubscription(NfStatusSubscriptionRequest.unsubscribe(sub.subscriptionId())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().cause()).isEqualTo("SUBSCRIPTION_NOT_FOUND"));
    }

    @Test
    void whenTheSubscriptionIsInvalid_thenSpecificProblems() {
        assertThatThrownBy(() -> notifier.handleNfStatusSubscription(NfStatusSubscriptionRequest.subscribe(
                new SubscriptionData("ftp://x/y", null, null, List.of(), null))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail()).contains("nfStatusNotificationUri"));
        assertThatThrownBy(() -> notifier.handleNfStatusSubscription(NfStatusSubscriptionRequest.subscribe(
                new SubscriptionData(callback(), null, null, List.of("NF_EXPLODED"), null))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> notifier.handleNfStatusSubscription(new NfStatusSubscriptionRequest(null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().cause()).isEqualTo("MANDATORY_IE_MISSING"));
    }

    @Test
    void whenTheSubscriptionExpires_thenItIsGone() throws Exception {
        SubscriptionData sub = notifier.handleNfStatusSubscription(NfStatusSubscriptionRequest.subscribe(
                new SubscriptionData(callback(), null, null, List.of(), clock.instant().plusSeconds(60))));
        clock.advance(Duration.ofSeconds(61));
        registry.handleNfRegister(ausf("5a4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c", null));
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(sub.subscriptionId()).isNotBlank();
    }
}
