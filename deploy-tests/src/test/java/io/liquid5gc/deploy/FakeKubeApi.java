package io.liquid5gc.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few Kubernetes API answers the chart's {@code lookup "v1" "Secret"} needs, so that the chart's Secrets kept
 * across upgrades can be rendered and checked offline. helm-java renders like {@code helm install --dry-run} with a
 * connection to the cluster (its template command leaves Helm's dry-run option at "none"), so the chart's lookups
 * go to the cluster of {@code $KUBECONFIG}: the module's surefire configuration points that at a file written here,
 * naming this server. It knows only Secrets: the discovery document of {@code /api/v1} and
 * {@code GET /api/v1/namespaces/<ns>/secrets/<name>} (404 unless {@link #putSecret} stored it).
 */
final class FakeKubeApi {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern SECRET = Pattern.compile("/api/v1/namespaces/([^/]+)/secrets/([^/]+)");
    private static final Map<String, Map<String, String>> SECRETS = new ConcurrentHashMap<>();
    private static HttpServer server;

    private FakeKubeApi() {
    }

    /** Starts the server once per JVM and writes the kubeconfig $KUBECONFIG names. */
    static synchronized void start() {
        if (server != null) {
            return;
        }
        String kubeconfig = System.getenv("KUBECONFIG");
        if (kubeconfig == null || kubeconfig.isBlank()) {
            throw new IllegalStateException("KUBECONFIG is not set: run the tests with Maven (deploy-tests/pom.xml sets it "
                    + "for surefire) or set it to a writable file path");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", FakeKubeApi::handle);
            server.start();
            Path file = Path.of(kubeconfig);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                      - name: fake
                        cluster: {server: "http://127.0.0.1:%d"}
                    users:
                      - name: fake
                        user: {token: fake}
                    contexts:
                      - name: fake
                        context: {cluster: fake, user: fake}
                    current-context: fake
                    """.formatted(server.getAddress().getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Secret the next renders find (values in plain text, base64-encoded as the API does). */
    static void putSecret(String namespace, String name, Map<String, String> data) {
        SECRETS.put(namespace + "/" + name, Map.copyOf(data));
    }

    static void clear() {
        SECRETS.clear();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher m = SECRET.matcher(path);
            if (path.equals("/api/v1")) {
                send(exchange, 200, Map.of("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", "v1",
                        "resources", List.of(Map.of("name", "secrets", "singularName", "secret", "namespaced", true,
                                "kind", "Secret", "verbs", List.of("get", "list")))));
            } else if (m.matches() && SECRETS.containsKey(m.group(1) + "/" + m.group(2))) {
                Map<String, String> data = new LinkedHashMap<>();
                SECRETS.get(m.group(1) + "/" + m.group(2)).forEach((k, v) ->
                        data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
                send(exchange, 200, Map.of("apiVersion", "v1", "kind", "Secret", "type", "Opaque", "data", data,
                        "metadata", Map.of("name", m.group(2), "namespace", m.group(1))));
            } else {
                send(exchange, 404, Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure", "reason", "NotFound",
                        "code", 404, "message", path + " not found"));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
