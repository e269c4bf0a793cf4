package io.liquid5gc.orchestrator.prewarm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan on the local function-runner (module function-runner): {@code POST /runner/prestart/<function>} for each
 * function planned warm, so its process is started before its first request. The runner holds at most one process per
 * function and stops it after its idle time, so lowering is the runner's own doing; a function the runner does not
 * know (404) is skipped.
 */
public final class RunnerScaler implements Scaler {

    private static final Logger log = LoggerFactory.getLogger(RunnerScaler.class);

    private final URI runner;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RunnerScaler(URI runner) {
        this.runner = runner;
    }

    @Override
    public Map<String, Integer> apply(Map<String, Integer> instances) {
        Map<String, Integer> set = new TreeMap<>();
        String base = runner.toString().endsWith("/") ? runner.toString() : runner + "/";
        instances.forEach((function, n) -> {
            if (n <= 0) {
                return;
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "runner/prestart/" + function))
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    set.put(function, 1);
                } else if (r.statusCode() != 404) {
                    log.warn("runner prestart of {}: {} {}", function, r.statusCode(), r.body());
                }
            } catch (IOException e) {
                log.warn("runner prestart of {}: {}", function, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return set;
    }
}
