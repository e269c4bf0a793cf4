package io.liquid5gc.amf.registration;

import io.liquid5gc.amf.AmfProperties;
import io.liquid5gc.amf.TransitionTable;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.amf.context.UeContext;
import io.liquid5gc.amf.context.UeContexts;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.FiveGGuti;
import io.liquid5gc.sbi.amf.MobileIdentity;
import io.liquid5gc.sbi.amf.NasTimerId;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.RegistrationType;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeAction.Protection;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.ausf.AusfApi;
import io.liquid5gc.sbi.ausf.AusfAuthenticateRequest;
import io.liquid5gc.sbi.ausf.AusfAuthenticateResponse;
import io.liquid5gc.sbi.ausf.AuthenticationInfo;
import io.liquid5gc.sbi.ausf.ConfirmationDataResponse;
import io.liquid5gc.sbi.ausf.UeAuthenticationCtx;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.udm.ResynchronizationInfo;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.aka.SeafAka;
import io.liquid5gc.security.kdf.KeyHierarchy;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registration procedure of {@code amf-initial-registration} (TS 24.501 5.5.1.2, TS 23.502 4.2.2.2.2), as a
 * transition table: (5GMM state, uplink message or NAS timer expiry) to the handler of that step. Identification (5.4.3),
 * 5G-AKA through the AUSF (5.4.1.3, TS 33.501 6.1.3.2, with resynchronisation on synch failure) and security mode
 * control (5.4.2) run inside it; the result is the NAS to send, then the Initial Context Setup with the
 * Registration Accept and a new 5G-GUTI.
 */
public final class RegistrationProcedure {

    private static final Logger log = LoggerFactory.getLogger(RegistrationProcedure.class);
    /** TS 33.501 A.7.1: the ABBA for this release. */
    private static final String ABBA = "0000";
    private static final int MAX_RESYNC = 1;

    // 5GMM causes, TS 24.501 9.11.3.2
    static final int CAUSE_ILLEGAL_UE = 3;
    static final int CAUSE_5GS_SERVICES_NOT_ALLOWED = 7;
    static final int CAUSE_PLMN_NOT_ALLOWED = 11;
    static final int CAUSE_MAC_FAILURE = 20;
    static final int CAUSE_SYNCH_FAILURE = 21;
    static final int CAUSE_UE_SECURITY_CAPABILITIES_MISMATCH = 23;
    static final int CAUSE_NO_NETWORK_SLICES_AVAILABLE = 62;
    static final int CAUSE_SEMANTICALLY_INCORRECT = 95;

    private final TransitionTable<GmmState> table = new TransitionTable<>(GmmState.class, "registration");
    private final AmfProperties properties;
    private final UeContexts contexts;
    private final FunctionClient functions;
    private final SliceSelection slices;

    public RegistrationProcedure(AmfProperties properties, UeContexts contexts, FunctionClient functions) {
        this.slices = new SliceSelection(properties, functions);
        this.properties = properties;
        this.contexts = contexts;
        this.functions = functions;
        // a Registration Request restarts the procedure from any state (TS 24.501 5.5.1.2.8 abnormal cases)
        table.onMessageInEveryState(UplinkNas.RegistrationRequest.class, this::handleRegistrationRequest)
                .onMessage(GmmState.IDENTIFICATION_PENDING, UplinkNas.IdentityResponse.class, this::handleIdentityResponse)
                .onExpiry(GmmState.IDENTIFICATION_PENDING, NasTimerId.T3570, this::handleProcedureAbort)
                .onMessage(GmmState.AUTHENTICATION_PENDING, UplinkNas.AuthenticationResponse.class, this::handleAuthenticationResponse)
                .onMessage(GmmState.AUTHENTICATION_PENDING, UplinkNas.AuthenticationFailure.class, this::handleAuthenticationFailure)
                .onExpiry(GmmState.AUTHENTICATION_PENDING, NasTimerId.T3560, this::handleProcedureAbort)
                .onMessage(GmmState.SECURITY_MODE_PENDING, UplinkNas.SecurityModeComplete.class, this::handleSecurityModeComplete)
                .onMessage(GmmState.SECURITY_MODE_PENDING, UplinkNas.SecurityModeReject.class, this::handleSecurityModeReject)
                .onExpiry(GmmState.SECURITY_MODE_PENDING, NasTimerId.T3560, this::handleProcedureAbort)
                .onMessage(GmmState.REGISTRATION_COMPLETE_PENDING, UplinkNas.RegistrationComplete.class, this::handleRegistrationComplete)
                .onExpiry(GmmState.REGISTRATION_COMPLETE_PENDING, NasTimerId.T3550, this::handleRegistrationCompleteMissing);
    }

