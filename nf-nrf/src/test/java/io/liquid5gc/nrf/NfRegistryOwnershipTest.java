package io.liquid5gc.nrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.nrf.NfProfile;
import io.liquid5gc.sbi.security.Caller;
import io.liquid5gc.sbi.security.ConsumerType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** NFRegister by token callers: only their own instance as their own type; the heart-beat timer is bounded. */
class NfRegistryOwnershipTest {

    private static final String UDM_ID = "5a7bd676-ceeb-44bb-95e0-f6a55a328b03";
    private static final String OTHER_ID = "0d3ac0c5-1d4a-4c04-a3e5-5c52cb2ef0a8";

    private final JsonMapper json = new JsonMapper();
    private final Clock clock = Clock.systemUTC();
    private final NrfProperties props = new NrfProperties(Duration.ofSeconds(60), 1.5, Duration.ofSeconds(60), Duration.ofHours(24), Duration.ofSeconds(5), Duration.ofSeconds(120));
    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore(clock);
    private final NfRegistry registry = new NfRegistry(store, json, props, new NfStatusNotifier(store, json, clock, props, new SimpleMeterRegistry()));

    private static NfProfile profile(String id, String type, Integer heartBeat) {
        return new NfProfile(id, type, null, heartBeat, List.of(), List.of(), null, List.of("127.0.0.4"), List.of(), null);
    }

    private static <T> T asUdm(java.util.function.Supplier<T> call) {
        return Caller.callAs(Caller.ofToken(ConsumerType.UDM, UDM_ID), call::get);
    }

    @Test
    void whenAUdmRegistersItself_thenAccepted_andAnotherInstanceOrTypeIsRefused() {
        assertThat(asUdm(() -> registry.handleNfRegister(profile(UDM_ID, "UDM", null))).created()).isTrue();
        assertThatThrownBy(() -> asUdm(() -> registry.handleNfRegister(profile(OTHER_ID, "UDM", null))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.problem().cause()).isEqualTo("ACCESS_TOKEN_DENIED");
                });
        assertThatThrownBy(() -> asUdm(() -> registry.handleNfRegister(profile(UDM_ID, "AMF", null))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(store.get("nf/AMF/" + UDM_ID)).isEmpty();
    }

    @Test
    void whenAHeartBeatTimerAboveTheMaximumIsAsked_thenTheMaximumIsGranted() {
        assertThat(asUdm(() -> registry.handleNfRegister(profile(UDM_ID, "UDM", 86_400))).profile().heartBeatTimer()).isEqualTo(120);
        assertThat(asUdm(() -> registry.handleNfRegister(profile(UDM_ID, "UDM", 30))).profile().heartBeatTimer()).isEqualTo(30);
    }
}
