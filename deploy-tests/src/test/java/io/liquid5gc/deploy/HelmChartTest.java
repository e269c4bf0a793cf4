package io.liquid5gc.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart rendered with {@code helm template} (helm-java, in-process, offline) for the three value sets of
 * {@code helm/liquid5gc/ci/}: every NF persistent, the hybrid model (AMF/SMF persistent, R17 on Knative), every NF
 * on Knative. Assertions on the fabric8 model objects.
 */
class HelmChartTest {

    static final Path CHART = Repo.path("helm/liquid5gc");
    static final String RELEASE = "core";
    static final String NAMESPACE = "fivegc";
    static final String PREFIX = "core-liquid5gc-";
    /** chart NF entry -> port and the liquid5gc.nf keys it hosts. */
    static final Map<String, List<String>> HOSTED = Map.of(
            "nrf", List.of("nrf"), "amf", List.of("amf"), "smf", List.of("smf"), "ausf", List.of("ausf"),
            "udm", List.of("udm"), "udr", List.of("udr"), "pcf", List.of("pcf"), "nssf", List.of("nssf"),
            "r17", List.of("nwdaf", "chf", "nsacf", "bsf"));
    static final Map<String, Integer> PORTS = Map.of("nrf", 8000, "amf", 8001, "smf", 8002, "ausf", 8003, "udm", 8004,
            "udr", 8005, "pcf", 8006, "nssf", 8007, "r17", 8008);

    /** The chart's three CI value sets. */
    static final List<String> VALUE_SETS = List.of("persistent-values.yaml", "hybrid-values.yaml", "faas-values.yaml");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    static {
        // the chart looks its generated Secrets up to keep them across upgrades: answered offline (FakeKubeApi)
        FakeKubeApi.start();
    }

    static Manifests render(String valuesFile) {
        return RENDERED.computeIfAbsent(valuesFile, f -> Manifests.parse(new Helm(CHART).template()
                .withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion("1.31.0")
                .withValuesFile(CHART.resolve("ci").resolve(f)).call()));
    }

    // ---- lint ----

    @Test
    void whenLinted_thenNoErrorOrWarning() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    // ---- all persistent ----

