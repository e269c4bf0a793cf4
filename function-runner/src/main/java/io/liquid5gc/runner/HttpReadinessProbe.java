package io.liquid5gc.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Ready means {@code GET http://127.0.0.1:<port><readinessPath>} answers 200 with {@code "UP"} in its body (Spring
 * Boot's readiness group, {@code /actuator/health/readiness}, as Knative's readiness probe asks it). Not listening
 * yet, another status or a slow answer: not ready.
 */
public final class HttpReadinessProbe implements ReadinessProbe {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client;
    private final String path;

    public HttpReadinessProbe(String path) {
        this.path = path;
        this.client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    }

    @Override
    public boolean isReady(int port) {
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(PROBE_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("UP");
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
