package io.liquid5gc.runtime.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.nwdaf.NwdafApi;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * {@link PlacementProperties} bound from a process environment as Kubernetes and Compose pass it: the NF keys in their
 * relaxed form (LIQUID5GC_NF_NWDAF_PLACEMENT) and a function's keys under their own names, dots and dashes included.
 */
class PlacementPropertiesBindingTest {

    static PlacementProperties bind(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bind("liquid5gc", PlacementProperties.class).get();
    }

    @Test
    void whenAFunctionIsPlacedInTheEnvironment_thenItOverridesItsNfAndTheNfsOtherFunctionsDoNot() {
        PlacementProperties p = bind(Map.of(
                "LIQUID5GC_NF_NWDAF_PLACEMENT", "http",
                "LIQUID5GC_NF_NWDAF_URL", "http://r17:8008",
                "liquid5gc.function.nwdaf-analytics-subscribe.placement", "faas",
                "liquid5gc.function.nwdaf-analytics-subscribe.url-pattern", "http://sub.fivegc.svc.cluster.local/{function}"));
        PlacementProperties.NfSettings own = p.of(NwdafApi.ANALYTICS_SUBSCRIBE);
        assertThat(own.placement()).isEqualTo(Placement.FAAS);
        assertThat(own.urlPattern()).isEqualTo("http://sub.fivegc.svc.cluster.local/{function}");
        PlacementProperties.NfSettings rest = p.of(NwdafApi.DATA_COLLECT);
        assertThat(rest.placement()).isEqualTo(Placement.HTTP);
        assertThat(rest.url()).isEqualTo(URI.create("http://r17:8008"));
        assertThat(p.of(NfType.NWDAF).placement()).isEqualTo(Placement.HTTP);
    }
}
