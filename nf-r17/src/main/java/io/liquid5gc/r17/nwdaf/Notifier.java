package io.liquid5gc.r17.nwdaf;

import io.liquid5gc.sbi.nwdaf.NnwdafEventsSubscriptionNotification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends notifications (TS 29.520 4.2.2.4 Nnwdaf_EventsSubscription_Notify: POST to the notificationURI) each on its own
 * virtual thread, so a caller is never blocked by a slow subscriber; up to {@code notify-max-attempts} attempts with a
 * doubling back-off for refused connections, timeouts and 5xx. Outcomes counted in
 * {@code liquid5gc.nwdaf.notifications{outcome}}.
 */
final class Notifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final ObjectMapper json;
    private final NwdafProperties properties;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private final Counter delivered;
    private final Counter failed;

    Notifier(ObjectMapper json, NwdafProperties properties, MeterRegistry meters) {
        this.json = json;
        this.properties = properties;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.notifyTimeout())
                .executor(threads).build();
        this.delivered = Counter.builder("liquid5gc.nwdaf.notifications").tag("outcome", "delivered").register(meters);
        this.failed = Counter.builder("liquid5gc.nwdaf.notifications").tag("outcome", "failed").register(meters);
    }

    void send(String uri, NnwdafEventsSubscriptionNotification notification) {
        byte[] body = json.writeValueAsBytes(notification);
        threads.execute(() -> deliver(uri, body));
    }

    private void deliver(String uri, byte[] body) {
        long backoff = 100;
        for (int attempt = 1; attempt <= properties.notifyMaxAttempts(); attempt++) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(properties.notifyTimeout())
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    delivered.increment();
                    return;
                }
                if (r.statusCode() < 500) {
                    break; // the subscriber refuses it: no retry
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.io.IOException | IllegalArgumentException e) {
                log.debug("notification to {} failed (attempt {}): {}", uri, attempt, e.toString());
            }
            if (attempt < properties.notifyMaxAttempts()) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoff *= 2;
            }
        }
        failed.increment();
        log.warn("NWDAF notification to {} not delivered", uri);
    }

    @Override
    public void close() {
        threads.shutdownNow();
        http.close();
    }
}
