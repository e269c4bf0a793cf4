package io.liquid5gc.amf.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.amf.AmfProperties;
import io.liquid5gc.amf.context.OwningProcedure;
import io.liquid5gc.amf.context.UeContext;
import io.liquid5gc.amf.context.UeContexts;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.sbi.amf.RegistrationType;
import io.liquid5gc.sbi.amf.NasTimerId;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UeSecurityCapability;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.ausf.AusfAuthenticateResponse;
import io.liquid5gc.sbi.ausf.UeAuthenticationCtx;
import io.liquid5gc.sbi.common.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Which UE contexts the re-authentication takes and answers: the owning procedure, not the registration type, says. */
class ReauthenticationProcedureTest {

    private static final String RAND = "00112233445566778899aabbccddeeff";

    private final AmfProperties properties = AmfProperties.defaults();
    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore(Clock.systemUTC());
    private final UeContexts contexts = new UeContexts(store, new JsonMapper(), properties.contextTtl());
    private final ReauthenticationProcedure procedure = new ReauthenticationProcedure(properties, contexts, new FunctionClient() {
        @Override
        @SuppressWarnings("unchecked")
        public <I, O> O call(FunctionSpec<I, O> function, I request) {
            // the AUSF stood in for: a challenge (the UE's answers to it are not checked here)
            return (O) new AusfAuthenticateResponse(new UeAuthenticationCtx("5G_AKA", new UeAuthenticationCtx.Av5gAka(RAND,
                    "ffeeddccbbaa99887766554433221100", "0123456789abcdef0123456789abcdef"), Map.of(), "5G:mnc001.mcc001.3gppnetwork.org", "ctx-1"),
                    null);
        }

        @Override
        public boolean isEnabled(NfType nf) {
            return true;
        }

        @Override
        public Placement placementOf(NfType nf) {
            return Placement.LOCAL;
        }
    });

    private UeContext registered(String id, RegistrationType type) {
        UeContext ue = UeContext.fresh(id).withRegistration("suci-0-001-01-0000-0-0-0000000001", type, true,
                        new UeSecurityCapability(0xF0, 0x70, null), List.of(), null)
                .withSecurity("imsi-001010000000001", "aa".repeat(32), 2, 2).withAccepted("00101-0100100-00000001", List.of())
                .withState(GmmState.REGISTERED);
        contexts.save(contexts.load(id), ue);
        return ue;
    }

    @Test
    void whenTheNetworkReauthenticatesARegisteredUe_thenTheReauthenticationOwnsItAndTheRegistrationTypeStays() {
        registered("1", RegistrationType.PERIODIC_UPDATING);

        UeResult r = procedure.handle(UeRequest.n2("1", null, new UeN2Event.NetworkAuthentication()));

        assertThat(r.actions()).singleElement().isInstanceOfSatisfying(UeAction.SendNas.class,
                s -> assertThat(s.message()).isInstanceOf(DownlinkNas.AuthenticationRequest.class));
        UeContext ue = contexts.load("1").context();
        assertThat(ue.owningProcedure()).isEqualTo(OwningProcedure.REAUTHENTICATION);
        assertThat(ue.registrationType()).isEqualTo(RegistrationType.PERIODIC_UPDATING);
        assertThat(ue.followOnRequest()).isTrue();
        assertThat(ue.state()).isEqualTo(GmmState.AUTHENTICATION_PENDING);
    }

    @Test
    void whenTheRegistrationOwnsTheUe_thenAnAuthenticationResponseIsNotTheReauthenticationsToTake() {
        UeContext ue = registered("2", RegistrationType.INITIAL);
        contexts.save(contexts.load("2"), ue.withChallenge("ctx-1", RAND, "00", 1, 0));

        assertThatThrownBy(() -> procedure.handle(new UeRequest("2", null, false, new UplinkNas.AuthenticationResponse("00"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().cause()).isEqualTo("MESSAGE_NOT_COMPATIBLE_WITH_STATE"));
    }

    @Test
    void whenAContextStoredWithTheOldReauthenticationMarkGetsTheUesAnswer_thenTheReauthenticationTakesIt() {
        String before = """
                {"id":"3","state":"AUTHENTICATION_PENDING","suci":null,"supi":"imsi-001010000000001","guti":"00101-0100100-00000001",
                 "registrationType":"REAUTHENTICATION","followOnRequest":false,"ueSecurityCapability":{"ea":240,"ia":112,"epsOctets":null},
                 "requestedNssai":[],"location":null,"authCtxId":"ctx-1","rand":"%s","hxresStar":"00000000000000000000000000000000",
                 "ngKsi":1,"resyncAttempts":0,"kamf":"%s","cipheringAlgorithm":2,"integrityAlgorithm":2,"allowedNssai":[]}"""
                .formatted(RAND, "aa".repeat(32));
        store.put("amf/ue/3", before.getBytes(StandardCharsets.UTF_8), Duration.ofHours(1));

        // a wrong RES*: the re-authentication's own answer, an Authentication Reject (TS 24.501 5.4.1.3.5)
        UeResult r = procedure.handle(new UeRequest("3", null, false, new UplinkNas.AuthenticationResponse("00".repeat(16))));

        assertThat(r.actions()).first().isInstanceOfSatisfying(UeAction.SendNas.class,
                s -> assertThat(s.message()).isInstanceOf(DownlinkNas.AuthenticationReject.class));
        assertThat(r.gmmState()).isEqualTo(GmmState.DEREGISTERED);
    }

    @Test
    void whenT3560ExpiresDuringAReauthentication_thenItIsAbortedTheUeReleasedAndItStaysRegistered() {
        registered("4", RegistrationType.INITIAL);
        procedure.handle(UeRequest.n2("4", null, new UeN2Event.NetworkAuthentication()));

        UeResult r = procedure.handle(UeRequest.n2("4", null, new UeN2Event.NasTimerExpired(NasTimerId.T3560)));

        assertThat(r.actions()).containsExactly(new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE));
        assertThat(r.gmmState()).isEqualTo(GmmState.REGISTERED);
        UeContext ue = contexts.load("4").context();
        assertThat(ue.state()).isEqualTo(GmmState.REGISTERED);
        assertThat(ue.guti()).isEqualTo("00101-0100100-00000001");
    }

    @Test
    void whenTheRegistrationOwnsTheUe_thenA3560ExpiryIsNotTheReauthenticationsToTake() {
        UeContext ue = registered("5", RegistrationType.INITIAL);
        contexts.save(contexts.load("5"), ue.withChallenge("ctx-1", RAND, "00", 1, 0));

        assertThatThrownBy(() -> procedure.handle(UeRequest.n2("5", null, new UeN2Event.NasTimerExpired(NasTimerId.T3560))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(409));
        assertThat(contexts.load("5").context().state()).isEqualTo(GmmState.AUTHENTICATION_PENDING);
    }
}
