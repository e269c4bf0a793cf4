package io.liquid5gc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.liquid5gc.nrf.oauth2.OAuth2Properties;
import io.liquid5gc.runtime.security.SecurityProperties;
import io.liquid5gc.sbi.security.ConsumerType;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The SBI security environment the chart gives each workload, bound as a Liquid5GC process binds it
 * ({@link SecurityProperties} in every NF and the proxy, {@link OAuth2Properties} in the NRF). A value from a Secret
 * is bound as its reference ("secret:&lt;name&gt;/&lt;key&gt;"), standing for what Kubernetes puts there.
 */
class SecurityBindingTest {

    static Binder binder(Map<String, String> env) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", new HashMap<>(env)));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment);
    }

    @Test
    void whenBound_thenEveryWorkloadAuthenticatesAsItsOwnInstanceWithItsOwnSecret() {
        for (String values : HelmChartTest.VALUE_SETS) {
            Manifests m = HelmChartTest.render(values);
            String secret = values.startsWith("faas") ? "liquid5gc-sbi" : HelmChartTest.PREFIX + "sbi";
            HelmChartTest.nfContainers(m).forEach((name, c) -> {
                SecurityProperties s = binder(Manifests.env(c)).bind("liquid5gc.security", SecurityProperties.class).get();
                assertThat(s.enabled()).isTrue();
                assertThat(s.nfInstanceId()).as(values + " " + name).isEqualTo("secret:" + secret + "/" + name + "-instance-id");
                assertThat(s.clientSecret()).as(values + " " + name).isEqualTo("secret:" + secret + "/" + name + "-client-secret");
                if (values.startsWith("faas") && !name.equals("nrf")) {
                    assertThat(s.tokenUri()).isEqualTo(URI.create("http://core-liquid5gc-nrf.fivegc.svc.cluster.local/oauth2/token"));
                    assertThat(s.jwksUri()).isEqualTo(URI.create("http://core-liquid5gc-nrf.fivegc.svc.cluster.local/oauth2/jwks"));
                } else {
                    assertThat(s.tokenUri()).as(values + " " + name).isNull();
                }
            });
        }
    }

    @Test
    void whenBound_thenTheNrfHasOneClientPerWorkloadWithItsNfTypes() {
        for (String values : HelmChartTest.VALUE_SETS) {
            Manifests m = HelmChartTest.render(values);
            String secret = values.startsWith("faas") ? "liquid5gc-sbi" : HelmChartTest.PREFIX + "sbi";
            Container nrf = HelmChartTest.nfContainers(m).get("nrf");
            OAuth2Properties p = binder(Manifests.env(nrf)).bind("liquid5gc.nrf.oauth2", OAuth2Properties.class).get();
            Map<String, Set<ConsumerType>> clients = p.clients().stream().collect(Collectors.toMap(
                    c -> c.nfInstanceId().replace("secret:" + secret + "/", "").replace("-instance-id", ""), OAuth2Properties.Client::nfTypes));
            Map<String, Set<ConsumerType>> expected = new HashMap<>();
            HelmChartTest.HOSTED.forEach((nf, keys) -> expected.put(nf,
                    keys.stream().map(k -> ConsumerType.valueOf(k.toUpperCase())).collect(Collectors.toSet())));
            expected.put("proxy", Set.of(ConsumerType.N2_PROXY));
            assertThat(clients).as(values).isEqualTo(expected);
            p.clients().forEach(c -> assertThat(c.secret()).isEqualTo(c.nfInstanceId().replace("-instance-id", "-nrf-secret")));
            if (values.startsWith("faas")) {
                assertThat(p.signingJwks()).isEqualTo("secret:liquid5gc-nrf-jwks/signing-jwks");
            } else {
                assertThat(p.signingJwks()).isNull();
            }
        }
    }
}
