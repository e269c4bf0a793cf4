package io.liquid5gc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static io.liquid5gc.deploy.HelmChartTest.*;

/**
 * The Helm chart's secrets ({@link HelmChartTest#render}): SBI client credentials, the operator token, the UDR's
 * key-encryption keys, generated Secrets kept across upgrades; none a literal value of a container.
 */
class HelmChartSecretsTest {

    /** Environment variables that carry a secret: each must come from a Secret. */
    static final java.util.regex.Pattern SECRET_ENV = java.util.regex.Pattern.compile(
            ".*(_CLIENTSECRET|_SECRET|_TOKEN|_PASSWORD|_PRIVATEKEY|_KEY|SIGNINGJWKS)");

    static Map<String, String> decoded(Secret secret) {
        Map<String, String> out = new java.util.TreeMap<>();
        secret.getData().forEach((k, v) -> out.put(k, new String(java.util.Base64.getDecoder().decode(v))));
        return out;
    }

    @Test
    void whenRendered_thenEveryNfContainerAndTheProxyGetTheirSbiCredentialsFromTheSecret() {
        for (String values : VALUE_SETS) {
            Manifests m = render(values);
            String secret = values.startsWith("faas") ? "liquid5gc-sbi" : PREFIX + "sbi";
            nfContainers(m).forEach((name, c) -> assertThat(Manifests.env(c)).as(values + " " + name)
                    .containsEntry("LIQUID5GC_SECURITY_NFINSTANCEID", "secret:" + secret + "/" + name + "-instance-id")
                    .containsEntry("LIQUID5GC_SECURITY_CLIENTSECRET", "secret:" + secret + "/" + name + "-client-secret"));
        }
    }

    @Test
    void whenRendered_thenNoSecretIsALiteralValueOfAnyContainer() {
        for (String values : VALUE_SETS) {
            Manifests m = render(values);
            List<String> secretValues = m.all(Secret.class).stream().flatMap(s -> decoded(s).values().stream()).toList();
            List<Container> containers = new java.util.ArrayList<>(nfContainers(m).values());
            m.all(StatefulSet.class).forEach(s -> containers.addAll(s.getSpec().getTemplate().getSpec().getContainers()));
            for (Container c : containers) {
                for (var e : c.getEnv()) {
                    if (SECRET_ENV.matcher(e.getName()).matches()) {
                        assertThat(e.getValueFrom()).as(values + " " + c.getName() + " " + e.getName()).isNotNull();
                        assertThat(e.getValueFrom().getSecretKeyRef()).as(values + " " + c.getName() + " " + e.getName()).isNotNull();
                    }
                    if (e.getValue() != null) {
                        assertThat(secretValues).as(values + " " + c.getName() + " " + e.getName() + " is a literal secret")
                                .noneMatch(secretValue -> e.getValue().contains(secretValue));
                    }
                }
            }
        }
    }

    @Test
    void whenRendered_thenTheNrfListsEveryNfDeployableAndTheProxyAsClients() {
        for (String values : VALUE_SETS) {
            Manifests m = render(values);
            String secret = values.startsWith("faas") ? "liquid5gc-sbi" : PREFIX + "sbi";
            Map<String, String> nrf = Manifests.env(nfContainers(m).get("nrf"));
            Map<String, String> expected = new java.util.TreeMap<>();
            HOSTED.forEach((nf, keys) -> expected.put(nf, String.join(",", keys.stream().map(String::toUpperCase).toList())));
            expected.put("proxy", "N2_PROXY");

            Map<String, String> listed = new java.util.TreeMap<>();
            for (int i = 0; nrf.containsKey("LIQUID5GC_NRF_OAUTH2_CLIENTS_" + i + "_NFINSTANCEID"); i++) {
                String ref = nrf.get("LIQUID5GC_NRF_OAUTH2_CLIENTS_" + i + "_NFINSTANCEID");
                assertThat(ref).startsWith("secret:" + secret + "/").endsWith("-instance-id");
                String name = ref.substring(("secret:" + secret + "/").length(), ref.length() - "-instance-id".length());
                assertThat(nrf).containsEntry("LIQUID5GC_NRF_OAUTH2_CLIENTS_" + i + "_SECRET", "secret:" + secret + "/" + name + "-nrf-secret");
                assertThat(listed.put(name, nrf.get("LIQUID5GC_NRF_OAUTH2_CLIENTS_" + i + "_NFTYPES"))).as(name + " twice").isNull();
            }
            assertThat(listed).as(values).isEqualTo(expected);
            // the types bind as the NRF binds them (Set<ConsumerType>)
            listed.values().forEach(types -> java.util.Arrays.stream(types.split(","))
                    .forEach(t -> assertThat(io.liquid5gc.sbi.security.ConsumerType.valueOf(t)).isNotNull()));
            // only the NRF holds the clients list
            nfContainers(m).forEach((name, c) -> {
                if (!name.equals("nrf")) {
                    assertThat(Manifests.env(c).keySet()).as(name).noneMatch(k -> k.startsWith("LIQUID5GC_NRF_OAUTH2"));
                }
            });
        }
    }

