package io.liquid5gc.amf.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.amf.AmfProperties;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.amf.context.UeContext;
import io.liquid5gc.amf.context.UeContexts;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.MobileIdentity;
import io.liquid5gc.sbi.amf.NasTimerId;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeLocation;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UeSecurityCapability;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.ausf.AusfApi;
import io.liquid5gc.sbi.ausf.AusfAuthenticateRequest;
import io.liquid5gc.sbi.ausf.AusfAuthenticateResponse;
import io.liquid5gc.sbi.ausf.ConfirmationDataResponse;
import io.liquid5gc.sbi.ausf.UeAuthenticationCtx;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.aka.HeAv;
import io.liquid5gc.security.aka.HomeNetworkAka;
import io.liquid5gc.security.aka.UeAuthResult;
import io.liquid5gc.security.aka.Usim;
import io.liquid5gc.security.kdf.KeyHierarchy;
import io.liquid5gc.security.kdf.ServingNetworkName;
import io.liquid5gc.security.milenage.Sqn;
import io.liquid5gc.security.milenage.UsimSqnState;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registration procedure step by step, with real 5G AKA cryptography on both sides: a USIM (lib-security)
 * answers the challenges, and the AUSF is stood in for by a small home network that uses the same library (the
 * real AUSF/UDM/UDR chain is tested in their modules and end to end).
 */
class RegistrationProcedureTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final String SUPI = "imsi-001010000000001";
    private static final String SUCI = "suci-0-001-01-0000-0-0-0000000001";
    private static final UeSecurityCapability CAPS = new UeSecurityCapability(0xF0, 0x70, null); // EA0-3, IA1-3
    private static final UeLocation WHERE = new UeLocation(new PlmnId("001", "01"), 1, "000000010", "gnb-1");
    private static final Snssai SLICE = new Snssai(1, "010203");

    private final AmfProperties properties = AmfProperties.defaults();
    private final ServingNetworkName snn = ServingNetworkName.of("001", "01");
    private final HomeNetwork home = new HomeNetwork();
    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore(Clock.systemUTC());
    private final UeContexts contexts = new UeContexts(store, new JsonMapper(), properties.contextTtl());
    private final RegistrationProcedure procedure = new RegistrationProcedure(properties, contexts, home);

    /** The AUSF's 5G AKA over lib-security, with the subscriber of the UERANSIM setup. */
    final class HomeNetwork implements FunctionClient {
        long sqn = 0x20;
        final Map<String, HeAv> contexts = new HashMap<>();
        List<Snssai> subscribedExtra = List.of();
        java.util.Set<Snssai> fullSlices = new java.util.HashSet<>();
        final List<Snssai> admissions = new java.util.ArrayList<>();
        int resynchronisations;

        @Override
        @SuppressWarnings("unchecked")
        public <I, O> O call(FunctionSpec<I, O> function, I request) {
            if (function.equals(io.liquid5gc.sbi.udm.UdmApi.GET_SUBSCRIBER_DATA)) {
                // the subscriber's am-data: SLICE by default, and OTHER_SLICE when subscribed
                return (O) new io.liquid5gc.sbi.udm.SubscriptionDataSets(new io.liquid5gc.sbi.udm.AccessAndMobilitySubscriptionData(List.of(), null,
                        new io.liquid5gc.sbi.udm.Nssai(List.of(SLICE), subscribedExtra)), null, List.of());
            }
            if (function.equals(io.liquid5gc.sbi.nssf.NssfApi.SLICE_SELECT)) {
                // the NSSF stood in for: requested slices that are subscribed (or the defaults), the rest rejected in the PLMN
                var info = ((io.liquid5gc.sbi.nssf.NsSelectionRequest) request).sliceInfoRequestForRegistration();
                List<Snssai> subscribed = info.subscribedNssai().stream().map(io.liquid5gc.sbi.nssf.SubscribedSnssai::subscribedSnssai).toList();
                List<Snssai> allowed = info.requestedNssai().isEmpty() ? subscribed : info.requestedNssai().stream().filter(subscribed::contains).toList();
                List<Snssai> rejected = info.requestedNssai().stream().filter(x -> !subscribed.contains(x)).toList();
                return (O) new io.liquid5gc.sbi.nssf.AuthorizedNetworkSliceInfo(allowed.isEmpty() ? List.of() : List.of(new io.liquid5gc.sbi.nssf.AllowedNssai(
                        allowed.stream().map(x -> new io.liquid5gc.sbi.nssf.AllowedSnssai(x, null)).toList(), "3GPP_ACCESS")), List.of(), rejected, List.of());
            }
            if (function.equals(io.liquid5gc.sbi.nsacf.NsacfApi.SLICE_AVAILABILITY_CHECK)) {
                var info = ((io.liquid5gc.sbi.nsacf.SliceAdmissionRequest) request).ueACRequestInfo();
                var full = info.acuOperationList().stream().filter(op -> fullSlices.contains(op.snssai()))
                        .map(op -> new io.liquid5gc.sbi.nsacf.AcuFailureItem(op.snssai(), io.liquid5gc.sbi.nsacf.AcuFailureItem.EXCEED_MAX_UE_NUM, null)).toList();
                admissions.addAll(info.acuOperationList().stream().map(op -> op.snssai()).filter(x -> !fullSlices.contains(x)).toList());
                return (O) new io.liquid5gc.sbi.nsacf.SliceAdmissionResponse(full.isEmpty() ? Map.of() : Map.of(info.supi(), full), List.of(), List.of());
            }
            assertThat(function).isEqualTo(AusfApi.AUTHENTICATE);
            AusfAuthenticateRequest r = (AusfAuthenticateRequest) request;
            if (r.authenticationInfo() != null) {
                if (!r.authenticationInfo().supiOrSuci().equals(SUCI) && !r.authenticationInfo().supiOrSuci().equals(SUPI)) {
                    throw ProblemException.notFound("USER_NOT_FOUND", "no subscriber " + r.authenticationInfo().supiOrSuci());
                }
                assertThat(r.authenticationInfo().servingNetworkName()).isEqualTo(snn.value());
                if (r.authenticationInfo().resynchronizationInfo() != null) {
                    var resync = r.authenticationInfo().resynchronizationInfo();
                    Sqn ms = HomeNetworkAka.verifyAuts(K, OPC, Hex.decode(resync.rand()), Hex.decode(resync.auts())).orElseThrow();
                    sqn = ms.value() + 32;
                    resynchronisations++;
                }
                sqn += 32;
                HeAv av = HomeNetworkAka.generateHeAv(K, OPC, new Sqn(sqn), HomeNetworkAka.AMF_5G, snn);
                String id = UUID.randomUUID().toString();
                contexts.put(id, av);
                return (O) new AusfAuthenticateResponse(new UeAuthenticationCtx("5G_AKA", new UeAuthenticationCtx.Av5gAka(
                        Hex.encode(av.rand()), Hex.encode(av.autn()), Hex.encode(KeyHierarchy.hresStar(av.rand(), av.xresStar()))),
                        Map.of(), snn.value(), id), null);
            }
            HeAv av = contexts.remove(r.authCtxId());
            boolean ok = av != null && java.security.MessageDigest.isEqual(av.xresStar(), Hex.decode(r.confirmationData().resStar()));
            return (O) new AusfAuthenticateResponse(null, new ConfirmationDataResponse(
                    ok ? ConfirmationDataResponse.SUCCESS : ConfirmationDataResponse.FAILURE, ok ? SUPI : null,
                    ok ? Hex.encode(KeyHierarchy.kseaf(av.kausf(), snn)) : null));
        }

        @Override
        public boolean isEnabled(NfType nf) {
            return true;
        }

        @Override
        public Placement placementOf(NfType nf) {
            return Placement.LOCAL;
        }
    }

    private UeResult send(String ue, UplinkNas message, boolean integrity) {
        return procedure.handle(new UeRequest(ue, WHERE, integrity, message));
    }

    private static UplinkNas.RegistrationRequest register(MobileIdentity id, List<Snssai> requested) {
        return new UplinkNas.RegistrationRequest(io.liquid5gc.sbi.amf.RegistrationType.INITIAL, true, 7, id, CAPS, requested);
    }

    private static <T extends DownlinkNas> T nas(UeResult r, Class<T> type) {
        assertThat(r.actions()).isNotEmpty();
        UeAction first = r.actions().getFirst();
        DownlinkNas m = first instanceof UeAction.SendNas s ? s.message() : ((UeAction.InitialContextSetup) first).nas();
        assertThat(m).isInstanceOf(type);
        return type.cast(m);
    }

    /** Runs a whole registration for a UE with the given USIM; returns the Registration Accept. */
    private DownlinkNas.RegistrationAccept registerFully(String ue, Usim usim) {
        DownlinkNas.AuthenticationRequest challenge = nas(send(ue, register(MobileIdentity.suci(SUCI), List.of(SLICE)), false),
                DownlinkNas.AuthenticationRequest.class);
        UeAuthResult.Success ok = (UeAuthResult.Success) usim.authenticate(Hex.decode(challenge.rand()), Hex.decode(challenge.autn()), snn);
        UeResult smc = send(ue, new UplinkNas.AuthenticationResponse(Hex.encode(ok.resStar())), false);
        assertThat(((UeAction.SendNas) smc.actions().getFirst()).protection()).isEqualTo(UeAction.Protection.NEW_CONTEXT_INTEGRITY);
        DownlinkNas.SecurityModeCommand cmd = nas(smc, DownlinkNas.SecurityModeCommand.class);
        assertThat(cmd.integrityAlgorithm()).isEqualTo(2);
        assertThat(cmd.cipheringAlgorithm()).isEqualTo(2);
        assertThat(cmd.replayedUeSecurityCapability()).isEqualTo(CAPS);
        UeResult ics = send(ue, new UplinkNas.SecurityModeComplete(null, null), true);
        assertThat(ics.actions().getFirst()).isInstanceOf(UeAction.InitialContextSetup.class);
        DownlinkNas.RegistrationAccept accept = nas(ics, DownlinkNas.RegistrationAccept.class);
        assertThat(send(ue, new UplinkNas.RegistrationComplete(), true).gmmState()).isEqualTo(GmmState.REGISTERED);

        // both sides hold the same KAMF (TS 33.501 A.7): the UE's from its KAUSF, the AMF's from KSEAF
        byte[] ueKamf = KeyHierarchy.kamf(KeyHierarchy.kseaf(ok.kausf(), snn), "001010000000001", new byte[2]);
        assertThat(contexts.load(ue).context().kamf()).isEqualTo(Hex.encode(ueKamf));
        assertThat(store.get(io.liquid5gc.sbi.amf.AmfStoreKeys.nasSecurity(ue))).isPresent();
        return accept;
    }

    @Test
    void whenAUeRegistersWithItsSuci_thenAkaSecurityModeAndAcceptWithAGutiAndTheAllowedSlice() {
        DownlinkNas.RegistrationAccept accept = registerFully("1", new Usim(K, OPC, new UsimSqnState()));
        assertThat(accept.guti().type()).isEqualTo(MobileIdentity.Type.GUTI);
        assertThat(accept.guti().value()).matches("00101-0100100-[0-9a-f]{8}");
        assertThat(accept.allowedNssai()).containsExactly(SLICE);
        assertThat(accept.taiList()).singleElement().satisfies(t -> assertThat(t.tac()).isEqualTo(1));
        assertThat(accept.t3512Seconds()).isEqualTo(3240);
        assertThat(contexts.load("1").context().state()).isEqualTo(GmmState.REGISTERED);
        assertThat(contexts.byGuti(io.liquid5gc.sbi.amf.FiveGGuti.parse(accept.guti().value()))).hasValue("1");
    }

    @Test
    void whenAUeAsksForASliceItHasNoSubscriptionFor_thenItIsRejectedInThePlmnAndTheSubscribedOneAllowed() {
        Snssai other = new Snssai(2, null);
        DownlinkNas.AuthenticationRequest challenge = nas(send("30", register(MobileIdentity.suci(SUCI), List.of(SLICE, other)), false),
                DownlinkNas.AuthenticationRequest.class);
        UeAuthResult.Success ok = (UeAuthResult.Success) new Usim(K, OPC, new UsimSqnState())
                .authenticate(Hex.decode(challenge.rand()), Hex.decode(challenge.autn()), snn);
        send("30", new UplinkNas.AuthenticationResponse(Hex.encode(ok.resStar())), false);
        DownlinkNas.RegistrationAccept accept = nas(send("30", new UplinkNas.SecurityModeComplete(null, null), true), DownlinkNas.RegistrationAccept.class);
        assertThat(accept.allowedNssai()).containsExactly(SLICE);
        assertThat(accept.rejectedNssai()).containsExactly(new DownlinkNas.RejectedSnssai(other, DownlinkNas.RejectedSnssai.NOT_AVAILABLE_IN_PLMN));
        assertThat(home.admissions).as("the NSACF counted the UE on the allowed slice only").containsExactly(SLICE);
    }

    @Test
    void whenTheNsacfQuotaOfTheOnlySliceIsFull_thenRegistrationRejectCause62() {
        home.fullSlices.add(SLICE);
        DownlinkNas.AuthenticationRequest challenge = nas(send("31", register(MobileIdentity.suci(SUCI), List.of(SLICE)), false),
                DownlinkNas.AuthenticationRequest.class);
        UeAuthResult.Success ok = (UeAuthResult.Success) new Usim(K, OPC, new UsimSqnState())
                .authenticate(Hex.decode(challenge.rand()), Hex.decode(challenge.autn()), snn);
        send("31", new UplinkNas.AuthenticationResponse(Hex.encode(ok.resStar())), false);
        UeResult r = send("31", new UplinkNas.SecurityModeComplete(null, null), true);
        assertThat(nas(r, DownlinkNas.RegistrationReject.class).cause()).isEqualTo(62);
    }

    @Test
    void whenTwoUesRegister_thenTheirGutisDiffer() {
        String a = registerFully("10", new Usim(K, OPC, new UsimSqnState())).guti().value();
        String b = registerFully("11", new Usim(K, OPC, new UsimSqnState())).guti().value();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void whenTheResStarIsWrong_thenAuthenticationRejectAndRelease() {
        nas(send("2", register(MobileIdentity.suci(SUCI), List.of(SLICE)), false), DownlinkNas.AuthenticationRequest.class);
        UeResult r = send("2", new UplinkNas.AuthenticationResponse("00112233445566778899aabbccddeeff"), false);
        assertThat(nas(r, DownlinkNas.class)).isInstanceOf(DownlinkNas.AuthenticationReject.class);
        assertThat(r.actions()).last().isEqualTo(new UeAction.ReleaseUe(NgapCause.NAS_AUTHENTICATION_FAILURE));
        assertThat(r.gmmState()).isEqualTo(GmmState.DEREGISTERED);
    }

    @Test
    void whenTheUsimReportsSynchFailure_thenTheAmfResynchronisesAndTheNewChallengeIsAccepted() {
        Usim usim = new Usim(K, OPC, UsimSqnState.startingAt(new Sqn(1L << 40), Sqn.DEFAULT_IND_BITS));
        DownlinkNas.AuthenticationRequest first = nas(send("3", register(MobileIdentity.suci(SUCI), List.of(SLICE)), false),
                DownlinkNas.AuthenticationRequest.class);
        UeAuthResult stale = usim.authenticate(Hex.decode(first.rand()), Hex.decode(first.autn()), snn);
        assertThat(stale).isInstanceOf(UeAuthResult.SynchFailure.class);
        DownlinkNas.AuthenticationRequest second = nas(send("3", new UplinkNas.AuthenticationFailure(21,
                Hex.encode(((UeAuthResult.SynchFailure) stale).auts())), false), DownlinkNas.AuthenticationRequest.class);
        assertThat(home.resynchronisations).isEqualTo(1);
        assertThat(usim.authenticate(Hex.decode(second.rand()), Hex.decode(second.autn()), snn)).isInstanceOf(UeAuthResult.Success.class);
    }

    @Test
    void whenTheSubscriberIsUnknown_thenRegistrationRejectCause7() {
        UeResult r = send("4", register(MobileIdentity.suci("suci-0-001-01-0000-0-0-0000009999"), List.of()), false);
        assertThat(nas(r, DownlinkNas.RegistrationReject.class).cause()).isEqualTo(RegistrationProcedure.CAUSE_5GS_SERVICES_NOT_ALLOWED);
    }

    @Test
    void whenTheGutiIsUnknown_thenIdentityRequestThenAuthenticationWithTheSuci() {
        UeResult r = send("5", register(MobileIdentity.guti("00101-0100100-deadbeef"), List.of()), false);
        assertThat(nas(r, DownlinkNas.IdentityRequest.class).identityType()).isEqualTo(MobileIdentity.Type.SUCI);
        nas(send("5", new UplinkNas.IdentityResponse(MobileIdentity.suci(SUCI)), false), DownlinkNas.AuthenticationRequest.class);
    }

    @Test
    void whenNoRequestedSliceIsServed_thenRegistrationRejectCause62() {
        home.subscribedExtra = List.of(new Snssai(2, null)); // subscribed, not served by this AMF: the NSSF is asked
        Usim usim = new Usim(K, OPC, new UsimSqnState());
        DownlinkNas.AuthenticationRequest c = nas(send("6", register(MobileIdentity.suci(SUCI), List.of(new Snssai(2, null))), false),
                DownlinkNas.AuthenticationRequest.class);
        UeAuthResult.Success ok = (UeAuthResult.Success) usim.authenticate(Hex.decode(c.rand()), Hex.decode(c.autn()), snn);
        send("6", new UplinkNas.AuthenticationResponse(Hex.encode(ok.resStar())), false);
        UeResult r = send("6", new UplinkNas.SecurityModeComplete(null, null), true);
        assertThat(nas(r, DownlinkNas.RegistrationReject.class).cause()).isEqualTo(RegistrationProcedure.CAUSE_NO_NETWORK_SLICES_AVAILABLE);
        assertThat(((UeAction.SendNas) r.actions().getFirst()).protection()).isEqualTo(UeAction.Protection.PROTECTED);
    }

    @Test
    void whenTheSecurityModeCompleteCarriesTheFullRegistrationRequest_thenItsRequestedNssaiDecides() {
        // TS 24.501 4.4.6, as UERANSIM does it: the cleartext Registration Request has no requested NSSAI, the complete
        // one in the NAS message container of the Security Mode Complete asks for a slice this AMF does not serve
        home.subscribedExtra = List.of(new Snssai(2, null));
        Usim usim = new Usim(K, OPC, new UsimSqnState());
        DownlinkNas.AuthenticationRequest c = nas(send("12", register(MobileIdentity.suci(SUCI), List.of()), false),
                DownlinkNas.AuthenticationRequest.class);
        UeAuthResult.Success ok = (UeAuthResult.Success) usim.authenticate(Hex.decode(c.rand()), Hex.decode(c.autn()), snn);
        send("12", new UplinkNas.AuthenticationResponse(Hex.encode(ok.resStar())), false);
        UeResult r = send("12", new UplinkNas.SecurityModeComplete(null,
                register(MobileIdentity.suci(SUCI), List.of(new Snssai(2, null)))), true);
        assertThat(nas(r, DownlinkNas.RegistrationReject.class).cause()).isEqualTo(RegistrationProcedure.CAUSE_NO_NETWORK_SLICES_AVAILABLE);
    }

    @Test
    void whenSecurityModeCompleteIsNotIntegrityProtected_thenItIsRefused() {
        Usim usim = new Usim(K, OPC, new UsimSqnState());
        DownlinkNas.AuthenticationRequest c = nas(send("7", register(MobileIdentity.suci(SUCI), List.of(SLICE)), false),
                DownlinkNas.AuthenticationRequest.class);
        UeAuthResult.Success ok = (UeAuthResult.Success) usim.authenticate(Hex.decode(c.rand()), Hex.decode(c.autn()), snn);
        send("7", new UplinkNas.AuthenticationResponse(Hex.encode(ok.resStar())), false);
        assertThatThrownBy(() -> send("7", new UplinkNas.SecurityModeComplete(null, null), false))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().cause()).isEqualTo("INTEGRITY_CHECK_FAILED"));
    }

    @Test
    void whenTheUeSupportsOnlyNullIntegrity_thenCause23() {
        Usim usim = new Usim(K, OPC, new UsimSqnState());
        UplinkNas.RegistrationRequest rr = new UplinkNas.RegistrationRequest(io.liquid5gc.sbi.amf.RegistrationType.INITIAL, false, 7, MobileIdentity.suci(SUCI),
                new UeSecurityCapability(0x80, 0x80, null), List.of(SLICE));
        DownlinkNas.AuthenticationRequest c = nas(send("8", rr, false), DownlinkNas.AuthenticationRequest.class);
        UeAuthResult.Success ok = (UeAuthResult.Success) usim.authenticate(Hex.decode(c.rand()), Hex.decode(c.autn()), snn);
        UeResult r = send("8", new UplinkNas.AuthenticationResponse(Hex.encode(ok.resStar())), false);
        assertThat(nas(r, DownlinkNas.RegistrationReject.class).cause()).isEqualTo(RegistrationProcedure.CAUSE_UE_SECURITY_CAPABILITIES_MISMATCH);
    }

    @Test
    void whenAMessageDoesNotFitTheState_then409() {
        assertThatThrownBy(() -> send("9", new UplinkNas.RegistrationComplete(), true))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.problem().cause()).isEqualTo("MESSAGE_NOT_COMPATIBLE_WITH_STATE");
                });
    }

    private UeResult expired(String ue, NasTimerId timer) {
        return procedure.handle(UeRequest.n2(ue, WHERE, new UeN2Event.NasTimerExpired(timer)));
    }

    @Test
    void whenT3560ExpiresForTheLastTimeOnTheAuthenticationRequest_thenTheRegistrationIsAbortedAndTheContextCleaned() {
        send("40", register(MobileIdentity.suci(SUCI), List.of(SLICE)), false);
        assertThat(contexts.load("40").context().state()).isEqualTo(GmmState.AUTHENTICATION_PENDING);

        UeResult r = expired("40", NasTimerId.T3560);

        assertThat(r.actions()).containsExactly(new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE));
        assertThat(r.gmmState()).isEqualTo(GmmState.DEREGISTERED);
        UeContext ue = contexts.load("40").context();
        assertThat(ue.state()).isEqualTo(GmmState.DEREGISTERED);
        assertThat(ue.owningProcedure()).isNull();
        assertThat(ue.authCtxId()).isNull();
        assertThat(ue.rand()).isNull();
        assertThat(ue.hxresStar()).isNull();
        // the UE's late answer to the aborted challenge is not taken
        assertThatThrownBy(() -> send("40", new UplinkNas.AuthenticationResponse("00".repeat(16)), false))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void whenT3570ExpiresOnTheIdentityRequest_thenTheRegistrationIsAborted() {
        send("41", register(MobileIdentity.guti("00101-0100100-0000abcd"), List.of(SLICE)), false);
        assertThat(contexts.load("41").context().state()).isEqualTo(GmmState.IDENTIFICATION_PENDING);

        UeResult r = expired("41", NasTimerId.T3570);

        assertThat(r.actions()).containsExactly(new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE));
        assertThat(contexts.load("41").context().state()).isEqualTo(GmmState.DEREGISTERED);
    }

    @Test
    void whenT3550ExpiresWithoutRegistrationComplete_thenTheRegistrationStandsWithItsNewGuti() {
        Usim usim = new Usim(K, OPC, new UsimSqnState());
        DownlinkNas.AuthenticationRequest c = nas(send("42", register(MobileIdentity.suci(SUCI), List.of(SLICE)), false),
                DownlinkNas.AuthenticationRequest.class);
        UeAuthResult.Success ok = (UeAuthResult.Success) usim.authenticate(Hex.decode(c.rand()), Hex.decode(c.autn()), snn);
        send("42", new UplinkNas.AuthenticationResponse(Hex.encode(ok.resStar())), false);
        DownlinkNas.RegistrationAccept accept = nas(send("42", new UplinkNas.SecurityModeComplete(null, null), true), DownlinkNas.RegistrationAccept.class);

        UeResult r = expired("42", NasTimerId.T3550);

        assertThat(r.actions()).as("an initial registration: no release").isEmpty();
        assertThat(r.gmmState()).isEqualTo(GmmState.REGISTERED);
        assertThat(contexts.load("42").context().guti()).isEqualTo(accept.guti().value());
        assertThat(contexts.byGuti(io.liquid5gc.sbi.amf.FiveGGuti.parse(accept.guti().value()))).hasValue("42");
    }

    @Test
    void whenATimerExpiryDoesNotFitTheState_then409() {
        registerFully("43", new Usim(K, OPC, new UsimSqnState()));
        assertThatThrownBy(() -> expired("43", NasTimerId.T3560)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.problem().detail()).contains("T3560 expiry");
        });
        assertThat(contexts.load("43").context().state()).isEqualTo(GmmState.REGISTERED);
    }

    @Test
    void whenNia0IsConfigured_thenTheAmfRefusesToStart() {
        assertThatThrownBy(() -> new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(Map.of("liquid5gc.amf.integrity-order", "0,2")))
                .bind("liquid5gc.amf", AmfProperties.class)).hasStackTraceContaining("NIA0");
    }

    @Test
    void whenNothingIsConfigured_thenTheDeclaredDefaultsAreTheUeransimSetupsAndAGivenKeyKeepsTheOthers() {
        AmfProperties d = AmfProperties.defaults();
        assertThat(d).isEqualTo(new AmfProperties("001", "01", 1, 1, 0, List.of(1), List.of(SLICE), List.of(2, 1, 3), List.of(2, 1, 3, 0),
                java.time.Duration.ofMinutes(54), java.time.Duration.ofDays(2), AmfProperties.NssfQuery.WHEN_NEEDED, null));
        assertThat(d.servingNetworkName()).isEqualTo("5G:mnc001.mcc001.3gppnetwork.org");
        AmfProperties some = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(Map.of(
                        "liquid5gc.amf.mnc", "002", "liquid5gc.amf.set-id", "7", "liquid5gc.amf.tacs", "")))
                .bind("liquid5gc.amf", AmfProperties.class).get();
        assertThat(some.mnc()).isEqualTo("002");
        assertThat(some.setId()).isEqualTo(7);
        assertThat(some.mcc()).isEqualTo("001");
        assertThat(some.t3512()).isEqualTo(java.time.Duration.ofMinutes(54));
        assertThat(some.tacs()).as("an empty list is the default too").containsExactly(1);
    }
}
