package io.liquid5gc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.runtime.placement.PlacementProperties;
import io.liquid5gc.sbi.NfType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment the chart gives each workload, bound exactly as a Liquid5GC process binds its environment
 * ({@link PlacementProperties}, relaxed binding of LIQUID5GC_NF_&lt;NF&gt;_*): every NF a workload does not host resolves to
 * the placement and address the values asked for.
 */
class PlacementBindingTest {

    static PlacementProperties bind(Map<String, String> env) {
        Map<String, Object> plain = new HashMap<>();
        env.forEach((k, v) -> {
            if (v != null && !v.startsWith("secret:")) {
                plain.put(k, v);
            }
        });
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", plain));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bind("liquid5gc", PlacementProperties.class).get();
    }

    static String target(PlacementProperties p, NfType nf, String function) {
        PlacementProperties.NfSettings s = p.of(nf);
        return switch (s.placement()) {
            case LOCAL -> "local";
            case HTTP -> s.url() + "/" + function;
            case FAAS -> (s.urlPattern() != null ? s.urlPattern() : p.faasUrlPattern()).replace("{function}", function);
        };
    }

    @Test
    void whenHybrid_thenTheAmfBindsHttpForTheHomeNetworkAndFaasForR17() {
        Manifests m = HelmChartTest.render("hybrid-values.yaml");
        Container amf = HelmChartTest.container(m.get(Deployment.class, HelmChartTest.PREFIX + "amf"));
        PlacementProperties p = bind(Manifests.env(amf));
        assertThat(p.of(NfType.AMF).placement()).isEqualTo(Placement.LOCAL);
        assertThat(target(p, NfType.AUSF, "ausf-authenticate")).isEqualTo("http://core-liquid5gc-ausf:8003/ausf-authenticate");
        assertThat(target(p, NfType.NSSF, "nssf-slice-select")).isEqualTo("http://core-liquid5gc-nssf:8007/nssf-slice-select");
        for (NfType r17 : List.of(NfType.CHF, NfType.BSF, NfType.NSACF, NfType.NWDAF)) {
            assertThat(p.of(r17).placement()).isEqualTo(Placement.FAAS);
            assertThat(p.of(r17).enabled()).isTrue();
        }
        assertThat(target(p, NfType.NSACF, "nsacf-slice-availability-check"))
                .isEqualTo("http://core-liquid5gc-r17.fivegc.svc.cluster.local/nsacf-slice-availability-check");
    }

    @Test
    void whenEveryValueSetIsBound_thenEveryWorkloadReachesEveryNfItDoesNotHostRemotely() {
        for (String values : List.of("persistent-values.yaml", "hybrid-values.yaml", "faas-values.yaml")) {
            Manifests m = HelmChartTest.render(values);
            Map<String, Map<String, String>> workloads = new HashMap<>();
            m.all(Deployment.class).forEach(d -> workloads.put(d.getMetadata().getName(), Manifests.env(HelmChartTest.container(d))));
            m.all(io.fabric8.knative.serving.v1.Service.class).forEach(k -> workloads.put(k.getMetadata().getName(),
                    Manifests.env(k.getSpec().getTemplate().getSpec().getContainers().getFirst())));
            assertThat(workloads).hasSize(10);
            workloads.forEach((name, env) -> {
                String hosted = name.substring(HelmChartTest.PREFIX.length());
                List<String> hostedKeys = HelmChartTest.HOSTED.getOrDefault(hosted, List.of());
                PlacementProperties p = bind(env);
                for (NfType nf : NfType.values()) {
                    Placement expected = hostedKeys.contains(nf.key()) ? Placement.LOCAL : null;
                    Placement actual = p.of(nf).placement();
                    if (expected != null) {
                        assertThat(actual).as(values + " " + name + " hosts " + nf).isEqualTo(expected);
                    } else {
                        assertThat(actual).as(values + " " + name + " -> " + nf).isIn(Placement.HTTP, Placement.FAAS);
                        assertThat(target(p, nf, "f")).as(values + " " + name + " -> " + nf).startsWith("http://core-liquid5gc-").endsWith("/f");
                    }
                }
            });
        }
    }
    @Test
    void whenAFunctionIsDeployedAlone_thenEveryCallerItsOwnNfIncludedPostsItToItsUnitAndTheUnitReachesItsSiblingsAtTheNf() {
        Manifests m = HelmChartTest.render("functions-values.yaml");
        String unitPattern = "http://core-liquid5gc-udm-generate-auth-data.fivegc.svc.cluster.local/{function}";
        for (String caller : List.of("ausf", "udm", "amf")) {
            PlacementProperties p = bind(Manifests.env(HelmChartTest.container(m.get(Deployment.class, HelmChartTest.PREFIX + caller))));
            var own = p.of(io.liquid5gc.sbi.udm.UdmApi.GENERATE_AUTH_DATA);
            assertThat(own.placement()).as(caller).isEqualTo(Placement.FAAS);
            assertThat(own.urlPattern()).as(caller).isEqualTo(unitPattern);
            var sibling = p.of(io.liquid5gc.sbi.udm.UdmApi.GET_SUBSCRIBER_DATA);
            assertThat(sibling.placement()).as(caller).isEqualTo(caller.equals("udm") ? Placement.LOCAL : Placement.HTTP);
        }
        var unit = m.get(io.fabric8.knative.serving.v1.Service.class, HelmChartTest.PREFIX + "udm-generate-auth-data");
        PlacementProperties p = bind(Manifests.env(unit.getSpec().getTemplate().getSpec().getContainers().getFirst()));
        assertThat(target(p, NfType.UDM, "udm-get-subscriber-data")).isEqualTo("http://core-liquid5gc-udm:8004/udm-get-subscriber-data");
        assertThat(target(p, NfType.UDR, "udr-data-read")).isEqualTo("http://core-liquid5gc-udr:8005/udr-data-read");
        // the other units, as every caller sees them
        assertThat(p.of(io.liquid5gc.sbi.chf.ChfApi.CHARGING_CREATE).urlPattern())
                .isEqualTo("http://core-liquid5gc-chf-charging-create.fivegc.svc.cluster.local/{function}");
    }

    @Test
    void whenComposeHybrid_thenCallersBindHttpForAlwaysOnNfsAndFaasForR17() throws Exception {
        var services = ComposeTest.config("docker-compose.yml", "docker-compose.hybrid.yml").path("services");
        Map<String, List<String>> hosted = new HashMap<>(HelmChartTest.HOSTED);
        hosted.put("proxy", List.of());
        hosted.forEach((service, keys) -> {
            PlacementProperties p = bind(ComposeTest.env(services.path(service)));
            for (NfType nf : NfType.values()) {
                String where = service + " -> " + nf;
                if (keys.contains(nf.key())) {
                    assertThat(p.of(nf).placement()).as(where).isEqualTo(Placement.LOCAL);
                } else if (nf.release17()) {
                    assertThat(p.of(nf).placement()).as(where).isEqualTo(Placement.FAAS);
                    assertThat(target(p, nf, "f")).as(where).isEqualTo("http://r17:8008/f");
                } else {
                    assertThat(p.of(nf).placement()).as(where).isEqualTo(Placement.HTTP);
                    String host = HelmChartTest.HOSTED.entrySet().stream().filter(e -> e.getValue().contains(nf.key()))
                            .findFirst().orElseThrow().getKey();
                    assertThat(target(p, nf, "f")).as(where).isEqualTo("http://" + host + ":" + HelmChartTest.PORTS.get(host) + "/f");
                }
            }
        });
    }
}
