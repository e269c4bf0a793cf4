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
 *   re-encrypt
 * </pre>
 *
 * {@code --url} defaults to {@code $LIQUID5GC_PROVISIONING_URL}, else {@code http://127.0.0.1:8080};
 * The operator token is sent as a bearer token: {@code $LIQUID5GC_OPERATOR_TOKEN} (or the older
 * {@code $LIQUID5GC_PROVISIONING_TOKEN}), else the content of {@code --token-file FILE}, else of the token file a core
 * generates in the lab ({@code data/operator.token}, {@code all-in-one/data/operator.token}) when one exists. A secret given as {@code env:NAME} is read from the
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
              re-encrypt                  (K and OPc of every subscriber under the newest key-encryption key)
            options: --token-file FILE (else $LIQUID5GC_OPERATOR_TOKEN, or the lab file data/operator.token)
            secrets may be given as env:VARIABLE""";
    static final List<Path> LAB_TOKEN_FILES = List.of(Path.of("data", "operator.token"), Path.of("all-in-one", "data", "operator.token"));

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
        Path tokenFile = null;
        int t = a.indexOf("--token-file");
        if (t >= 0 && t + 1 < a.size()) {
            tokenFile = Path.of(a.get(t + 1));
            a.remove(t + 1);
            a.remove(t);
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
                    if (!Files.isReadable(file)) {
                        throw new IllegalArgumentException("cannot read " + file);
                    }
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    String type = name.endsWith(".csv") ? "text/csv" : name.endsWith(".json") ? "application/json" : "application/yaml";
                    yield HttpRequest.newBuilder(URI.create(base + "/import" + (a.contains("--replace") ? "?replace=true" : "")))
                            .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofFile(file)); // streamed, as the server reads it
                }
                case "re-encrypt" -> HttpRequest.newBuilder(URI.create(base + "/re-encrypt")).POST(HttpRequest.BodyPublishers.noBody());
                default -> throw new IllegalArgumentException("unknown command " + command);
            };
            String token = token(env, tokenFile);
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

    /** The operator token: environment, then the given file, then a lab token file of a local core. */
    static String token(Map<String, String> env, Path tokenFile) throws IOException {
        for (String name : List.of("LIQUID5GC_OPERATOR_TOKEN", "LIQUID5GC_PROVISIONING_TOKEN")) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        if (tokenFile != null) {
            return Files.readString(tokenFile).strip();
        }
        for (Path lab : LAB_TOKEN_FILES) {
            if (Files.isReadable(lab)) {
                return Files.readString(lab).strip();
            }
        }
        return null;
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