    /** One uplink message of the procedure, or the last expiry of one of its NAS timers. */
    public UeResult handle(UeRequest request) {
        TransitionTable.requireUeAndEvent(request);
        UeContexts.Loaded loaded = contexts.load(request.ueContextId());
        UeContext ctx = loaded.context();
        // TS 24.501 7.4: a message not compatible with the protocol state is a 409
        return table.step(ctx.state(), request).apply(ctx, request, loaded);
    }

    // ---- steps ----

    UeResult handleRegistrationRequest(UeContext ctx, UeRequest request, UeContexts.Loaded loaded) {
        UplinkNas.RegistrationRequest rr = (UplinkNas.RegistrationRequest) request.message();
        MobileIdentity id = rr.identity();
        UeContext next = ctx.withRegistration(id.type() == MobileIdentity.Type.SUCI ? id.value() : null, rr.registrationType(),
                rr.followOnRequest(), rr.ueSecurityCapability(), rr.requestedNssai(), request.location());
        if (request.location() != null && !servesPlmn(request.location().plmn())) {
            return reject(loaded, next, CAUSE_PLMN_NOT_ALLOWED, "PLMN " + request.location().plmn() + " not served");
        }
        if (rr.ueSecurityCapability() == null) {
            return reject(loaded, next, CAUSE_SEMANTICALLY_INCORRECT, "no UE security capability");
        }
        if (isUpdating(rr) && request.integrityVerified() && ctx.state() == GmmState.REGISTERED && id.type() == MobileIdentity.Type.GUTI
                && id.value().equals(ctx.guti())) {
            return handleRegistrationUpdating(loaded, ctx, rr);
        }
        switch (id.type()) {
            case SUCI -> {
                return startAuthentication(loaded, next, null);
            }
            case GUTI -> {
                String known = contextOfGuti(id.value());
                if (known != null && known.equals(ctx.id()) && ctx.suci() != null) {
                    return startAuthentication(loaded, next, null);
                }
                // TS 24.501 5.4.3: the GUTI is not known here: ask for the SUCI
                return send(loaded, next.withState(GmmState.IDENTIFICATION_PENDING),
                        new DownlinkNas.IdentityRequest(MobileIdentity.Type.SUCI), Protection.PLAIN);
            }
            default -> {
                return send(loaded, next.withState(GmmState.IDENTIFICATION_PENDING),
                        new DownlinkNas.IdentityRequest(MobileIdentity.Type.SUCI), Protection.PLAIN);
            }
        }
    }

