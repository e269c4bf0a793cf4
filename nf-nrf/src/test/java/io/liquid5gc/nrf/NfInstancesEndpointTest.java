package io.liquid5gc.nrf;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.nrf.NfProfile;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The operators' list of registered NF instances: every registered profile, by type and id; an unreadable one counted. */
class NfInstancesEndpointTest {

    private final JsonMapper json = new JsonMapper();
    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore(Clock.systemUTC());
    private final NrfProperties props = new NrfProperties(Duration.ofSeconds(60), 1.5, Duration.ofSeconds(60), Duration.ofHours(24),
            Duration.ofSeconds(5), Duration.ofSeconds(120));
    private final NfRegistry registry = new NfRegistry(store, json, props,
            new NfStatusNotifier(store, json, Clock.systemUTC(), props, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));

    private static NfProfile profile(String id, String type) {
        return new NfProfile(id, type, null, 30, List.of(), List.of(new io.liquid5gc.sbi.common.Snssai(1, "010203")), null, List.of("10.0.0.5"),
                List.of(new NfProfile.NfService("1", "n" + type.toLowerCase() + "-x", "http", "http://10.0.0.5:8001")), null);
    }

    @Test
    void whenNfsRegistered_thenEachIsListedByTypeAndIdWithItsStatusAndAddresses() {
        registry.handleNfRegister(profile("6f0c1c1e-4a6b-4c57-9d4e-0a5a4e3c2b01", "SMF"));
        registry.handleNfRegister(profile("0a0c1c1e-4a6b-4c57-9d4e-0a5a4e3c2b02", "AMF"));
        registry.handleNfRegister(profile("1b0c1c1e-4a6b-4c57-9d4e-0a5a4e3c2b03", "AMF"));
        store.put("nf/UDM/broken", "{not json".getBytes(StandardCharsets.UTF_8), null);

        NfInstancesEndpoint.NfInstances list = new NfInstancesEndpoint(store, json).list();

        assertThat(list.nfInstances()).extracting(NfInstancesEndpoint.NfInstance::nfType).containsExactly("AMF", "AMF", "SMF");
        assertThat(list.nfInstances().get(0).nfInstanceId()).startsWith("0a0c");
        NfInstancesEndpoint.NfInstance smf = list.nfInstances().get(2);
        assertThat(smf.nfStatus()).isEqualTo("REGISTERED");
        assertThat(smf.heartBeatTimer()).isEqualTo(30);
        assertThat(smf.ipv4Addresses()).containsExactly("10.0.0.5");
        assertThat(smf.nfServices()).extracting(NfProfile.NfService::apiPrefix).containsExactly("http://10.0.0.5:8001");
        assertThat(list.unreadable()).isEqualTo(1);
        assertThat(list.truncated()).isFalse();
    }
}
