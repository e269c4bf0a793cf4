package io.liquid5gc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chart's tenants, metering and pre-warming: the tenants reach every NF process and the proxy (which serves the
 * billing report); with prewarm.enabled the orchestrator runs under a service account that may only read and patch
 * this namespace's Knative Services, reading the ledger from the proxy with the operator token.
 */
class PrewarmChartTest {

    static {
        FakeKubeApi.start();
    }

    private static Manifests render(boolean prewarm) {
        var template = new Helm(HelmChartTest.CHART).template().withName(HelmChartTest.RELEASE).withNamespace(HelmChartTest.NAMESPACE)
                .withKubeVersion("1.31.0").withValuesFile(HelmChartTest.CHART.resolve("ci").resolve("faas-values.yaml"));
        if (prewarm) {
            template = template.withValuesFile(Repo.path("deploy-tests/src/test/resources/prewarm-values.yaml"));
        }
        return Manifests.parse(template.call());
    }

    @Test
    void whenTenantsAreConfigured_thenEveryNfAndTheProxyKnowThemAndTheProxyServesTheReport() {
        Manifests m = render(false);
        HelmChartTest.nfContainers(m).forEach((name, c) -> assertThat(Manifests.env(c)).as(name)
                .containsEntry("LIQUID5GC_TENANTS_0_NAME", "campus-a").containsEntry("LIQUID5GC_TENANTS_0_SNSSAIS", "1-010203")
                .containsEntry("LIQUID5GC_TENANTS_1_PLMNS", "00102").containsEntry("LIQUID5GC_METERING_MEMORYMB", "1024"));
        assertThat(Manifests.env(HelmChartTest.container(m.get(Deployment.class, HelmChartTest.PREFIX + "proxy"))))
                .containsEntry("LIQUID5GC_METERING_APIENABLED", "true");
        assertThat(m.find(Deployment.class, HelmChartTest.PREFIX + "orchestrator")).as("off by default").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void whenPrewarmIsEnabled_thenTheOrchestratorMayOnlyReadAndPatchKnativeServicesAndReadsTheLedgerFromTheProxy() {
        Manifests m = render(true);
        String name = HelmChartTest.PREFIX + "orchestrator";
        GenericKubernetesResource role = m.generic("Role", name).orElseThrow();
        List<Map<String, Object>> rules = (List<Map<String, Object>>) role.getAdditionalProperties().get("rules");
        assertThat(rules).singleElement().satisfies(r -> {
            assertThat((List<String>) r.get("apiGroups")).containsExactly("serving.knative.dev");
            assertThat((List<String>) r.get("resources")).containsExactly("services");
            assertThat((List<String>) r.get("verbs")).containsExactlyInAnyOrder("get", "list", "patch", "update");
        });
        assertThat(m.generic("RoleBinding", name)).isPresent();
        Deployment d = m.get(Deployment.class, name);
        assertThat(d.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(name);
        Map<String, String> env = Manifests.env(HelmChartTest.container(d));
        assertThat(env).containsEntry("LIQUID5GC_PREWARM_TARGET", "knative").containsEntry("LIQUID5GC_PREWARM_NAMESPACE", HelmChartTest.NAMESPACE)
                .containsEntry("LIQUID5GC_PREWARM_METERINGURL", "http://" + HelmChartTest.PREFIX + "proxy-metrics:8009")
                .containsEntry("LIQUID5GC_PREWARM_LEAD", "30m");
        assertThat(env.get("LIQUID5GC_OPERATOR_TOKEN")).startsWith("secret:");
    }
}
