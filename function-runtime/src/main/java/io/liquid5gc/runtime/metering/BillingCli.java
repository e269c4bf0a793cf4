package io.liquid5gc.runtime.metering;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The billing report on the command line: calls {@code GET /metering/usage} of a running core (the all-in-one on port
 * 8080 by default) and prints its CSV. Only JDK classes, so the plain function-runtime jar is enough:
 *
 * <pre>
 * java -cp function-runtime/target/function-runtime-0.1.0-SNAPSHOT.jar io.liquid5gc.runtime.metering.BillingCli \
 *     [--url URL] [--token-file FILE] report [--from 2026-12-01T00:00:00Z] [--to ...] [--period month|PT1H|P1D]
 *     [--by function|tenant] [--tenant NAME]
 * java ... BillingCli tenants
 * </pre>
 * {@code --url} defaults to {@code $LIQUID5GC_METERING_URL}, else {@code http://127.0.0.1:8080}. The operator token is
 * sent as a bearer token: {@code $LIQUID5GC_OPERATOR_TOKEN}, else the content of {@code --token-file}, else the lab
 * token file of a local core ({@code data/operator.token}, {@code all-in-one/data/operator.token}).
 */
public final class BillingCli {

    private static final String USAGE = """
            usage: BillingCli [--url URL] [--token-file FILE] COMMAND
              report [--from INSTANT] [--to INSTANT] [--period month|PT1H|P1D|...] [--by function|tenant] [--tenant NAME]
                     CSV: period_start,period_end,tenant,function,nf,invocations,execution_seconds,gb_seconds,
                          invocation_cost,duration_cost,total_cost,currency
              tenants   the configured tenants, the price model and the default memory""";
    private static final List<Path> LAB_TOKEN_FILES = List.of(Path.of("data", "operator.token"), Path.of("all-in-one", "data", "operator.token"));

    private BillingCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs one command; returns the exit code (0 success, 1 refused by the core, 2 usage or connection error). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        List<String> a = new ArrayList<>(List.of(args));
        URI uri;
        String base;
        String tokenFile;
        try {
            String url = take(a, "--url", env.getOrDefault("LIQUID5GC_METERING_URL", "http://127.0.0.1:8080"));
            tokenFile = take(a, "--token-file", null);
            if (a.isEmpty()) {
                throw new IllegalArgumentException("a command is required");
            }
            base = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/metering";
            String command = a.removeFirst();
            uri = switch (command) {
                case "report" -> {
                    StringBuilder q = new StringBuilder("?format=csv");
                    for (String option : List.of("from", "to", "period", "by", "tenant")) {
                        String v = take(a, "--" + option, null);
                        if (v != null) {
                            q.append('&').append(option).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                        }
                    }
                    if (!a.isEmpty()) {
                        throw new IllegalArgumentException("unknown argument " + a.getFirst());
                    }
                    yield URI.create(base + "/usage" + q);
                }
                case "tenants" -> URI.create(base + "/tenants");
                default -> throw new IllegalArgumentException("unknown command " + command);
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).GET();
            String token = token(env, tokenFile);
            if (token != null && !token.isBlank()) {
                request.header("Authorization", "Bearer " + token);
            }
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    out.print(r.body());
                    return 0;
                }
                err.println("refused (" + r.statusCode() + "): " + r.body());
                return 1;
            }
        } catch (IOException e) {
            err.println("cannot reach " + base + ": " + e);
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static String take(List<String> a, String name, String dflt) {
        int i = a.indexOf(name);
        if (i < 0) {
            return dflt;
        }
        if (i + 1 >= a.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String v = a.get(i + 1);
        a.remove(i + 1);
        a.remove(i);
        return v;
    }

    private static String token(Map<String, String> env, String tokenFile) throws IOException {
        String v = env.get("LIQUID5GC_OPERATOR_TOKEN");
        if (v != null && !v.isBlank()) {
            return v.strip();
        }
        if (tokenFile != null) {
            return Files.readString(Path.of(tokenFile)).strip();
        }
        for (Path lab : LAB_TOKEN_FILES) {
            if (Files.isReadable(lab)) {
                return Files.readString(lab).strip();
            }
        }
        return null;
    }
}
