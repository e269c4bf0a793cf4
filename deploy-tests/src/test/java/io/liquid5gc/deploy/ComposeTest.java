package io.liquid5gc.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose validated and normalised by {@code docker-compose config} (Debian's docker-compose v1 needs no
 * engine for that; CI installs it), then checked: services, Redis settings, published N2 ports, placement
 * environment of the always-on model and of the hybrid override, Prometheus targets.
 */
class ComposeTest {

    static final Path COMPOSE = Repo.path("deploy/compose");
    static final YAMLMapper YAML = new YAMLMapper();
    static final Map<String, Integer> NFS = Map.of("nrf", 8000, "amf", 8001, "smf", 8002, "ausf", 8003, "udm", 8004,
            "udr", 8005, "pcf", 8006, "nssf", 8007, "r17", 8008);
    static final List<String> R17 = List.of("NWDAF", "CHF", "NSACF", "BSF");
    static final String OPERATOR_TOKEN = "operator-token-from-the-environment";
    static final String UDR_KEK = "5a".repeat(32);

    static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "docker-compose"))) {
                return Path.of(dir, "docker-compose").toString();
            }
        }
        return null;
    }

    private static final Map<String, JsonNode> CONFIGS = new java.util.concurrent.ConcurrentHashMap<>();

    static synchronized JsonNode config(String... files) throws Exception {
        String key = String.join(",", files);
        if (!CONFIGS.containsKey(key)) {
            CONFIGS.put(key, runConfig(files));
        }
        return CONFIGS.get(key);
    }

    static JsonNode runConfig(String... files) throws Exception {
        String bin = binary();
        assumeTrue(bin != null, "docker-compose not installed (Debian package docker-compose; .ci/run installs it)");
        List<String> cmd = new ArrayList<>(List.of(bin, "--project-directory", COMPOSE.toString()));
        for (String f : files) {
            cmd.addAll(List.of("-f", COMPOSE.resolve(f).toString()));
        }
        cmd.add("config");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        pb.environment().put("REDIS_PASSWORD", "from-the-environment");
        pb.environment().put("OPERATOR_TOKEN", OPERATOR_TOKEN);
        pb.environment().put("UDR_KEK", UDR_KEK);
        pb.environment().put("AMF_CLIENT_SECRET", "amf-secret-from-the-environment");
        Process p = pb.start();
        byte[] err;
        byte[] out = p.getInputStream().readAllBytes();
        err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(err, StandardCharsets.UTF_8)).isZero();
        return YAML.readTree(out);
    }

    static Map<String, String> env(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        service.path("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    /** {@code protocol/published:target} of each published port (long syntax, or the short string with a host address). */
    static List<String> ports(JsonNode service) {
        List<String> out = new ArrayList<>();
        for (String[] p : publishedPorts(service)) {
            out.add(p[3] + "/" + p[1] + ":" + p[2]);
        }
        return out;
    }

    /** The host address each port is published on ("" for all interfaces). */
    static List<String> hostAddresses(JsonNode service) {
        List<String> out = new ArrayList<>();
        for (String[] p : publishedPorts(service)) {
            out.add(p[0]);
        }
        return out;
    }

    private static List<String[]> publishedPorts(JsonNode service) {
        List<String[]> out = new ArrayList<>();
        for (JsonNode p : service.path("ports")) {
            if (p.isTextual()) { // [host:]published:target[/protocol]
                String text = p.asText();
                String protocol = text.contains("/") ? text.substring(text.indexOf('/') + 1) : "tcp";
                String[] parts = (text.contains("/") ? text.substring(0, text.indexOf('/')) : text).split(":");
                String host = parts.length == 3 ? parts[0] : "";
                out.add(new String[] {host, parts[parts.length - 2], parts[parts.length - 1], protocol});
            } else {
                out.add(new String[] {p.path("host_ip").asText(""), p.path("published").asText(), p.path("target").asText(),
                        p.path("protocol").asText("tcp")});
            }
        }
        return out;
    }

    @Test
    void whenConfigured_thenEveryNfTheProxyStoresAndMonitoringAreServices() throws Exception {
        JsonNode services = config("docker-compose.yml").path("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsAll(NFS.keySet()).contains("proxy", "redis", "etcd", "prometheus", "grafana");
        for (var nf : NFS.entrySet()) {
            JsonNode s = services.path(nf.getKey());
            assertThat(s.path("restart").asText()).as(nf.getKey()).isEqualTo("unless-stopped");
            assertThat(s.path("build").path("dockerfile").asText()).isEqualTo("deploy/docker/Dockerfile");
            String jar = s.path("build").path("args").path("JAR").asText();
            assertThat(jar).isEqualTo("nf-" + nf.getKey() + "/target/nf-" + nf.getKey() + "-0.1.0-SNAPSHOT-exec.jar");
            assertThat(Repo.path("nf-" + nf.getKey() + "/pom.xml")).exists();
            assertThat(s.path("build").path("args").path("PORT").asText()).isEqualTo(String.valueOf(nf.getValue()));
            assertThat(ports(s)).contains("tcp/" + nf.getValue() + ":" + nf.getValue());
            Map<String, String> env = env(s);
            assertThat(env).containsEntry("LIQUID5GC_STORE_TYPE", "redis")
                    .containsEntry("LIQUID5GC_STORE_REDIS_URL", "redis://redis:6379/0")
                    .containsEntry("LIQUID5GC_STORE_REDIS_PASSWORD", "from-the-environment")
                    .containsEntry("SERVER_PORT", String.valueOf(nf.getValue()));
        }
        assertThat(env(services.path("nrf"))).containsEntry("LIQUID5GC_REGISTRY_TYPE", "etcd")
                .containsEntry("LIQUID5GC_REGISTRY_ETCD_ENDPOINTS", "http://etcd:2379");
    }

    @Test
    void whenConfigured_thenEveryCallerReachesTheOtherNfsOverHttp() throws Exception {
        JsonNode services = config("docker-compose.yml").path("services");
        for (String caller : List.of("amf", "smf", "ausf", "udm", "r17", "proxy")) {
            Map<String, String> env = env(services.path(caller));
            assertThat(env).as(caller).containsEntry("LIQUID5GC_NF_NRF_PLACEMENT", "http")
                    .containsEntry("LIQUID5GC_NF_NRF_URL", "http://nrf:8000");
            if (!caller.equals("amf")) {
                assertThat(env).containsEntry("LIQUID5GC_NF_AMF_URL", "http://amf:8001");
            } else {
                assertThat(env).doesNotContainKey("LIQUID5GC_NF_AMF_PLACEMENT");
            }
            if (!caller.equals("r17")) {
                R17.forEach(nf -> assertThat(env).containsEntry("LIQUID5GC_NF_" + nf + "_URL", "http://r17:8008"));
            }
        }
    }

    @Test
    void whenConfigured_thenRedisNeverEvictsAndPersistsAndTheProxyPublishesN2() throws Exception {
        JsonNode services = config("docker-compose.yml").path("services");
        List<String> redis = new ArrayList<>();
        services.path("redis").path("command").forEach(c -> redis.add(c.asText()));
        assertThat(String.join(" ", redis)).contains("--appendonly yes", "--maxmemory-policy noeviction",
                "--requirepass from-the-environment");
        assertThat(services.path("redis").path("volumes").toString()).contains("/data");
        assertThat(services.path("etcd").path("command").toString()).contains("--listen-client-urls=http://0.0.0.0:2379");
        JsonNode proxy = services.path("proxy");
        assertThat(ports(proxy)).contains("udp/9899:9899", "sctp/38412:38412", "tcp/8009:8009");
        assertThat(env(proxy)).containsEntry("LIQUID5GC_PROXY_SCTP_UDPPORT", "9899");
        assertThat(proxy.path("build").path("args").path("JAR").asText()).isEqualTo("ngap-proxy/target/ngap-proxy-0.1.0-SNAPSHOT-exec.jar");
    }

    @Test
    void whenHybridOverride_thenAmfAndSmfStayAlwaysOnAndR17IsPlacedFaas() throws Exception {
        JsonNode services = config("docker-compose.yml", "docker-compose.hybrid.yml").path("services");
        for (String always : List.of("amf", "smf")) {
            assertThat(services.path(always).path("restart").asText()).isEqualTo("always");
            assertThat(services.path(always).path("labels").path("io.liquid5gc.placement").asText()).isEqualTo("persistent");
        }
        JsonNode r17 = services.path("r17");
        assertThat(r17.path("labels").path("io.liquid5gc.placement").asText()).isEqualTo("faas");
        assertThat(env(r17)).containsEntry("LIQUID5GC_SERVE_PLACEMENT", "faas");
        for (String caller : List.of("amf", "smf", "proxy", "nrf", "ausf", "udm", "udr", "pcf", "nssf")) {
            Map<String, String> env = env(services.path(caller));
            for (String nf : R17) {
                assertThat(env).as(caller + " -> " + nf).containsEntry("LIQUID5GC_NF_" + nf + "_PLACEMENT", "faas")
                        .containsEntry("LIQUID5GC_NF_" + nf + "_URLPATTERN", "http://r17:8008/{function}");
            }
            String other = caller.equals("ausf") ? "UDM" : "AUSF";
            assertThat(env).containsEntry("LIQUID5GC_NF_" + other + "_PLACEMENT", "http");
        }
    }

    @Test
    void whenPrometheusScrapes_thenEveryComposeWorkloadIsATarget() throws Exception {
        JsonNode services = config("docker-compose.yml").path("services");
        JsonNode prometheus = YAML.readTree(Repo.path("deploy/prometheus/prometheus.yml").toFile());
        List<String> targets = new ArrayList<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            if (job.path("job_name").asText().equals("liquid5gc")) {
                assertThat(job.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
                job.path("static_configs").forEach(sc -> sc.path("targets").forEach(t -> targets.add(t.asText())));
            }
        }
        List<String> expected = new ArrayList<>();
        NFS.forEach((nf, port) -> expected.add(nf + ":" + port));
        expected.add("proxy:8009");
        assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
        for (String t : targets) {
            assertThat(services.has(t.substring(0, t.indexOf(':')))).as(t).isTrue();
        }
        // Grafana gets the chart's dashboards (one copy) and a Prometheus datasource
        assertThat(services.path("grafana").path("volumes").toString()).contains("helm/liquid5gc/dashboards");
        assertThat(Repo.path("deploy/grafana/provisioning/datasources/prometheus.yaml")).content().contains("http://prometheus:9090");
    }

    @Test
    void whenConfigured_thenEveryNfHasAnSbiIdentityAndTheNrfListsEachWithItsSecret() throws Exception {
        JsonNode services = config("docker-compose.yml").path("services");
        Map<String, String> nrf = env(services.path("nrf"));
        Map<String, String> listed = new HashMap<>(); // instance id -> secret at the NRF
        Map<String, String> types = new HashMap<>();
        for (int i = 0; nrf.containsKey("LIQUID5GC_NRF_OAUTH2_CLIENTS_" + i + "_NFINSTANCEID"); i++) {
            listed.put(nrf.get("LIQUID5GC_NRF_OAUTH2_CLIENTS_" + i + "_NFINSTANCEID"), nrf.get("LIQUID5GC_NRF_OAUTH2_CLIENTS_" + i + "_SECRET"));
            types.put(nrf.get("LIQUID5GC_NRF_OAUTH2_CLIENTS_" + i + "_NFINSTANCEID"), nrf.get("LIQUID5GC_NRF_OAUTH2_CLIENTS_" + i + "_NFTYPES"));
        }
        List<String> callers = new ArrayList<>(NFS.keySet());
        callers.remove("nrf");
        callers.add("proxy");
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String nf : callers) {
            Map<String, String> env = env(services.path(nf));
            String id = env.get("LIQUID5GC_SECURITY_NFINSTANCEID");
            assertThat(id).as(nf).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(ids.add(id)).as("unique instance id of " + nf).isTrue();
            assertThat(env).as(nf).doesNotContainKey("LIQUID5GC_SECURITY_ENABLED");
            assertThat(listed).as(nf + " listed at the NRF").containsEntry(id, "{noop}" + env.get("LIQUID5GC_SECURITY_CLIENTSECRET"));
            String expectedTypes = nf.equals("r17") ? "CHF,BSF,NWDAF,NSACF" : nf.equals("proxy") ? "N2_PROXY" : nf.toUpperCase();
            assertThat(types).containsEntry(id, expectedTypes);
        }
        // a secret from the environment reaches both sides
        assertThat(env(services.path("amf"))).containsEntry("LIQUID5GC_SECURITY_CLIENTSECRET", "amf-secret-from-the-environment");
    }

    @Test
    void whenConfigured_thenOperatorTokenAndKekComeFromTheEnvironmentAndHostPortsAreOnLoopback() throws Exception {
        JsonNode services = config("docker-compose.yml").path("services");
        assertThat(env(services.path("udr"))).containsEntry("LIQUID5GC_OPERATOR_TOKEN", OPERATOR_TOKEN)
                .containsEntry("LIQUID5GC_UDR_KEYENCRYPTION_KEYS_0_KEY", UDR_KEK);
        assertThat(env(services.path("proxy"))).containsEntry("LIQUID5GC_OPERATOR_TOKEN", OPERATOR_TOKEN);
        // the consoles of the UDR and the NRF reach the proxy's live view (and the NRF's the UDR's subscribers) with it
        assertThat(env(services.path("nrf"))).containsEntry("LIQUID5GC_OPERATOR_TOKEN", OPERATOR_TOKEN)
                .containsEntry("LIQUID5GC_CONSOLE_LIVEVIEWURL", "http://proxy:8009").containsEntry("LIQUID5GC_CONSOLE_SUBSCRIBERSURL", "http://udr:8005");
        assertThat(env(services.path("udr"))).containsEntry("LIQUID5GC_CONSOLE_LIVEVIEWURL", "http://proxy:8009");
        services.properties().forEach(e -> assertThat(hostAddresses(e.getValue())).as(e.getKey()).allMatch("127.0.0.1"::equals));
        // the only 64-hex literals are the published TS 33.501 C.4.3/C.4.4 SUCI test keys (a lab default the UDM warns of)
        java.util.regex.Matcher hex = java.util.regex.Pattern.compile("(?i)\\b[0-9a-f]{64}\\b")
                .matcher(Files.readString(COMPOSE.resolve("docker-compose.yml")));
        while (hex.find()) {
            assertThat(hex.group()).isIn("c53c22208b61860b06c62e5406a7b330c2b577aa5558981510d128247d38bd1d",
                    "f1ab1074477ebcc7f554ea1c5fc368b1616730155e0041ac447d6301975fecda");
        }
    }

    @Test
    void whenTheOperatorTokenOrTheKekIsMissing_thenComposeRefusesToConfigure() throws Exception {
        String bin = binary();
        assumeTrue(bin != null, "docker-compose not installed");
        for (String missing : List.of("OPERATOR_TOKEN", "UDR_KEK")) {
            ProcessBuilder pb = new ProcessBuilder(bin, "--project-directory", COMPOSE.toString(), "-f",
                    COMPOSE.resolve("docker-compose.yml").toString(), "config");
            pb.environment().put("OPERATOR_TOKEN", OPERATOR_TOKEN);
            pb.environment().put("UDR_KEK", UDR_KEK);
            pb.environment().remove(missing);
            Process p = pb.start();
            p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(missing).isNotZero();
            assertThat(err).contains("set " + missing);
        }
    }
}
