package io.liquid5gc.runner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.liquid5gc.runner.Admission.Admitted;
import io.liquid5gc.runner.Admission.Refused;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runner's HTTP side (JDK HttpServer, one virtual thread per exchange): {@code POST /<function>} is admitted by
 * the function's unit (held during a cold start) and forwarded; {@code GET /runner/stats} is the counts as JSON,
 * {@code GET /runner/health} its own health, {@code POST /runner/prestart/<function>} starts a unit's process ahead of its
 * requests (a pre-warming plan). Everything it answers itself is {@code application/problem+json}.
 */
public final class RunnerHttpServer implements AutoCloseable {

    private static final Pattern FUNCTION_PATH = Pattern.compile("/([a-z0-9][a-z0-9-]*)/?");
    private static final String PRESTART = "/runner/prestart/";
    /** Response headers the server sets itself. */
    private static final Set<String> NOT_COPIED_BACK = Set.of("content-length", "transfer-encoding", "connection", "keep-alive", "date");

    private final FunctionRunner runner;
    private final Forwarder forwarder;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private RunnerHttpServer(FunctionRunner runner) throws IOException {
        this.runner = runner;
        RunnerSettings s = runner.settings();
        this.forwarder = new Forwarder(s.forwardTimeout());
        this.server = HttpServer.create(new InetSocketAddress(s.address(), s.port()), 1024);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Listens on the settings' loopback address and port. */
    public static RunnerHttpServer start(FunctionRunner runner) throws IOException {
        return new RunnerHttpServer(runner);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/{function}}, the URL pattern callers use for {@code faas} placement. */
    public String urlPattern() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + "/{function}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (path.equals("/runner/stats") || path.equals("/runner/health")) {
                if (!method.equals("GET")) {
                    refuse(exchange, Refusal.METHOD_NOT_ALLOWED, path + " answers GET only", path, "GET");
                    return;
                }
                String body = path.equals("/runner/health") ? "{\"status\":\"UP\"}"
                        : StatsReport.json(runner.stats(), runner.liveProcesses());
                send(exchange, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.startsWith(PRESTART)) {
                handlePrestart(exchange, method, path);
                return;
            }
            Matcher m = FUNCTION_PATH.matcher(path);
            Optional<FunctionUnit> unit = m.matches() ? runner.unit(m.group(1)) : Optional.empty();
            if (unit.isEmpty()) {
                refuse(exchange, Refusal.UNKNOWN_FUNCTION, "no function unit at " + path + " (the runner serves POST /<function>"
                        + " for the functions it is configured with)", path, null);
                return;
            }
            if (!method.equals("POST")) {
                refuse(exchange, Refusal.METHOD_NOT_ALLOWED, "a function is called with POST", path, "POST");
                return;
            }
            byte[] body = readBody(exchange);
            if (body == null) {
                refuse(exchange, Refusal.BODY_TOO_LARGE, "the body is larger than " + runner.settings().maxBody()
                        + " bytes (liquid5gc.runner.max-body)", path, null);
                return;
            }
            call(exchange, unit.get(), body, path);
        } catch (IOException callerGone) {
            // the caller closed the connection (its own timeout): nothing to answer
        }
    }

    /**
     * {@code POST /runner/prestart/<function>}: the unit's process is launched now when it has none (202, state
     * STARTING), or is already there (200, its state); 404 for a function the runner does not serve.
     */
    private void handlePrestart(HttpExchange exchange, String method, String path) throws IOException {
        if (!method.equals("POST")) {
            refuse(exchange, Refusal.METHOD_NOT_ALLOWED, "a pre-start is a POST", path, "POST");
            return;
        }
        Matcher m = FUNCTION_PATH.matcher(path.substring(PRESTART.length() - 1));
        Optional<UnitState> before = m.matches() ? runner.prestart(m.group(1)) : Optional.empty();
        if (before.isEmpty()) {
            refuse(exchange, Refusal.UNKNOWN_FUNCTION, "no function unit to pre-start at " + path, path, null);
            return;
        }
        if (before.get() == null) {
            refuse(exchange, Refusal.SHUTTING_DOWN, "the function runner is closing", path, null);
            return;
        }
        boolean launched = before.get() == UnitState.STOPPED;
        String body = "{\"function\":\"" + m.group(1) + "\",\"state\":\"" + (launched ? UnitState.STARTING : before.get()) + "\"}";
        send(exchange, launched ? 202 : 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private void call(HttpExchange exchange, FunctionUnit unit, byte[] body, String path) throws IOException {
        switch (unit.admit()) {
            case Refused r -> refuse(exchange, r.refusal(), r.detail(), path, null);
            case Admitted a -> {
                Forwarder.Result result;
                try {
                    result = forwarder.forward(a.process().port(), unit.function(), exchange.getRequestHeaders(), body);
                } finally {
                    unit.release(a);
                }
                switch (result) {
                    case Forwarder.Result.Failed f -> refuse(exchange, f.refusal(), f.detail(), path, null);
                    case Forwarder.Result.Answered answer -> {
                        answer.headers().forEach((name, values) -> {
                            if (!NOT_COPIED_BACK.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                                exchange.getResponseHeaders().put(name, List.copyOf(values));
                            }
                        });
                        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                        if (answer.body().length > 0) {
                            try (OutputStream out = exchange.getResponseBody()) {
                                out.write(answer.body());
                            }
                        }
                    }
                }
            }
        }
    }

    /** The body, or null when it is larger than {@code max-body}. */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        int max = runner.settings().maxBody();
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > max) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // the server has already refused a malformed length; read and count
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(Math.min(max, Integer.MAX_VALUE - 1) + 1);
            return body.length > max ? null : body;
        }
    }

    private static void refuse(HttpExchange exchange, Refusal refusal, String detail, String instance, String allow) throws IOException {
        if (refusal.retryAfter()) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        if (allow != null) {
            exchange.getResponseHeaders().set("Allow", allow);
        }
        send(exchange, refusal.status(), "application/problem+json", Json.problem(refusal, detail, instance).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops listening (requests in flight get up to a second); the runner's processes are {@link FunctionRunner#close}'s. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
        forwarder.close();
    }
}