    /**
     * Mobility and periodic registration updating (TS 24.501 5.5.1.3) of a registered UE whose request was integrity
     * verified with its current NAS security context: no new authentication. Mobility: a new 5G-GUTI (TS 33.501 6.12.3
     * requires one), so the UE answers Registration Complete and the connection is released after it unless the UE
     * asked for follow-on. Periodic: the 5G-GUTI is kept, no Registration Complete is due, and without follow-on the
     * connection is released at once (5.5.1.3.4, TS 23.502 4.2.2.2.2 step 21).
     */
    UeResult handleRegistrationUpdating(UeContexts.Loaded loaded, UeContext ctx, UplinkNas.RegistrationRequest rr) {
        UeContext updated = ctx.withRegistration(null, rr.registrationType(), rr.followOnRequest(), ctx.ueSecurityCapability(),
                ctx.requestedNssai(), ctx.location());
        List<DownlinkNas.Tai> tais = new ArrayList<>();
        for (int tac : properties.tacs()) {
            tais.add(new DownlinkNas.Tai(new PlmnId(properties.mcc(), properties.mnc()), tac));
        }
        List<UeAction> actions = new ArrayList<>();
        if (rr.registrationType() == RegistrationType.MOBILITY_UPDATING) {
            String guti = newGuti(ctx.id());
            UeContext next = updated.withAccepted(guti, ctx.allowedNssai());
            contexts.save(loaded, next);
            actions.add(new UeAction.SendNas(new DownlinkNas.RegistrationAccept(MobileIdentity.guti(guti), tais, ctx.allowedNssai(),
                    (int) properties.t3512().toSeconds()), Protection.PROTECTED));
            log.info("UE {} ({}): mobility registration updating, new 5G-GUTI {}", ctx.id(), ctx.supi(), guti);
            return new UeResult(actions, next.state());
        }
        contexts.save(loaded, updated.withState(GmmState.REGISTERED));
        actions.add(new UeAction.SendNas(new DownlinkNas.RegistrationAccept(null, tais, ctx.allowedNssai(), (int) properties.t3512().toSeconds()),
                Protection.PROTECTED));
        if (!rr.followOnRequest()) {
            actions.add(new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE));
        }
        log.info("UE {} ({}): periodic registration updating, 5G-GUTI {} kept", ctx.id(), ctx.supi(), ctx.guti());
        return new UeResult(actions, GmmState.REGISTERED);
    }

    /** A 5G-GUTI with a 5G-TMSI unique across every AMF process sharing the store (TS 23.003 2.10), indexed to the context. */
    private String newGuti(String contextId) {
        FiveGGuti guti = new FiveGGuti(new PlmnId(properties.mcc(), properties.mnc()), properties.regionId(), properties.setId(),
                properties.pointer(), contexts.nextTmsi());
        contexts.indexGuti(guti, contextId);
        return guti.format();
    }

    /** The UE context a 5G-GUTI's text names in the index, null when unknown or not a 5G-GUTI's text. */
    private String contextOfGuti(String text) {
        FiveGGuti guti;
        try {
            guti = FiveGGuti.parse(text);
        } catch (IllegalArgumentException e) {
            log.debug("not a 5G-GUTI: {}", e.getMessage());
            return null;
        }
        return contexts.byGuti(guti).orElse(null);
    }

    private static boolean isUpdating(UplinkNas.RegistrationRequest rr) {
        return rr.registrationType() != null && rr.registrationType().isUpdating();
    }

    UeResult handleIdentityResponse(UeContext ctx, UeRequest request, UeContexts.Loaded loaded) {
        MobileIdentity id = ((UplinkNas.IdentityResponse) request.message()).identity();
        if (id == null || id.type() != MobileIdentity.Type.SUCI) {
            return reject(loaded, ctx, CAUSE_SEMANTICALLY_INCORRECT, "Identity Response without the SUCI asked for");
        }
        return startAuthentication(loaded, ctx.withSuci(id.value()), null);
    }

    UeResult handleAuthenticationResponse(UeContext ctx, UeRequest request, UeContexts.Loaded loaded) {
        String resStar = ((UplinkNas.AuthenticationResponse) request.message()).resStar();
        byte[] res;
        try {
            res = Hex.decode(resStar);
        } catch (RuntimeException e) {
            return authenticationRejected(loaded, ctx, "RES* is not hex");
        }
        // TS 33.501 6.1.3.2 step 9: the SEAF checks HRES* against HXRES* before asking the AUSF
        if (res.length != 16 || !SeafAka.checkHresStar(Hex.decode(ctx.rand()), res, Hex.decode(ctx.hxresStar()))) {
            confirmQuietly(ctx, resStar);
            return authenticationRejected(loaded, ctx, "HRES* does not match HXRES*");
        }
        ConfirmationDataResponse confirmed;
        try {
            AusfAuthenticateResponse r = functions.call(AusfApi.AUTHENTICATE, AusfAuthenticateRequest.confirm(ctx.authCtxId(), resStar));
            confirmed = r.confirmationDataResponse();
        } catch (ProblemException e) {
            log.warn("UE {}: AUSF confirmation failed: {}", ctx.id(), e.getMessage());
            return authenticationRejected(loaded, ctx, "AUSF: " + e.problem().cause());
        }
        if (confirmed == null || !ConfirmationDataResponse.SUCCESS.equals(confirmed.authResult()) || confirmed.kseaf() == null) {
            return authenticationRejected(loaded, ctx, "AUSF answered " + (confirmed == null ? "nothing" : confirmed.authResult()));
        }
        String supi = confirmed.supi();
        String supiDigits = supi.startsWith("imsi-") ? supi.substring(5) : supi;
        byte[] kamf = KeyHierarchy.kamf(Hex.decode(confirmed.kseaf()), supiDigits, Hex.decode(ABBA));
        int nia = select(properties.integrityOrder(), ctx.ueSecurityCapability()::supportsIa);
        int nea = select(properties.cipheringOrder(), ctx.ueSecurityCapability()::supportsEa);
        if (nia < 0 || nea < 0) {
            return reject(loaded, ctx, CAUSE_UE_SECURITY_CAPABILITIES_MISMATCH, "no common NAS algorithm (UE " + ctx.ueSecurityCapability() + ")");
        }
        UeContext next = ctx.withSecurity(supi, Hex.encode(kamf), nea, nia);
        contexts.saveNasSecurity(ctx.id(), new io.liquid5gc.sbi.amf.NasSecurityContext(ctx.ngKsi(), next.kamf(), nea, nia));
        log.info("UE {} authenticated as {}; security mode NEA{} NIA{}", ctx.id(), supi, nea, nia);
        return send(loaded, next, new DownlinkNas.SecurityModeCommand(nea, nia, ctx.ngKsi(), ctx.ueSecurityCapability(), true, ABBA),
                Protection.NEW_CONTEXT_INTEGRITY);
    }

    UeResult handleAuthenticationFailure(UeContext ctx, UeRequest request, UeContexts.Loaded loaded) {
        UplinkNas.AuthenticationFailure f = (UplinkNas.AuthenticationFailure) request.message();
        if (f.cause() == CAUSE_SYNCH_FAILURE && f.auts() != null && ctx.resyncAttempts() < MAX_RESYNC) {
            // TS 33.501 6.1.3.3.2: resynchronise through the AUSF and UDM, then challenge again
            log.info("UE {}: synch failure, resynchronising", ctx.id());
            return startAuthentication(loaded, ctx, new ResynchronizationInfo(ctx.rand(), f.auts()));
        }
        return authenticationRejected(loaded, ctx, "UE reported authentication failure #" + f.cause());
    }

    UeResult handleSecurityModeComplete(UeContext ctx, UeRequest request, UeContexts.Loaded loaded) {
        if (!request.integrityVerified()) {
            // TS 24.501 4.4.4.3: Security Mode Complete must be integrity protected with the new context
            throw new ProblemException(403, "Forbidden", "INTEGRITY_CHECK_FAILED", "Security Mode Complete without verified integrity");
        }
        UplinkNas.RegistrationRequest full = ((UplinkNas.SecurityModeComplete) request.message()).registrationRequest();
        if (full != null) {
            // TS 24.501 4.4.6: the complete Registration Request in the NAS message container replaces the cleartext one
            ctx = ctx.withRegistration(null, full.registrationType(), full.followOnRequest(), ctx.ueSecurityCapability(),
                    full.requestedNssai(), ctx.location());
        }
        // TS 23.502 4.2.2.2.2: subscribed S-NSSAIs (UDM), the NSSF's selection, the NSACF's admission (R17)
        SliceSelection.Outcome selection = slices.select(ctx.supi(), ctx.requestedNssai(),
                ctx.location() != null ? ctx.location().tac() : properties.tacs().getFirst());
        List<Snssai> allowed = selection.allowed();
        if (allowed.isEmpty()) {
            return reject(loaded, ctx, CAUSE_NO_NETWORK_SLICES_AVAILABLE, "none of " + ctx.requestedNssai() + " is allowed: " + selection.rejected());
        }
        String guti = newGuti(ctx.id());
        contexts.indexSupi(ctx.supi(), ctx.id());
        UeContext next = ctx.withAccepted(guti, allowed);
        List<DownlinkNas.Tai> tais = new ArrayList<>();
        for (int tac : properties.tacs()) {
            tais.add(new DownlinkNas.Tai(new PlmnId(properties.mcc(), properties.mnc()), tac));
        }
        DownlinkNas accept = new DownlinkNas.RegistrationAccept(MobileIdentity.guti(guti), tais, allowed,
                (int) properties.t3512().toSeconds(), selection.rejected());
        contexts.save(loaded, next);
        log.info("UE {} ({}) registered with 5G-GUTI {}", ctx.id(), ctx.supi(), guti);
        return new UeResult(List.of(new UeAction.InitialContextSetup(accept, allowed, ctx.ueSecurityCapability())), next.state());
    }

    UeResult handleSecurityModeReject(UeContext ctx, UeRequest request, UeContexts.Loaded loaded) {
        int cause = ((UplinkNas.SecurityModeReject) request.message()).cause();
        UeContext next = ctx.withState(GmmState.DEREGISTERED);
        contexts.save(loaded, next);
        log.warn("UE {} rejected the security mode command (#{})", ctx.id(), cause);
        return new UeResult(List.of(new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE)), next.state());
    }

    UeResult handleRegistrationComplete(UeContext ctx, UeRequest request, UeContexts.Loaded loaded) {
        UeContext next = ctx.withState(GmmState.REGISTERED);
        contexts.save(loaded, next);
        if (ctx.registrationType() == RegistrationType.MOBILITY_UPDATING && !ctx.followOnRequest()) {
            // TS 23.502 4.2.2.2.2 step 21: no follow-on request: the NAS signalling connection goes
            return new UeResult(List.of(new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE)), next.state());
        }
        return new UeResult(List.of(), next.state());
    }

    /**
     * The UE never answered the Identity Request (T3570, TS 24.501 5.4.3.7 b)), the Authentication Request or the
     * Security Mode Command (T3560, 5.4.1.3.7 c), 5.4.2.7 c)) after the retransmissions: the registration is aborted
     * and the N1 signalling connection released; the context is left DEREGISTERED with nothing half-done in it.
     */
    UeResult handleProcedureAbort(UeContext ctx, UeRequest request, UeContexts.Loaded loaded) {
        UeContext next = ctx.withAborted();
        contexts.save(loaded, next);
        log.warn("UE {}: {} in {}: registration aborted", ctx.id(), TransitionTable.describe(request), ctx.state());
        return new UeResult(List.of(new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE)), next.state());
    }

    /**
     * T3550's last expiry without Registration Complete (TS 24.501 5.5.1.2.8 c)): the procedure is aborted but the
     * registration stands, with the old and the new 5G-GUTI valid (both stay in the index); the UE is REGISTERED and
     * the connection goes as it would after the Registration Complete (mobility updating without follow-on).
     */
    UeResult handleRegistrationCompleteMissing(UeContext ctx, UeRequest request, UeContexts.Loaded loaded) {
        log.warn("UE {} ({}): no Registration Complete after T3550; the registration with 5G-GUTI {} stands", ctx.id(), ctx.supi(), ctx.guti());
        return handleRegistrationComplete(ctx, request, loaded);
    }

    // ---- helpers ----

    private UeResult startAuthentication(UeContexts.Loaded loaded, UeContext ctx, ResynchronizationInfo resync) {
        String identity = ctx.supi() != null ? ctx.supi() : ctx.suci();
        if (identity == null) {
            return send(loaded, ctx.withState(GmmState.IDENTIFICATION_PENDING), new DownlinkNas.IdentityRequest(MobileIdentity.Type.SUCI), Protection.PLAIN);
        }
        UeAuthenticationCtx challenge;
        try {
            challenge = functions.call(AusfApi.AUTHENTICATE, AusfAuthenticateRequest.authenticate(
                    new AuthenticationInfo(identity, properties.servingNetworkName(), resync))).ueAuthenticationCtx();
        } catch (ProblemException e) {
            String cause = e.problem().cause() == null ? "" : e.problem().cause();
            log.warn("UE {}: authentication could not start: {}", ctx.id(), e.getMessage());
            return switch (cause) {
                case "USER_NOT_FOUND" -> reject(loaded, ctx, CAUSE_5GS_SERVICES_NOT_ALLOWED, "unknown subscriber");
                case "SERVING_NETWORK_NOT_AUTHORIZED" -> reject(loaded, ctx, CAUSE_PLMN_NOT_ALLOWED, "serving network not authorised");
                case "AUTHENTICATION_REJECTED", "SUCI_DECONCEALMENT_FAILED", "MANDATORY_IE_INCORRECT" ->
                        reject(loaded, ctx, CAUSE_ILLEGAL_UE, "identity rejected: " + cause);
                default -> throw e;
            };
        }
        if (challenge == null || challenge.fiveGAuthData() == null) {
            throw new ProblemException(502, "Bad Gateway", "UNSPECIFIED_NF_FAILURE", "the AUSF answered no 5G AKA challenge");
        }
        int ngKsi = (ctx.ngKsi() + 1) % 7; // TS 24.501 9.11.3.32: 0..6, 7 = no key
        UeContext next = ctx.withChallenge(challenge.authCtxId(), challenge.fiveGAuthData().rand(), challenge.fiveGAuthData().hxresStar(),
                ngKsi, resync == null ? ctx.resyncAttempts() : ctx.resyncAttempts() + 1);
        return send(loaded, next, new DownlinkNas.AuthenticationRequest(ngKsi, ABBA, challenge.fiveGAuthData().rand(),
                challenge.fiveGAuthData().autn()), Protection.PLAIN);
    }

    private void confirmQuietly(UeContext ctx, String resStar) {
        try {
            functions.call(AusfApi.AUTHENTICATE, AusfAuthenticateRequest.confirm(ctx.authCtxId(), resStar));
        } catch (ProblemException e) {
            log.debug("UE {}: AUSF informed of the failed authentication: {}", ctx.id(), e.getMessage());
        }
    }

    private UeResult authenticationRejected(UeContexts.Loaded loaded, UeContext ctx, String why) {
        UeContext next = ctx.withState(GmmState.DEREGISTERED);
        contexts.save(loaded, next);
        log.warn("UE {}: authentication rejected: {}", ctx.id(), why);
        return new UeResult(List.of(new UeAction.SendNas(new DownlinkNas.AuthenticationReject(), Protection.PLAIN),
                new UeAction.ReleaseUe(NgapCause.NAS_AUTHENTICATION_FAILURE)), next.state());
    }

    private UeResult reject(UeContexts.Loaded loaded, UeContext ctx, int cause, String why) {
        UeContext next = ctx.withState(GmmState.DEREGISTERED);
        contexts.save(loaded, next);
        log.warn("UE {}: registration rejected with 5GMM cause #{}: {}", ctx.id(), cause, why);
        Protection p = ctx.kamf() != null && ctx.state() == GmmState.SECURITY_MODE_PENDING ? Protection.PROTECTED : Protection.PLAIN;
        return new UeResult(List.of(new UeAction.SendNas(new DownlinkNas.RegistrationReject(cause), p),
                new UeAction.ReleaseUe(NgapCause.NAS_DEREGISTER)), next.state());
    }

    private UeResult send(UeContexts.Loaded loaded, UeContext next, DownlinkNas nas, Protection protection) {
        contexts.save(loaded, next);
        return new UeResult(List.of(new UeAction.SendNas(nas, protection)), next.state());
    }

    private boolean servesPlmn(PlmnId plmn) {
        return plmn.mcc().equals(properties.mcc()) && plmn.mnc().equals(properties.mnc());
    }

    private static int select(List<Integer> order, java.util.function.IntPredicate supported) {
        for (int a : order) {
            if (supported.test(a)) {
                return a;
            }
        }
        return -1;
    }
}