    @Test
    void whenTheChartGeneratesTheSbiSecret_thenItHoldsAUuidAndASecretPerClientAndTheNrfSecretIsTheSameSecret() {
        Manifests m = render("persistent-values.yaml");
        Map<String, String> data = decoded(m.get(Secret.class, PREFIX + "sbi"));
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String name : nfContainers(m).keySet()) {
            String id = data.get(name + "-instance-id");
            assertThat(java.util.UUID.fromString(id).toString()).isEqualTo(id);
            assertThat(ids.add(id)).as("instance id of " + name + " is unique").isTrue();
            assertThat(data.get(name + "-client-secret")).hasSize(40).matches("[A-Za-z0-9]+");
            assertThat(data.get(name + "-nrf-secret")).isEqualTo("{noop}" + data.get(name + "-client-secret"));
        }
        assertThat(data).hasSize(3 * nfContainers(m).size());
        // without sbi.signingJwks the NRF generates its key (no variable, rather than an empty one)
        assertThat(Manifests.env(nfContainers(m).get("nrf"))).doesNotContainKey("LIQUID5GC_NRF_OAUTH2_SIGNINGJWKS");
        // a persistent NRF: callers derive the token and key endpoints from LIQUID5GC_NF_NRF_URL
        assertThat(Manifests.env(nfContainers(m).get("amf"))).doesNotContainKeys("LIQUID5GC_SECURITY_TOKENURI", "LIQUID5GC_SECURITY_JWKSURI");
    }

    @Test
    void whenRendered_thenOnlyTheUdrHasTheKeyEncryptionKeysAndOnlyUdrNrfAndProxyTheOperatorToken() {
        Manifests m = render("persistent-values.yaml");
        nfContainers(m).forEach((name, c) -> {
            Map<String, String> env = Manifests.env(c);
            if (name.equals("udr")) {
                assertThat(env).containsEntry("LIQUID5GC_UDR_KEYENCRYPTION_KEYS_0_ID", "kek-1")
                        .containsEntry("LIQUID5GC_UDR_KEYENCRYPTION_KEYS_0_KEY", "secret:" + PREFIX + "udr-kek/kek-1");
            } else {
                assertThat(env.keySet()).as(name).noneMatch(k -> k.startsWith("LIQUID5GC_UDR_KEYENCRYPTION"));
            }
            if (name.equals("udr") || name.equals("nrf") || name.equals("proxy")) {
                assertThat(env).as(name).containsEntry("LIQUID5GC_OPERATOR_TOKEN", "secret:" + PREFIX + "operator/operator-token");
            } else {
                assertThat(env).as(name).doesNotContainKey("LIQUID5GC_OPERATOR_TOKEN");
            }
            // the consoles of the UDR and the NRF: the live view from the proxy, the NRF's subscriber pages from the UDR
            if (name.equals("udr") || name.equals("nrf")) {
                assertThat(env).as(name).containsEntry("LIQUID5GC_CONSOLE_LIVEVIEWURL", "http://" + PREFIX + "proxy-metrics:8009");
            } else {
                assertThat(env).as(name).doesNotContainKey("LIQUID5GC_CONSOLE_LIVEVIEWURL");
            }
            if (name.equals("nrf")) {
                assertThat(env).containsEntry("LIQUID5GC_CONSOLE_SUBSCRIBERSURL", "http://" + PREFIX + "udr:8005");
            } else {
                assertThat(env).as(name).doesNotContainKey("LIQUID5GC_CONSOLE_SUBSCRIBERSURL");
            }
        });
        Secret kek = m.get(Secret.class, PREFIX + "udr-kek");
        assertThat(decoded(kek)).containsOnlyKeys("kek-1").hasEntrySatisfying("kek-1", v -> assertThat(v).matches("[0-9a-f]{64}"));
        assertThat(kek.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
        assertThat(decoded(m.get(Secret.class, PREFIX + "operator")).get("operator-token")).hasSize(48);
    }

    @Test
    void whenExistingSecretsAreNamed_thenTheirKeysAreReferencedAndNoneIsGenerated() {
        Manifests m = render("faas-values.yaml");
        Map<String, Container> containers = nfContainers(m);
        Map<String, String> nrf = Manifests.env(containers.get("nrf"));
        assertThat(nrf).containsEntry("LIQUID5GC_NRF_OAUTH2_SIGNINGJWKS", "secret:liquid5gc-nrf-jwks/signing-jwks");
        assertThat(Manifests.env(containers.get("udr")))
                .containsEntry("LIQUID5GC_UDR_KEYENCRYPTION_KEYS_0_ID", "kek-2024")
                .containsEntry("LIQUID5GC_UDR_KEYENCRYPTION_KEYS_0_KEY", "secret:liquid5gc-udr-kek/kek-2024")
                .containsEntry("LIQUID5GC_UDR_KEYENCRYPTION_KEYS_1_ID", "kek-2025")
                .containsEntry("LIQUID5GC_UDR_KEYENCRYPTION_KEYS_1_KEY", "secret:liquid5gc-udr-kek/kek-2025")
                .containsEntry("LIQUID5GC_OPERATOR_TOKEN", "secret:liquid5gc-operator/operator-token");
        assertThat(Manifests.env(containers.get("proxy"))).containsEntry("LIQUID5GC_OPERATOR_TOKEN", "secret:liquid5gc-operator/operator-token");
        assertThat(m.all(Secret.class)).isEmpty();
        // a faas NRF has no URL callers could derive its endpoints from: they are given
        containers.forEach((name, c) -> {
            if (!name.equals("nrf")) {
                assertThat(Manifests.env(c)).as(name)
                        .containsEntry("LIQUID5GC_SECURITY_TOKENURI", "http://core-liquid5gc-nrf.fivegc.svc.cluster.local/oauth2/token")
                        .containsEntry("LIQUID5GC_SECURITY_JWKSURI", "http://core-liquid5gc-nrf.fivegc.svc.cluster.local/oauth2/jwks");
            }
        });

        // one existing Secret alone: that one is referenced, the others still generated
        Manifests one = Manifests.parse(new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE)
                .set("redis.auth.password", "x").set("sbi.existingSecret", "my-sbi").call());
        assertThat(one.find(Secret.class, PREFIX + "sbi")).isEmpty();
        assertThat(one.find(Secret.class, PREFIX + "operator")).isPresent();
        nfContainers(one).forEach((name, c) -> assertThat(Manifests.env(c)).as(name)
                .containsEntry("LIQUID5GC_SECURITY_CLIENTSECRET", "secret:my-sbi/" + name + "-client-secret"));
    }

    @Test
    void whenTheGeneratedSecretsExistInTheCluster_thenAnUpgradeKeepsTheirValuesAndAddsOnlyWhatIsNew(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        FakeKubeApi.putSecret(NAMESPACE, PREFIX + "sbi", Map.of("amf-instance-id", "0b6a3e8c-2f0e-4c59-9a43-5d1f1c1e0a01",
                "amf-client-secret", "kept-amf-secret", "amf-nrf-secret", "{noop}kept-amf-secret"));
        FakeKubeApi.putSecret(NAMESPACE, PREFIX + "operator", Map.of("operator-token", "kept-operator-token"));
        FakeKubeApi.putSecret(NAMESPACE, PREFIX + "udr-kek", Map.of("kek-1", "ab".repeat(32)));
        try {
            Path rotation = Files.writeString(dir.resolve("rotation.yaml"), "udr: {keyEncryption: {keyIds: [kek-1, kek-2]}}\n");
            Manifests m = Manifests.parse(new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE)
                    .set("redis.auth.password", "x").withValuesFile(rotation).call());
            Map<String, String> sbi = decoded(m.get(Secret.class, PREFIX + "sbi"));
            assertThat(sbi).containsEntry("amf-instance-id", "0b6a3e8c-2f0e-4c59-9a43-5d1f1c1e0a01")
                    .containsEntry("amf-client-secret", "kept-amf-secret")
                    .containsEntry("amf-nrf-secret", "{noop}kept-amf-secret");
            assertThat(sbi.get("smf-client-secret")).hasSize(40);
            assertThat(decoded(m.get(Secret.class, PREFIX + "operator"))).containsEntry("operator-token", "kept-operator-token");
            Map<String, String> kek = decoded(m.get(Secret.class, PREFIX + "udr-kek"));
            assertThat(kek).containsEntry("kek-1", "ab".repeat(32)).containsOnlyKeys("kek-1", "kek-2");
            assertThat(kek.get("kek-2")).matches("[0-9a-f]{64}").isNotEqualTo(kek.get("kek-1"));
            assertThat(Manifests.env(nfContainers(m).get("udr")))
                    .containsEntry("LIQUID5GC_UDR_KEYENCRYPTION_KEYS_1_ID", "kek-2")
                    .containsEntry("LIQUID5GC_UDR_KEYENCRYPTION_KEYS_1_KEY", "secret:" + PREFIX + "udr-kek/kek-2");
        } finally {
            FakeKubeApi.clear();
        }
    }
}