    @Test
    void whenAllPersistent_thenEveryNfIsADeploymentWithServiceHpaAndPdb() {
        Manifests m = render("persistent-values.yaml");
        for (String nf : HOSTED.keySet()) {
            Deployment d = m.get(Deployment.class, PREFIX + nf);
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("liquid5gc.io/placement", "persistent");
            Container c = d.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(c.getImage()).isEqualTo("ghcr.io/liquid5gc/nf-" + nf + ":0.1.0-SNAPSHOT");
            assertThat(c.getPorts().getFirst().getContainerPort()).isEqualTo(PORTS.get(nf));
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertNonRoot(d.getSpec().getTemplate().getSpec());

            Service s = m.get(Service.class, PREFIX + nf);
            assertThat(s.getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(PORTS.get(nf));
            assertThat(s.getSpec().getSelector()).isEqualTo(d.getSpec().getSelector().getMatchLabels());

            HorizontalPodAutoscaler hpa = m.get(HorizontalPodAutoscaler.class, PREFIX + nf);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(PREFIX + nf);
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
            PodDisruptionBudget pdb = m.get(PodDisruptionBudget.class, PREFIX + nf);
            assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(d.getSpec().getSelector().getMatchLabels());
        }
        assertThat(m.all(io.fabric8.knative.serving.v1.Service.class)).isEmpty();
        assertThat(m.get(HorizontalPodAutoscaler.class, PREFIX + "amf").getSpec().getMinReplicas()).isEqualTo(2);
    }

    @Test
    void whenAllPersistent_thenCallersReachEveryOtherNfOverHttpAtItsService() {
        Manifests m = render("persistent-values.yaml");
        for (String self : HOSTED.keySet()) {
            Map<String, String> env = Manifests.env(container(m.get(Deployment.class, PREFIX + self)));
            HOSTED.forEach((other, keys) -> keys.forEach(key -> {
                String k = "LIQUID5GC_NF_" + key.toUpperCase() + "_";
                if (other.equals(self)) {
                    assertThat(env).as(self + " hosts " + key).doesNotContainKeys(k + "PLACEMENT", k + "URL");
                } else {
                    assertThat(env).as(self + " calling " + key)
                            .containsEntry(k + "PLACEMENT", "http")
                            .containsEntry(k + "URL", "http://" + PREFIX + other + ":" + PORTS.get(other));
                }
            }));
            assertThat(env).containsEntry("LIQUID5GC_STORE_TYPE", "redis")
                    .containsEntry("LIQUID5GC_STORE_REDIS_URL", "redis://core-liquid5gc-redis:6379/0")
                    .containsEntry("LIQUID5GC_STORE_REDIS_PASSWORD", "secret:core-liquid5gc-redis/redis-password")
                    .containsEntry("LIQUID5GC_REGISTRATION_ADVERTISEDURL", "http://" + PREFIX + self + ":" + PORTS.get(self))
                    .containsEntry("SERVER_PORT", String.valueOf(PORTS.get(self)))
                    .doesNotContainKey("LIQUID5GC_SERVE_PLACEMENT");
        }
        Map<String, String> nrf = Manifests.env(container(m.get(Deployment.class, PREFIX + "nrf")));
        assertThat(nrf).containsEntry("LIQUID5GC_REGISTRY_TYPE", "etcd")
                .containsEntry("LIQUID5GC_REGISTRY_ETCD_ENDPOINTS", "http://core-liquid5gc-etcd:2379");
    }

    @Test
    void whenAllPersistent_thenRedisAndEtcdAreBundledWithTheRequiredSettings() {
        Manifests m = render("persistent-values.yaml");
        StatefulSet redis = m.get(StatefulSet.class, PREFIX + "redis");
        List<String> args = redis.getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs();
        assertThat(String.join(" ", args)).contains("--appendonly yes", "--maxmemory-policy noeviction", "--requirepass $(REDIS_PASSWORD)");
        assertThat(redis.getSpec().getVolumeClaimTemplates()).hasSize(1);
        assertThat(m.get(Service.class, PREFIX + "redis").getSpec().getPorts().getFirst().getPort()).isEqualTo(6379);
        Secret secret = m.get(Secret.class, PREFIX + "redis");
        assertThat(secret.getData().get("redis-password"))
                .isEqualTo(java.util.Base64.getEncoder().encodeToString("test-only-password".getBytes()));
        assertThat(m.get(StatefulSet.class, PREFIX + "etcd").getSpec().getTemplate().getSpec().getContainers().getFirst()
                .getCommand()).contains("--listen-client-urls=http://0.0.0.0:2379");
        assertThat(m.get(Service.class, PREFIX + "etcd").getSpec().getPorts().getFirst().getPort()).isEqualTo(2379);
    }

    @Test
    void whenRendered_thenHomeNetworkKeysReachOnlyTheUdmAndOnlyFromASecret() {
        Manifests m = render("persistent-values.yaml");
        Map<String, String> udm = Manifests.env(container(m.get(Deployment.class, PREFIX + "udm")));
        assertThat(udm).containsEntry("LIQUID5GC_UDM_HOMENETWORKKEYS_0_ID", "1")
                .containsEntry("LIQUID5GC_UDM_HOMENETWORKKEYS_0_SCHEME", "profile-a")
                .containsEntry("LIQUID5GC_UDM_HOMENETWORKKEYS_0_PRIVATEKEY", "secret:core-liquid5gc-home-network-keys/privateKey-1")
                .containsEntry("LIQUID5GC_UDM_HOMENETWORKKEYS_1_PRIVATEKEY", "secret:core-liquid5gc-home-network-keys/privateKey-2");
        assertThat(m.get(Secret.class, PREFIX + "home-network-keys").getData()).containsOnlyKeys("privateKey-1", "privateKey-2");
        for (String nf : HOSTED.keySet()) {
            if (!nf.equals("udm")) {
                assertThat(Manifests.env(container(m.get(Deployment.class, PREFIX + nf))).keySet())
                        .noneMatch(k -> k.startsWith("LIQUID5GC_UDM_HOMENETWORKKEYS"));
            }
        }
        // no private key appears as a literal value anywhere
        m.all(Deployment.class).forEach(d -> assertThat(Manifests.env(container(d)).values())
                .noneMatch(v -> v != null && v.matches("(?i)[0-9a-f]{64}")));
    }

    @Test
    void whenRendered_thenTheProxyHasAnSctpServiceAndTheSctpOverUdpPort() {
        for (String values : List.of("persistent-values.yaml", "hybrid-values.yaml", "faas-values.yaml")) {
            Manifests m = render(values);
            Deployment proxy = m.get(Deployment.class, PREFIX + "proxy");
            assertThat(container(proxy).getPorts()).extracting(p -> p.getProtocol() + "/" + p.getContainerPort())
                    .contains("SCTP/38412", "UDP/9899", "TCP/8009");
            assertNonRoot(proxy.getSpec().getTemplate().getSpec());
            Service svc = m.get(Service.class, PREFIX + "proxy");
            assertThat(svc.getSpec().getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort())
                    .containsExactlyInAnyOrder("SCTP/38412", "UDP/9899");
            assertThat(svc.getSpec().getType()).isEqualTo("LoadBalancer");
            Map<String, String> env = Manifests.env(container(proxy));
            assertThat(env).containsEntry("LIQUID5GC_PROXY_SCTP_UDPPORT", "9899")
                    .containsEntry("LIQUID5GC_REGISTRATION_ENABLED", "false")
                    .containsEntry("LIQUID5GC_STORE_TYPE", "redis");
            if (!values.startsWith("faas")) {
                assertThat(env).containsEntry("LIQUID5GC_NF_AMF_PLACEMENT", "http")
                        .containsEntry("LIQUID5GC_NF_AMF_URL", "http://core-liquid5gc-amf:8001");
            }
            assertThat(m.get(PodDisruptionBudget.class, PREFIX + "proxy")).isNotNull();
        }
    }

    @Test
    void whenRendered_thenServiceMonitorAndDashboardsConfigMapAreThere() throws Exception {
        Manifests m = render("persistent-values.yaml");
        var sm = m.generic("ServiceMonitor", "core-liquid5gc").orElseThrow();
        assertThat(sm.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(sm.toString()).contains("/actuator/prometheus");
        ConfigMap dashboards = m.get(ConfigMap.class, "core-liquid5gc-dashboards");
        assertThat(dashboards.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        try (var files = Files.list(CHART.resolve("dashboards"))) {
            for (Path f : files.toList()) {
                assertThat(dashboards.getData()).containsEntry(f.getFileName().toString(), Files.readString(f));
            }
        }
        assertThat(dashboards.getData()).containsKeys("liquid5gc-functions.json", "liquid5gc-core.json");
        assertThat(m.generic("PodMonitor", "core-liquid5gc-faas")).isEmpty();
    }

    // ---- hybrid ----

    @Test
    void whenHybrid_thenAmfAndSmfAreDeploymentsAndR17IsAKnativeServiceScalingToZero() {
        Manifests m = render("hybrid-values.yaml");
        for (String nf : List.of("amf", "smf", "nrf", "ausf", "udm", "udr", "pcf", "nssf")) {
            assertThat(m.find(Deployment.class, PREFIX + nf)).as(nf).isPresent();
            assertThat(m.find(io.fabric8.knative.serving.v1.Service.class, PREFIX + nf)).as(nf).isEmpty();
        }
        assertThat(m.find(Deployment.class, PREFIX + "r17")).isEmpty();
        assertThat(m.find(HorizontalPodAutoscaler.class, PREFIX + "r17")).isEmpty();
        assertThat(m.find(PodDisruptionBudget.class, PREFIX + "r17")).isEmpty();
        assertThat(m.find(Service.class, PREFIX + "r17")).isEmpty();

        var ksvc = m.get(io.fabric8.knative.serving.v1.Service.class, PREFIX + "r17");
        Map<String, String> annotations = ksvc.getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("autoscaling.knative.dev/min-scale", "0")
                .containsEntry("autoscaling.knative.dev/max-scale", "5")
                .containsEntry("autoscaling.knative.dev/target", "20")
                .containsEntry("autoscaling.knative.dev/metric", "concurrency");
        Container c = ksvc.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(c.getImage()).isEqualTo("ghcr.io/liquid5gc/nf-r17:0.1.0-SNAPSHOT");
        assertThat(c.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8008));
        assertThat(c.getSecurityContext().getRunAsNonRoot()).isTrue();
        Map<String, String> env = Manifests.env(c);
        assertThat(env).containsEntry("LIQUID5GC_SERVE_PLACEMENT", "faas")
                .containsEntry("LIQUID5GC_REGISTRATION_ENABLED", "false")
                .containsEntry("LIQUID5GC_NF_SMF_PLACEMENT", "http")
                .doesNotContainKeys("LIQUID5GC_NF_CHF_PLACEMENT", "LIQUID5GC_REGISTRATION_ADVERTISEDURL");
        assertThat(m.generic("PodMonitor", "core-liquid5gc-faas")).isPresent();
        // the function replica's heap (knative.javaOptions after javaOptions); persistent NFs keep javaOptions alone
        assertThat(env.get("JAVA_TOOL_OPTIONS")).isEqualTo("-XX:MaxRAMPercentage=75 -Xmx64m -Xmn4m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:CompileThresholdScaling=2 -Dio.netty.allocator.type=unpooled -XX:TrimNativeHeapInterval=5000");
        assertThat(Manifests.env(container(m.get(Deployment.class, PREFIX + "amf")))).containsEntry("JAVA_TOOL_OPTIONS",
                "-XX:MaxRAMPercentage=75");
    }

    @Test
    void whenHybrid_thenCallersReachTheR17NfsThroughTheKnativeUrlPattern() {
        Manifests m = render("hybrid-values.yaml");
        for (String caller : List.of("amf", "smf", "proxy")) {
            Map<String, String> env = Manifests.env(container(m.get(Deployment.class, PREFIX + caller)));
            for (String r17 : HOSTED.get("r17")) {
                String k = "LIQUID5GC_NF_" + r17.toUpperCase() + "_";
                assertThat(env).as(caller + " -> " + r17)
                        .containsEntry(k + "PLACEMENT", "faas")
                        .containsEntry(k + "URLPATTERN", "http://core-liquid5gc-r17.fivegc.svc.cluster.local/{function}")
                        .doesNotContainKey(k + "URL");
            }
            assertThat(env).containsEntry("LIQUID5GC_NF_AUSF_PLACEMENT", "http");
        }
    }

    // ---- all faas ----

    @Test
    void whenAllFaas_thenEveryNfIsAKnativeServiceAndOnlyTheProxyIsADeployment() {
        Manifests m = render("faas-values.yaml");
        assertThat(m.all(Deployment.class)).extracting(d -> d.getMetadata().getName()).containsExactly(PREFIX + "proxy");
        assertThat(m.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(m.all(PodDisruptionBudget.class)).extracting(p -> p.getMetadata().getName()).containsExactly(PREFIX + "proxy");
        for (String nf : HOSTED.keySet()) {
            var ksvc = m.get(io.fabric8.knative.serving.v1.Service.class, PREFIX + nf);
            assertThat(ksvc.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("autoscaling.knative.dev/min-scale", "0")
                    .containsEntry("autoscaling.knative.dev/max-scale", "10")
                    .containsEntry("autoscaling.knative.dev/target", "50");
            Map<String, String> env = Manifests.env(ksvc.getSpec().getTemplate().getSpec().getContainers().getFirst());
            HOSTED.forEach((other, keys) -> keys.forEach(key -> {
                String k = "LIQUID5GC_NF_" + key.toUpperCase() + "_";
                if (!other.equals(nf)) {
                    assertThat(env).containsEntry(k + "PLACEMENT", "faas")
                            .containsEntry(k + "URLPATTERN", "http://core-liquid5gc-" + other + ".fivegc.svc.cluster.local/{function}");
                }
            }));
            assertThat(env).containsEntry("LIQUID5GC_STORE_REDIS_URL", "redis://redis.data.svc:6379/0")
                    .containsEntry("LIQUID5GC_STORE_REDIS_PASSWORD", "secret:liquid5gc-redis/redis-password");
        }
        Map<String, String> proxy = Manifests.env(container(m.get(Deployment.class, PREFIX + "proxy")));
        assertThat(proxy).containsEntry("LIQUID5GC_NF_AMF_PLACEMENT", "faas")
                .containsEntry("LIQUID5GC_NF_AMF_URLPATTERN", "http://core-liquid5gc-amf.fivegc.svc.cluster.local/{function}");
    }

    @Test
    void whenTheExternalRedisIsAClusterOrSentinels_thenEveryWorkloadGetsTheModeAndNodes() {
        Manifests cluster = Manifests.parse(new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE)
                .set("redis.bundled", "false").set("redis.auth.existingSecret", "r")
                .set("redis.external.mode", "cluster").set("redis.external.nodes[0]", "r-0:6379").set("redis.external.nodes[1]", "r-1:6379")
                .set("redis.external.nodes[2]", "r-2:6379").call());
        assertThat(cluster.all(StatefulSet.class)).extracting(x -> x.getMetadata().getName()).doesNotContain(PREFIX + "redis");
        cluster.all(Deployment.class).forEach(d -> assertThat(Manifests.env(container(d))).as(d.getMetadata().getName())
                .containsEntry("LIQUID5GC_STORE_REDIS_MODE", "cluster")
                .containsEntry("LIQUID5GC_STORE_REDIS_NODES", "r-0:6379,r-1:6379,r-2:6379")
                .doesNotContainKey("LIQUID5GC_STORE_REDIS_MASTERNAME"));

        Manifests sentinel = Manifests.parse(new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE)
                .set("redis.bundled", "false").set("redis.auth.existingSecret", "r")
                .set("redis.external.mode", "sentinel").set("redis.external.nodes[0]", "s-0:26379").set("redis.external.nodes[1]", "s-1:26379")
                .set("redis.external.nodes[2]", "s-2:26379")
                .set("redis.external.masterName", "liquid5gc").call());
        sentinel.all(Deployment.class).forEach(d -> assertThat(Manifests.env(container(d))).as(d.getMetadata().getName())
                .containsEntry("LIQUID5GC_STORE_REDIS_MODE", "sentinel")
                .containsEntry("LIQUID5GC_STORE_REDIS_NODES", "s-0:26379,s-1:26379,s-2:26379")
                .containsEntry("LIQUID5GC_STORE_REDIS_MASTERNAME", "liquid5gc"));

        // the default (bundled, standalone) sets no mode at all
        render("persistent-values.yaml").all(Deployment.class).forEach(d ->
                assertThat(Manifests.env(container(d))).doesNotContainKey("LIQUID5GC_STORE_REDIS_MODE"));
    }

    @Test
    void whenAllFaasWithExternalStores_thenNothingIsBundledAndSecretsAreReferenced() {
        Manifests m = render("faas-values.yaml");
        assertThat(m.all(StatefulSet.class)).isEmpty();
        assertThat(m.all(Secret.class)).isEmpty();
        var nrf = m.get(io.fabric8.knative.serving.v1.Service.class, PREFIX + "nrf");
        assertThat(Manifests.env(nrf.getSpec().getTemplate().getSpec().getContainers().getFirst()))
                .containsEntry("LIQUID5GC_REGISTRY_TYPE", "etcd")
                .containsEntry("LIQUID5GC_REGISTRY_ETCD_ENDPOINTS", "http://etcd-0.etcd:2379,http://etcd-1.etcd:2379,http://etcd-2.etcd:2379");
        var udm = m.get(io.fabric8.knative.serving.v1.Service.class, PREFIX + "udm");
        assertThat(Manifests.env(udm.getSpec().getTemplate().getSpec().getContainers().getFirst()))
                .containsEntry("LIQUID5GC_UDM_HOMENETWORKKEYS_0_PRIVATEKEY", "secret:liquid5gc-hn-keys/privateKey-1");
    }

    // ---- functions deployed alone ----

    @Test
    void whenFunctionsArePlacedAlone_thenEachIsAKnativeServiceOfItsOwnRunningItsNfsImageServingOnlyIt() {
        Manifests m = render("functions-values.yaml");
        Map<String, String> nfOf = Map.of("udm-generate-auth-data", "udm", "nssf-slice-select", "nssf", "chf-charging-create", "r17");
        nfOf.forEach((function, nf) -> {
            var unit = m.get(io.fabric8.knative.serving.v1.Service.class, PREFIX + function);
            assertThat(unit.getMetadata().getLabels()).containsEntry("liquid5gc.io/function", function).containsEntry("liquid5gc.io/nf", nf)
                    .containsEntry("app.kubernetes.io/component", function).containsEntry("networking.knative.dev/visibility", "cluster-local");
            Container c = unit.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(c.getImage()).isEqualTo("ghcr.io/liquid5gc/nf-" + nf + ":0.1.0-SNAPSHOT");
            assertThat(Manifests.env(c)).containsEntry("LIQUID5GC_SERVE_FUNCTION", function).containsEntry("LIQUID5GC_SERVE_PLACEMENT", "faas")
                    .containsEntry("LIQUID5GC_REGISTRATION_ENABLED", "false")
                    // it acts as its NF: that NF's SBI identity
                    .containsEntry("LIQUID5GC_SECURITY_NFINSTANCEID", "secret:liquid5gc-sbi/" + nf + "-instance-id");
        });
        // the NFs' own workloads stay (the UDM, NSSF as Deployments, R17 as its Knative Service) for everything else
        assertThat(m.find(Deployment.class, PREFIX + "udm")).isPresent();
        assertThat(m.find(Deployment.class, PREFIX + "nssf")).isPresent();
        assertThat(m.find(io.fabric8.knative.serving.v1.Service.class, PREFIX + "r17")).isPresent();
        // the entry's own settings over its NF's
        var udmUnit = m.get(io.fabric8.knative.serving.v1.Service.class, PREFIX + "udm-generate-auth-data");
        assertThat(udmUnit.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("autoscaling.knative.dev/min-scale", "1");
        var chfUnit = m.get(io.fabric8.knative.serving.v1.Service.class, PREFIX + "chf-charging-create");
        assertThat(chfUnit.getSpec().getTemplate().getSpec().getContainers().getFirst().getResources().getLimits().get("memory").toString())
                .isEqualTo("256Mi");
        assertThat(m.get(io.fabric8.knative.serving.v1.Service.class, PREFIX + "nssf-slice-select").getSpec().getTemplate()
                .getMetadata().getAnnotations()).containsEntry("autoscaling.knative.dev/min-scale", "0");
        // the NF's Service does not select the unit's pods (they answer one function only)
        var udmService = m.get(io.fabric8.kubernetes.api.model.Service.class, PREFIX + "udm");
        assertThat(udmUnit.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                .containsAll(udmService.getSpec().getSelector().entrySet())).isFalse();
    }

    @Test
    void whenAFunctionEntryNamesAnotherNfsFunctionOrIsNotFaas_thenRenderingFailsNamingIt() {
        assertThatThrownBy(() -> new Helm(CHART).template().withName(RELEASE).set("redis.auth.password", "x")
                .set("nfs.udm.functions.ausf-authenticate.placement", "faas").call())
                .hasMessageContaining("nfs.udm.functions.ausf-authenticate: not a function of this application");
        assertThatThrownBy(() -> new Helm(CHART).template().withName(RELEASE).set("redis.auth.password", "x")
                .set("nfs.udm.functions.udm-generate-auth-data.placement", "persistent").call())
                .hasMessageContaining("nfs.udm.functions.udm-generate-auth-data.placement must be faas");
    }

    // ---- values checked ----

    @Test
    void whenAPlacementIsUnknown_thenRenderingFailsNamingIt() {
        assertThatThrownBy(() -> new Helm(CHART).template().withName(RELEASE).set("redis.auth.password", "x").set("nfs.amf.placement", "lambda").call())
                .hasMessageContaining("nfs.amf.placement must be persistent or faas");
    }

    @Test
    void whenSeveralUpfsAreSet_thenTheSmfGetsThemAsUpfsInOrderAndTheN4PolicyAdmitsEach() {
        var template = new Helm(CHART).template().withName(RELEASE).set("redis.auth.password", "x").set("upf.enabled", "true")
                .set("upf.nodeId", "upf-a").set("upf.pfcpAddress", "10.10.4.2").set("upf.n3Address", "10.10.3.2").set("upf.dnns[0]", "internet")
                .set("upf.more[0].nodeId", "upf-b").set("upf.more[0].pfcpAddress", "10.10.4.3").set("upf.more[0].n3Address", "10.10.3.3")
                .set("upf.more[0].dnns[0]", "ims").set("upf.more[0].dnns[1]", "internet").set("upf.more[0].slices[0]", "1-010203")
                .set("nfs.smf.replicas", "1").set("nfs.smf.autoscaling.enabled", "false");
        Manifests m = Manifests.parse(template.call());
        var env = Manifests.env(container(m.get(Deployment.class, PREFIX + "smf")));
        assertThat(env).containsEntry("LIQUID5GC_SMF_UPFS_0_NODEID", "upf-a").containsEntry("LIQUID5GC_SMF_UPFS_0_N4ADDRESS", "10.10.4.2")
                .containsEntry("LIQUID5GC_SMF_UPFS_0_DNNS", "internet").containsEntry("LIQUID5GC_SMF_UPFS_1_NODEID", "upf-b")
                .containsEntry("LIQUID5GC_SMF_UPFS_1_N3ADDRESS", "10.10.3.3").containsEntry("LIQUID5GC_SMF_UPFS_1_DNNS", "ims,internet")
                .containsEntry("LIQUID5GC_SMF_UPFS_1_SLICES", "1-010203").doesNotContainKey("LIQUID5GC_SMF_UPF_N4ADDRESS")
                .doesNotContainKey("LIQUID5GC_SMF_UPFS_0_SLICES");
        var n4 = m.get(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, "core-liquid5gc-n4");
        assertThat(n4.getSpec().getIngress()).singleElement().satisfies(rule ->
                assertThat(rule.getFrom()).extracting(p -> p.getIpBlock().getCidr()).containsExactly("10.10.4.2/32", "10.10.4.3/32"));
        assertThatThrownBy(() -> new Helm(CHART).template().withName(RELEASE).set("redis.auth.password", "x").set("upf.enabled", "true")
                .set("upf.pfcpAddress", "10.10.4.2").set("upf.n3Address", "10.10.3.2").set("upf.more[0].nodeId", "upf-b")
                .set("upf.more[0].pfcpAddress", "10.10.4.3").set("nfs.smf.replicas", "1").set("nfs.smf.autoscaling.enabled", "false").call())
                .hasMessageContaining("upf.more[0]: nodeId, pfcpAddress and n3Address are needed");
    }

    @Test
    void whenAnExternalUpfIsSet_thenTheSmfAloneGetsN4OnItsPodIpAndTheUpfAddresses() {
        var template = new Helm(CHART).template().withName(RELEASE).set("redis.auth.password", "x").set("upf.enabled", "true")
                .set("upf.pfcpAddress", "10.10.4.2").set("upf.n3Address", "10.10.3.2").set("nfs.smf.replicas", "1")
                .set("nfs.smf.autoscaling.enabled", "false");
        Manifests m = Manifests.parse(template.call());
        var smf = container(m.get(Deployment.class, PREFIX + "smf"));
        assertThat(Manifests.env(smf)).containsEntry("LIQUID5GC_SMF_N4_ENABLED", "true")
                .containsEntry("LIQUID5GC_SMF_UPF_N4ADDRESS", "10.10.4.2").containsEntry("LIQUID5GC_SMF_UPF_N3ADDRESS", "10.10.3.2");
        // paging and network releases reach N2 by N1N2MessageTransfer on the proxy's HTTP port, at a Service that exists
        var proxyHttp = m.get(io.fabric8.kubernetes.api.model.Service.class, PREFIX + "proxy-metrics");
        assertThat(Manifests.env(smf)).containsEntry("LIQUID5GC_SMF_AMF_N1N2URL", "http://" + PREFIX + "proxy-metrics:"
                + proxyHttp.getSpec().getPorts().getFirst().getPort());
        assertThat(smf.getEnv()).filteredOn(e -> e.getName().equals("LIQUID5GC_SMF_N4ADDRESS"))
                .extracting(e -> e.getValueFrom().getFieldRef().getFieldPath()).containsExactly("status.podIP");
        for (Deployment d : m.all(Deployment.class)) {
            if (!d.getMetadata().getName().equals(PREFIX + "smf")) {
                assertThat(Manifests.env(container(d))).as(d.getMetadata().getName()).doesNotContainKey("LIQUID5GC_SMF_N4_ENABLED");
            }
        }
        // the UPF's own PFCP requests pass the NetworkPolicy, to the SMF only
        var n4 = m.get(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, "core-liquid5gc-n4");
        assertThat(n4.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(m.get(Deployment.class, PREFIX + "smf").getSpec().getSelector().getMatchLabels());
        assertThat(n4.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal()).containsExactly("UDP/8805");
            assertThat(rule.getFrom()).extracting(p -> p.getIpBlock().getCidr()).containsExactly("10.10.4.2/32");
        });
        assertThat(render("persistent-values.yaml").find(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class,
                "core-liquid5gc-n4")).isEmpty();
        // the chart's default SMF (2 replicas, autoscaled) cannot hold one association: refused, saying why
        assertThatThrownBy(() -> new Helm(CHART).template().withName(RELEASE).set("redis.auth.password", "x").set("upf.enabled", "true")
                .set("upf.pfcpAddress", "10.10.4.2").set("upf.n3Address", "10.10.3.2").call())
                .hasMessageContaining("upf.enabled needs nfs.smf to be one persistent replica");
    }

    @Test
    void whenAnR17NfIsDisabled_thenEveryCallerIsTold() {
        String out = new Helm(CHART).template().withName(RELEASE).set("redis.auth.password", "x").set("r17Disabled[0]", "nwdaf").call();
        Manifests m = Manifests.parse(out);
        for (Deployment d : m.all(Deployment.class)) {
            assertThat(Manifests.env(container(d))).as(d.getMetadata().getName()).containsEntry("LIQUID5GC_NF_NWDAF_ENABLED", "false");
        }
    }

    @Test
    void whenTheLoadBalancerCannotCarrySctp_thenTheProxyServiceOffersOnlySctpOverUdp() {
        Manifests m = Manifests.parse(new Helm(CHART).template().withName(RELEASE).set("redis.auth.password", "x")
                .set("proxy.service.sctp.enabled", "false").call());
        assertThat(m.get(Service.class, PREFIX + "proxy").getSpec().getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort())
                .containsExactly("UDP/9899");
        assertThat(container(m.get(Deployment.class, PREFIX + "proxy")).getPorts()).extracting(p -> p.getProtocol())
                .doesNotContain("SCTP");
        assertThatThrownBy(() -> new Helm(CHART).template().withName(RELEASE).set("redis.auth.password", "x")
                .set("proxy.service.sctp.enabled", "false").set("proxy.service.sctpOverUdp.enabled", "false").call())
                .hasMessageContaining("enable sctp or sctpOverUdp");
    }

    /** The NF containers (Deployment or Knative Service) by chart entry, and the proxy's as "proxy". */
    static Map<String, Container> nfContainers(Manifests m) {
        Map<String, Container> out = new java.util.TreeMap<>();
        for (String nf : HOSTED.keySet()) {
            var d = m.find(Deployment.class, PREFIX + nf);
            out.put(nf, d.isPresent() ? container(d.get())
                    : m.get(io.fabric8.knative.serving.v1.Service.class, PREFIX + nf).getSpec().getTemplate().getSpec().getContainers().getFirst());
        }
        out.put("proxy", container(m.get(Deployment.class, PREFIX + "proxy")));
        return out;
    }

    static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    static void assertNonRoot(PodSpec pod) {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        for (Container c : pod.getContainers()) {
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        }
    }
}
