package io.liquid5gc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.liquid5gc.deploy.HelmChartTest.*;

/**
 * The Helm chart's network exposure ({@link HelmChartTest#render}): the NetworkPolicy (chart pods and N2 only) and
 * Knative Services cluster-local by default.
 */
class HelmChartNetworkTest {
    @Test
    void whenNetworkPolicyIsLeftOn_thenItSelectsTheChartsPodsAndAdmitsOnlyThemAndN2FromAnywhere() {
        for (String values : VALUE_SETS) {
            Manifests m = render(values);
            var core = m.get(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, "core-liquid5gc");
            Map<String, String> selector = core.getSpec().getPodSelector().getMatchLabels();
            assertThat(selector).containsEntry("app.kubernetes.io/name", "liquid5gc").containsEntry("app.kubernetes.io/instance", RELEASE);
            assertThat(core.getSpec().getPolicyTypes()).containsExactly("Ingress");
            // every pod of the release is selected
            List<Map<String, String>> podLabels = new java.util.ArrayList<>();
            m.all(Deployment.class).forEach(d -> podLabels.add(d.getSpec().getTemplate().getMetadata().getLabels()));
            m.all(StatefulSet.class).forEach(s -> podLabels.add(s.getSpec().getTemplate().getMetadata().getLabels()));
            m.all(io.fabric8.knative.serving.v1.Service.class).forEach(k -> podLabels.add(k.getSpec().getTemplate().getMetadata().getLabels()));
            assertThat(podLabels).hasSizeGreaterThan(HOSTED.size());
            podLabels.forEach(labels -> assertThat(labels).containsAllEntriesOf(selector));
            // admitted: the release's own pods, nothing else (no metricsFrom in the ci values)
            assertThat(core.getSpec().getIngress()).singleElement().satisfies(rule -> {
                assertThat(rule.getPorts()).isEmpty();
                assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
                    assertThat(peer.getNamespaceSelector()).isNull();
                    assertThat(peer.getIpBlock()).isNull();
                    assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(selector);
                });
            });
            // the proxy's N2 ports from anywhere, its HTTP port not
            var n2 = m.get(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, "core-liquid5gc-n2");
            assertThat(n2.getSpec().getPodSelector().getMatchLabels())
                    .isEqualTo(m.get(Deployment.class, PREFIX + "proxy").getSpec().getSelector().getMatchLabels());
            assertThat(n2.getSpec().getIngress()).singleElement().satisfies(rule -> {
                assertThat(rule.getFrom()).isEmpty();
                assertThat(rule.getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
                        .containsExactlyInAnyOrder("SCTP/38412", "UDP/9899");
            });
            // faas pods are reached through Knative's activator and gateway; without faas NFs there is no such policy
            var knative = m.find(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, "core-liquid5gc-knative");
            if (values.startsWith("persistent")) {
                assertThat(knative).isEmpty();
            } else {
                assertThat(knative).as(values).isPresent().get().satisfies(p -> {
                    assertThat(p.getSpec().getPodSelector().getMatchLabels()).containsEntry("liquid5gc.io/placement", "faas")
                            .containsAllEntriesOf(selector);
                    assertThat(p.getSpec().getIngress().getFirst().getFrom()).extracting(peer -> peer.getNamespaceSelector().getMatchLabels())
                            .contains(Map.of("kubernetes.io/metadata.name", "knative-serving"));
                });
            }
        }
    }

    @Test
    void whenN2SourcesAndAScraperAreGiven_thenN2AdmitsOnlyThoseCidrsAndTheScraperOnlyTheHttpPorts(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path values = Files.writeString(dir.resolve("np.yaml"), """
                redis: {auth: {password: x}}
                networkPolicy:
                  n2From: [10.20.0.0/16, 192.0.2.7/32]
                  metricsFrom:
                    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
                """);
        Manifests m = Manifests.parse(new Helm(CHART).template().withName(RELEASE).withValuesFile(values).call());
        var n2 = m.get(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, "core-liquid5gc-n2");
        assertThat(n2.getSpec().getIngress().getFirst().getFrom()).extracting(p -> p.getIpBlock().getCidr())
                .containsExactly("10.20.0.0/16", "192.0.2.7/32");
        var core = m.get(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, "core-liquid5gc");
        assertThat(core.getSpec().getIngress()).hasSize(2);
        var scrape = core.getSpec().getIngress().get(1);
        assertThat(scrape.getFrom()).singleElement()
                .satisfies(p -> assertThat(p.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "monitoring"));
        List<Integer> expectedPorts = new java.util.ArrayList<>(PORTS.values());
        expectedPorts.add(8009);
        assertThat(scrape.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactlyInAnyOrderElementsOf(expectedPorts);
        // all persistent (the chart's defaults): no Knative policy
        assertThat(m.find(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, "core-liquid5gc-knative")).isEmpty();

        Manifests off = Manifests.parse(new Helm(CHART).template().withName(RELEASE).set("redis.auth.password", "x")
                .set("networkPolicy.enabled", "false").call());
        assertThat(off.all(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class)).isEmpty();
    }

    @Test
    void whenAnNfIsFaas_thenItsKnativeServiceIsClusterLocalUnlessToldOtherwise() {
        for (String values : List.of("hybrid-values.yaml", "faas-values.yaml")) {
            var services = render(values).all(io.fabric8.knative.serving.v1.Service.class);
            assertThat(services).isNotEmpty();
            services.forEach(k -> assertThat(k.getMetadata().getLabels()).as(k.getMetadata().getName())
                    .containsEntry("networking.knative.dev/visibility", "cluster-local"));
        }
        var exposed = Manifests.parse(new Helm(CHART).template().withName(RELEASE).set("redis.auth.password", "x")
                .set("nfs.r17.placement", "faas").set("faas.clusterLocal", "false").call())
                .get(io.fabric8.knative.serving.v1.Service.class, PREFIX + "r17");
        assertThat(exposed.getMetadata().getLabels()).doesNotContainKey("networking.knative.dev/visibility");
    }
}
