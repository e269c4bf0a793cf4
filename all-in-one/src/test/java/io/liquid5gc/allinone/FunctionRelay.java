package io.liquid5gc.allinone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * A real HTTP hop in front of an NF's function endpoint, for faults: it forwards {@code POST /{function}} to the NF
 * (the all-in-one's own {@code FunctionEndpoint}), answers a chosen function's calls itself with 503 and a
 * {@code Retry-After} (the function never runs), or is stopped altogether (connection refused: a killed NF) and
 * started again on the same port.
 */
final class FunctionRelay implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<String> FORWARDED = List.of("Content-Type", "Accept", "Authorization", "Liquid5gc-Tenant");

    private final int port;
    private volatile HttpServer server;
    private volatile int targetPort;
    /** (function, request body) of the calls answered 503 here; null: none. */
    private volatile BiPredicate<String, String> failing;
    private volatile String retryAfter;
    private final AtomicInteger refused = new AtomicInteger();

    private FunctionRelay(int port) {
        this.port = port;
    }

    /** A relay on a free loopback port, forwarding nowhere until {@link #forwardTo}. */
    static FunctionRelay start() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            FunctionRelay relay = new FunctionRelay(s.getLocalPort());
            s.close();
            relay.up();
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void forwardTo(int port) {
        this.targetPort = port;
    }

    /** From now on, the calls of {@code function} whose JSON body contains {@code bodyPart} (null: all) get 503 with this Retry-After (null: none). */
    void fail(String function, String bodyPart, String retryAfterSeconds) {
        this.retryAfter = retryAfterSeconds;
        this.failing = (f, body) -> f.equals(function) && (bodyPart == null || body.contains(bodyPart));
    }

    /** The same for the next {@code times} such calls only; later ones are forwarded. */
    void fail(String function, String bodyPart, String retryAfterSeconds, int times) {
        AtomicInteger left = new AtomicInteger(times);
        this.retryAfter = retryAfterSeconds;
        this.failing = (f, body) -> f.equals(function) && (bodyPart == null || body.contains(bodyPart)) && left.getAndDecrement() > 0;
    }

    /** Calls of {@code function} whose body contained {@code bodyPart} that the function answered with a 2xx. */
    int answered(String function, String bodyPart) {
        return (int) answered.stream().filter(c -> c.function().equals(function) && c.body().contains(bodyPart)).count();
    }

    private record Call(String function, String body) {
    }

    private final java.util.Queue<Call> answered = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Every call forwarded again. */
    void pass() {
        this.failing = null;
    }

    /** Calls answered 503 here so far. */
    int refused() {
        return refused.get();
    }

    /** Stopped: the port refuses connections, as a killed NF's does. */
    synchronized void down() {
        HttpServer s = server;
        server = null;
        if (s != null) {
            s.stop(0);
        }
    }

    /** Serving again on the same port (nothing when it is serving). */
    synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.createContext("/", this::relay);
            s.start();
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            String function = exchange.getRequestURI().getPath().substring(1);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            BiPredicate<String, String> f = failing;
            if (f != null && f.test(function, new String(body, StandardCharsets.UTF_8))) {
                refused.incrementAndGet();
                byte[] problem = ("{\"status\":503,\"title\":\"Service Unavailable\",\"cause\":\"NF_CONGESTION\",\"detail\":\"" + function
                        + " refused by the fault relay\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                if (retryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfter);
                }
                exchange.sendResponseHeaders(503, problem.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(problem);
                }
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + targetPort + "/" + function))
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (String h : FORWARDED) {
                String v = exchange.getRequestHeaders().getFirst(h);
                if (v != null) {
                    request.header(h, v);
                }
            }
            HttpResponse<byte[]> upstream;
            try {
                upstream = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            if (upstream.statusCode() / 100 == 2) {
                answered.add(new Call(function, new String(body, StandardCharsets.UTF_8)));
            }
            upstream.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
            upstream.headers().firstValue("Retry-After").ifPresent(t -> exchange.getResponseHeaders().add("Retry-After", t));
            exchange.sendResponseHeaders(upstream.statusCode(), upstream.body().length == 0 ? -1 : upstream.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(upstream.body());
            }
        }
    }

    @Override
    public void close() {
        down();
    }
}
