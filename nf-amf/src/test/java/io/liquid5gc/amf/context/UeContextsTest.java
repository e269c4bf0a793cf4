package io.liquid5gc.amf.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.sbi.amf.RegistrationType;
import io.liquid5gc.sbi.amf.UeSecurityCapability;
import io.liquid5gc.sbi.common.Snssai;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** UE contexts in the store, also those written before the owning procedure was a field of its own. */
class UeContextsTest {

    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore(Clock.systemUTC());
    private final JsonMapper json = new JsonMapper();
    private final UeContexts contexts = new UeContexts(store, json, Duration.ofHours(1));

    /** A UE context as the AMF stored it before OwningProcedure: the re-authentication's mark in registrationType. */
    private static String storedBefore(String registrationType) {
        return """
                {"id":"7","state":"AUTHENTICATION_PENDING","suci":"suci-0-001-01-0000-0-0-0000000001","supi":"imsi-001010000000001",
                 "guti":"00101-0100100-00000001","registrationType":%s,"followOnRequest":false,
                 "ueSecurityCapability":{"ea":240,"ia":112,"epsOctets":null},"requestedNssai":[{"sst":1,"sd":"010203"}],
                 "location":{"plmn":{"mcc":"001","mnc":"01"},"tac":1,"nrCellId":"000000010","gnb":"gnb-1"},
                 "authCtxId":"ctx-1","rand":"00","hxresStar":"00","ngKsi":2,"resyncAttempts":0,"kamf":"aa","cipheringAlgorithm":2,
                 "integrityAlgorithm":2,"allowedNssai":[{"sst":1,"sd":"010203"}]}""".formatted(registrationType);
    }

    @Test
    void whenAContextStoredWithTheOldReauthenticationMarkIsLoaded_thenTheReauthenticationOwnsItAndTheRegistrationTypeIsNone() {
        store.put("amf/ue/7", storedBefore("\"REAUTHENTICATION\"").getBytes(StandardCharsets.UTF_8), Duration.ofHours(1));

        UeContext ue = contexts.load("7").context();

        assertThat(ue.owningProcedure()).isEqualTo(OwningProcedure.REAUTHENTICATION);
        assertThat(ue.registrationType()).isNull();
        assertThat(ue.state()).isEqualTo(GmmState.AUTHENTICATION_PENDING);
        assertThat(ue.supi()).isEqualTo("imsi-001010000000001");
        assertThat(ue.ngKsi()).isEqualTo(2);
        assertThat(ue.allowedNssai()).containsExactly(new Snssai(1, "010203"));
    }

    @Test
    void whenAContextStoredBeforeWithARegistrationTypeIsLoaded_thenTheRegistrationOwnsIt() {
        store.put("amf/ue/7", storedBefore("\"MOBILITY_UPDATING\"").getBytes(StandardCharsets.UTF_8), Duration.ofHours(1));

        UeContext ue = contexts.load("7").context();

        assertThat(ue.owningProcedure()).isEqualTo(OwningProcedure.REGISTRATION);
        assertThat(ue.registrationType()).isEqualTo(RegistrationType.MOBILITY_UPDATING);
    }

    @Test
    void whenAContextStoredBeforeWithoutARegistrationTypeIsLoaded_thenNoProcedureOwnsIt() {
        store.put("amf/ue/7", storedBefore("null").getBytes(StandardCharsets.UTF_8), Duration.ofHours(1));

        assertThat(contexts.load("7").context().owningProcedure()).isNull();
    }

    @Test
    void whenAnOldContextIsLoadedAndSaved_thenItIsWrittenInTheNewFormAndReadBackEqual() {
        store.put("amf/ue/7", storedBefore("\"REAUTHENTICATION\"").getBytes(StandardCharsets.UTF_8), Duration.ofHours(1));
        UeContexts.Loaded loaded = contexts.load("7");

        contexts.save(loaded, loaded.context().withState(GmmState.REGISTERED));

        String stored = new String(store.get("amf/ue/7").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(stored).contains("\"registrationType\":null").contains("\"owningProcedure\":\"REAUTHENTICATION\"");
        assertThat(contexts.load("7").context()).isEqualTo(loaded.context().withState(GmmState.REGISTERED));
    }

    @Test
    void whenARegisteringContextIsSavedAndLoaded_thenItIsEqualAndTheRegistrationOwnsIt() {
        UeContext ue = UeContext.fresh("8").withRegistration("suci-0-001-01-0000-0-0-0000000001", RegistrationType.INITIAL, true,
                new UeSecurityCapability(0xF0, 0x70, null), List.of(new Snssai(1, null)), null);
        contexts.save(contexts.load("8"), ue);

        UeContext read = contexts.load("8").context();

        assertThat(read).isEqualTo(ue);
        assertThat(read.owningProcedure()).isEqualTo(OwningProcedure.REGISTRATION);
        assertThat(read.registrationType()).isEqualTo(RegistrationType.INITIAL);
        assertThat(read.withOwningProcedure(OwningProcedure.REAUTHENTICATION).registrationType()).isEqualTo(RegistrationType.INITIAL);
    }
}
