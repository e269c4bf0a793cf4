package io.liquid5gc.udr.provisioning;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The subscriber provisioning command line: calls the REST API of a running core (the all-in-one on port 8080 by
 * default, or a UDR on 8005). Only JDK classes, so the plain nf-udr jar is enough:
 *
 * <pre>
 * java -cp nf-udr/target/nf-udr-0.1.0-SNAPSHOT.jar io.liquid5gc.udr.provisioning.ProvisioningCli [--url URL] COMMAND
 *   add --imsi 001010000000001 --k HEX (--opc HEX | --op HEX) [--amf 8000] [--sqn 000000000000] [--count N]
 *       [--slice 1-010203:internet|ims]... [--msisdn DIGITS] [--replace]
 *   list [--limit N]
 *   show IMSI
 *   remove IMSI
 *   import FILE.{csv,yaml,yml,json} [--replace]
 * </pre>
 *
 * {@code --url} defaults to {@code $LIQUID5GC_PROVISIONING_URL}, else {@code http://127.0.0.1:8080};
 * {@code $LIQUID5GC_PROVISIONING_TOKEN} is sent as a bearer token. A secret given as {@code env:NAME} is read from the
 * environment variable NAME (keeps K and OP out of the process list). Secrets are never printed.
 */
public final class ProvisioningCli {

    private static final String USAGE = """
            usage: ProvisioningCli [--url URL] COMMAND
              add --imsi IMSI --k HEX (--opc HEX | --op HEX) [--amf 8000] [--sqn 000000000000] [--count N]
                  [--slice SST[-SD]:DNN|DNN]... [--msisdn DIGITS] [--replace]
              list [--limit N]
              show IMSI
              remove IMSI
              import FILE.csv|FILE.yaml|FILE.json [--replace]
            secrets may be given as env:VARIABLE""";

    private ProvisioningCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs one command; returns the process exit code (0 success, 1 refused by the core, 2 usage or connection error). */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        List<String> a = new ArrayList<>(List.of(args));
        String url = env.getOrDefault("LIQUID5GC_PROVISIONING_URL", "http://127.0.0.1:8080");
        int u = a.indexOf("--url");
        if (u >= 0 && u + 1 < a.size()) {
            url = a.get(u + 1);
            a.remove(u + 1);
            a.remove(u);
        }
        if (a.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        String base = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/provisioning/subscribers";
        String command = a.removeFirst();
        try {
            HttpRequest.Builder request = switch (command) {
                case "add" -> {
                    String body = addBody(a, env);
                    yield HttpRequest.newBuilder(URI.create(base + (a.contains("--replace") ? "?replace=true" : "")))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
                }
                case "list" -> HttpRequest.newBuilder(URI.create(base + "?limit=" + option(a, "--limit", "1000"))).GET();
                case "show" -> HttpRequest.newBuilder(URI.create(base + "/" + imsiArgument(a))).GET();
                case "remove" -> HttpRequest.newBuilder(URI.create(base + "/" + imsiArgument(a))).DELETE();
                case "import" -> {
                    if (a.isEmpty() || a.getFirst().startsWith("--")) {
                        throw new IllegalArgumentException("import needs a file");
                    }
                    Path file = Path.of(a.getFirst());
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    String type = name.endsWith(".csv") ? "text/csv" : name.endsWith(".json") ? "application/json" : "application/yaml";
                    yield HttpRequest.newBuilder(URI.create(base + "/import" + (a.contains("--replace") ? "?replace=true" : "")))
                            .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file)));
                }
                default -> throw new IllegalArgumentException("unknown command " + command);
            };
            String token = env.get("LIQUID5GC_PROVISIONING_TOKEN");
            if (token != null && !token.isBlank()) {
                request.header("Authorization", "Bearer " + token);
            }
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                HttpResponse<String> r = http.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    out.println(r.body().isEmpty() ? "ok (" + r.statusCode() + ")" : r.body());
                    return 0;
                }
                err.println("refused (" + r.statusCode() + "): " + r.body());
                return 1;
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("cannot reach " + base + ": " + e);
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static String imsiArgument(List<String> a) {
        if (a.isEmpty() || !a.getFirst().matches("(imsi-)?\\d{5,15}")) {
            throw new IllegalArgumentException("an IMSI of 5 to 15 digits is required");
        }
        return a.getFirst();
    }

    private static String option(List<String> a, String name, String dflt) {
        int i = a.indexOf(name);
        return i >= 0 && i + 1 < a.size() ? a.get(i + 1) : dflt;
    }

    private static String secret(List<String> a, String name, Map<String, String> env) {
        String v = option(a, name, null);
        if (v != null && v.startsWith("env:")) {
            v = env.get(v.substring(4));
            if (v == null) {
                throw new IllegalArgumentException(name + ": environment variable " + option(a, name, null).substring(4) + " is not set");
            }
        }
        return v;
    }

    /** The JSON of a SubscriberProfile from the add options. */
    static String addBody(List<String> a, Map<String, String> env) {
        StringBuilder json = new StringBuilder("{");
        field(json, "imsi", option(a, "--imsi", null));
        field(json, "k", secret(a, "--k", env));
        field(json, "op", secret(a, "--op", env));
        field(json, "opc", secret(a, "--opc", env));
        field(json, "amf", option(a, "--amf", null));
        field(json, "sqn", option(a, "--sqn", null));
        field(json, "msisdn", option(a, "--msisdn", null));
        String count = option(a, "--count", null);
        if (count != null) {
            if (!count.matches("\\d{1,7}")) {
                throw new IllegalArgumentException("--count must be a number");
            }
            json.append("\"count\":").append(count).append(',');
        }
        List<String> slices = new ArrayList<>();
        for (int i = 0; i < a.size() - 1; i++) {
            if (a.get(i).equals("--slice")) {
                slices.add(a.get(i + 1));
            }
        }
        if (!slices.isEmpty()) {
            json.append("\"slices\":[");
            for (int s = 0; s < slices.size(); s++) {
                String[] sliceAndDnns = slices.get(s).split(":", 2);
                String[] sstSd = sliceAndDnns[0].split("-", 2);
                if (!sstSd[0].matches("\\d{1,3}")) {
                    throw new IllegalArgumentException("--slice SST[-SD]:DNN|DNN, e.g. 1-010203:internet");
                }
                json.append(s > 0 ? "," : "").append("{\"sst\":").append(sstSd[0]);
                if (sstSd.length > 1) {
                    json.append(",\"sd\":").append(quote(sstSd[1]));
                }
                if (sliceAndDnns.length > 1) {
                    json.append(",\"dnns\":[");
                    String[] dnns = sliceAndDnns[1].split("\\|");
                    for (int d = 0; d < dnns.length; d++) {
                        json.append(d > 0 ? "," : "").append(quote(dnns[d]));
                    }
                    json.append(']');
                }
                json.append('}');
            }
            json.append("],");
        }
        if (json.charAt(json.length() - 1) == ',') {
            json.setLength(json.length() - 1);
        }
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value != null) {
            json.append('"').append(name).append("\":").append(quote(value)).append(',');
        }
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format("\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
