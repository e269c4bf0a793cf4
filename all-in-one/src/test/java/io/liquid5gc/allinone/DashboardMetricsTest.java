package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.security.Hex;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every metric the Grafana dashboards (helm/liquid5gc/dashboards, also mounted by deploy/compose) query is exposed at
 * /actuator/prometheus of a running core once a UE has registered over N2: no panel stays empty for want of a metric.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardMetricsTest {

    private static final Pattern METRIC = Pattern.compile("\\bliquid5gc_[a-z0-9_]+");
    private static final Path DASHBOARDS = Path.of("..", "helm", "liquid5gc", "dashboards");

    @Autowired
    N2Server n2;

    @Autowired
    Environment env;

    /** metric name -> the dashboard panels that query it. */
    static Map<String, List<String>> queriedMetrics() throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        JsonMapper json = new JsonMapper();
        try (var files = Files.list(DASHBOARDS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(Files.readString(f));
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        Matcher m = METRIC.matcher(target.path("expr").asString());
                        while (m.find()) {
                            out.computeIfAbsent(m.group(), k -> new ArrayList<>())
                                    .add(f.getFileName() + ": " + panel.path("title").asString());
                        }
                    }
                }
            }
        }
        return out;
    }

    static Set<String> exposedMetrics(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = line.length();
            for (char c : new char[] {'{', ' '}) {
                int i = line.indexOf(c);
                if (i >= 0 && i < end) {
                    end = i;
                }
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    @Test
    void whenAUeHasRegistered_thenEveryMetricTheDashboardsQueryIsExposed() throws Exception {
        try (SimGnb gnb = new SimGnb("001", "01", 1, 0x21, List.of(new SNssai(1, 0x010203)))) {
            assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
            SimUe ue = new SimUe(7, "001", "01", "0000000007", Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc"),
                    Hex.decode("e8ed289deba952e4283b54e88e6183ca"), List.of(io.liquid5gc.nas.ie.SNssai.of(1, 0x010203)));
            assertThat(ue.register(gnb).get(30, TimeUnit.SECONDS).registered()).isTrue();

            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + "/actuator/prometheus")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            Set<String> exposed = exposedMetrics(r.body());

            Map<String, List<String>> queried = queriedMetrics();
            assertThat(queried).as("metrics queried by the dashboards").hasSizeGreaterThanOrEqualTo(10);
            Map<String, List<String>> missing = new TreeMap<>(queried);
            missing.keySet().removeAll(exposed);
            assertThat(missing).as("queried by a dashboard but not exposed after a registration").isEmpty();
            // the registered UE is counted while its N2 connection lasts
            assertThat(r.body()).containsPattern("(?m)^liquid5gc_proxy_ues_registered(\\{[^}]*\\})? [1-9]");
        }
    }
}
