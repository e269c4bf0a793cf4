package io.liquid5gc.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * Sends a held request to the unit's process, {@code POST http://127.0.0.1:<port>/<function>}: the body and every
 * end-to-end header as they came (Authorization included: the unit verifies the caller's token, the runner does not
 * read it), and returns the unit's status, headers and body unchanged.
 */
final class Forwarder implements AutoCloseable {

    /** Hop-by-hop headers (RFC 9110 7.6.1) and the ones the JDK client sets itself. */
    static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "te",
            "trailer", "upgrade", "host", "content-length", "expect", "http2-settings");

    /** What came back. */
    sealed interface Result {
        record Answered(int status, Map<String, List<String>> headers, byte[] body) implements Result {
        }

        record Failed(Refusal refusal, String detail) implements Result {
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    Forwarder(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    Result forward(int port, String function, Map<String, List<String>> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + function))
                .timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Result.Answered(answer.statusCode(), answer.headers().map(), answer.body());
        } catch (HttpTimeoutException e) {
            return new Result.Failed(Refusal.UNIT_TIMED_OUT, "the unit of " + function + " did not answer within " + timeout
                    + " (liquid5gc.runner.forward-timeout)");
        } catch (IOException e) {
            return new Result.Failed(Refusal.UNIT_UNREACHABLE, "the unit of " + function + " could not be reached: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Failed(Refusal.SHUTTING_DOWN, "interrupted while forwarding to the unit of " + function);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
