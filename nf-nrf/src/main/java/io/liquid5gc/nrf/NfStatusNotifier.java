package io.liquid5gc.nrf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.nrf.NfProfile;
import io.liquid5gc.sbi.nrf.NfStatusSubscriptionRequest;
import io.liquid5gc.sbi.nrf.NotificationData;
import io.liquid5gc.sbi.nrf.SubscriptionData;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.ObjectMapper;

/**
 * NF status subscriptions and notifications (TS 29.510 5.2.2.5 NFStatusSubscribe, 5.2.2.6 NFStatusNotify,
 * 5.2.2.7 NFStatusUnSubscribe). Subscriptions live in the registry store under {@code subscription/<id>} until
 * their validity time. Registrations and changes are notified as they happen; deregistrations (a profile not
 * refreshed in time, i.e. an expired lease) are found by a periodic sweep of the registry. Notifications are
 * POSTed on virtual threads with bounded retries and never delay the registering NF. With several NRF replicas,
 * each sweeps: a subscriber may be told of one expiry more than once.
 */
final class NfStatusNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NfStatusNotifier.class);
    static final String REGISTERED = "NF_REGISTERED";
    static final String DEREGISTERED = "NF_DEREGISTERED";
    static final String CHANGED = "NF_PROFILE_CHANGED";
    private static final Set<String> EVENTS = Set.of(REGISTERED, DEREGISTERED, CHANGED);
    private static final int MAX_SUBSCRIPTIONS = 10_000;
    private static final int MAX_INSTANCES = 10_000;
    private static final int ATTEMPTS = 3;

    private final KeyValueStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final NrfProperties properties;
    private final MeterRegistry meters;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private final Object sweepLock = new Object();
    private Map<String, NfProfile> known = null;
    private ScheduledExecutorService sweeper;
    private volatile boolean running;

    NfStatusNotifier(KeyValueStore store, ObjectMapper json, Clock clock, NrfProperties properties, MeterRegistry meters) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).executor(senders).build();
    }

    /** NFStatusSubscribe / NFStatusUnSubscribe. */
    SubscriptionData handleNfStatusSubscription(NfStatusSubscriptionRequest request) {
        if (request.subscription() == null) {
            if (request.unsubscribeId() == null) {
                throw ProblemException.badRequest("MANDATORY_IE_MISSING", "either subscription or unsubscribeId is required");
            }
            byte[] old = store.get("subscription/" + request.unsubscribeId()).orElseThrow(() ->
                    ProblemException.notFound("SUBSCRIPTION_NOT_FOUND", "no subscription " + request.unsubscribeId()));
            store.delete("subscription/" + request.unsubscribeId());
            return json.readValue(old, SubscriptionData.class);
        }
        SubscriptionData s = request.subscription();
        URI uri = callbackUri(s.nfStatusNotificationUri());
        for (String e : s.reqNotifEvents()) {
            if (!EVENTS.contains(e)) {
                throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "reqNotifEvents: unknown event " + e + "; known " + EVENTS);
            }
        }
        Instant now = clock.instant();
        Instant until = s.validityTime() != null ? s.validityTime() : now.plus(properties.subscriptionValidity());
        if (!until.isAfter(now)) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "validityTime is in the past: " + until);
        }
        SubscriptionData stored = new SubscriptionData(uri.toString(), UUID.randomUUID().toString(), s.subscrCond(),
                s.reqNotifEvents(), until);
        store.put("subscription/" + stored.subscriptionId(), json.writeValueAsBytes(stored), Duration.between(now, until));
        return stored;
    }

    /** Called after a registration: notifies NF_REGISTERED for a new instance, NF_PROFILE_CHANGED for a changed one. */
    void onRegistered(NfProfile profile, NfProfile previous) {
        synchronized (sweepLock) {
            if (known != null) {
                known.put(key(profile), profile);
            }
        }
        if (previous == null) {
            notifyAll(REGISTERED, profile.nfType(), profile.nfInstanceId(), profile);
        } else if (!previous.equals(profile)) {
            notifyAll(CHANGED, profile.nfType(), profile.nfInstanceId(), profile);
        }
    }

    /** Finds instances that left the registry since the last sweep and notifies NF_DEREGISTERED; returns how many. */
    int sweep() {
        Map<String, NfProfile> current = new HashMap<>();
        store.scan("nf/", MAX_INSTANCES).forEach((k, v) -> current.put(k, json.readValue(v, NfProfile.class)));
        Map<String, NfProfile> gone = new HashMap<>();
        synchronized (sweepLock) {
            if (known != null) {
                known.forEach((k, p) -> {
                    if (!current.containsKey(k)) {
                        gone.put(k, p);
                    }
                });
            }
            known = current;
        }
        gone.values().forEach(p -> notifyAll(DEREGISTERED, p.nfType(), p.nfInstanceId(), null));
        return gone.size();
    }

    private void notifyAll(String event, String nfType, String instanceId, NfProfile profile) {
        for (byte[] raw : store.scan("subscription/", MAX_SUBSCRIPTIONS).values()) {
            SubscriptionData s = json.readValue(raw, SubscriptionData.class);
            boolean typeMatches = s.subscrCond() == null || s.subscrCond().nfType() == null || s.subscrCond().nfType().equals(nfType);
            boolean eventMatches = s.reqNotifEvents().isEmpty() || s.reqNotifEvents().contains(event);
            if (typeMatches && eventMatches) {
                NotificationData body = new NotificationData(event, "/nnrf-nfm/v1/nf-instances/" + instanceId, profile);
                byte[] bytes = json.writeValueAsBytes(body);
                senders.submit(() -> deliver(URI.create(s.nfStatusNotificationUri()), s.subscriptionId(), event, bytes));
            }
        }
    }

    private void deliver(URI uri, String subscriptionId, String event, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        String outcome = "failed";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    outcome = "delivered";
                    break;
                }
                log.warn("NF status notification {} of subscription {} to {}: answered {}", event, subscriptionId, uri, status);
                if (status < 500) {
                    break;
                }
            } catch (IOException e) {
                log.warn("NF status notification {} of subscription {} to {} (attempt {}/{}): {}", event, subscriptionId, uri,
                        attempt, ATTEMPTS, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        meters.counter("liquid5gc.nrf.notifications", "event", event, "outcome", outcome).increment();
    }

    private static URI callbackUri(String s) {
        try {
            URI uri = URI.create(s);
            if (!uri.isAbsolute() || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URI");
            }
            return uri;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "nfStatusNotificationUri must be an absolute http(s) URI: " + s);
        }
    }

    private static String key(NfProfile p) {
        return "nf/" + p.nfType() + "/" + p.nfInstanceId();
    }

    @Override
    public void start() {
        long period = properties.sweepInterval().toMillis();
        sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("nrf-sweep").factory());
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("NRF registry sweep failed: {}", e.toString());
            }
        }, 0, period, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    List<String> events() {
        return List.copyOf(EVENTS);
    }
}
