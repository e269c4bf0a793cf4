package io.liquid5gc.runtime.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** GETs a URL until its answer matches, for the fault tests (a busy machine: a generous deadline, never a fixed sleep). */
public final class HttpPolling {

    private final HttpClient http;
    private final Duration deadline;

    public HttpPolling(HttpClient http, Duration deadline) {
        this.http = http;
        this.deadline = deadline;
    }

    public HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls every 100 ms until {@code done} holds for the answer; fails naming the URL and the last answer. */
    public void await(String url, Predicate<HttpResponse<String>> done) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < end) {
            last = get(url);
            if (done.test(last)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(url + " did not change within " + deadline + "; last answer " + (last == null ? "none"
                : last.statusCode() + " " + last.body()));
    }
}
