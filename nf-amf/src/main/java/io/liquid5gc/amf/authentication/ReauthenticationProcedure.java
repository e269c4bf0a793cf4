package io.liquid5gc.amf.authentication;

import io.liquid5gc.amf.AmfProperties;
import io.liquid5gc.amf.TransitionTable;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.amf.context.OwningProcedure;
import io.liquid5gc.amf.context.UeContext;
import io.liquid5gc.amf.context.UeContexts;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.NasSecurityContext;
import io.liquid5gc.sbi.amf.NasTimerId;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeAction.Protection;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.ausf.AusfApi;
import io.liquid5gc.sbi.ausf.AusfAuthenticateRequest;
import io.liquid5gc.sbi.ausf.AuthenticationInfo;
import io.liquid5gc.sbi.ausf.ConfirmationDataResponse;
import io.liquid5gc.sbi.ausf.UeAuthenticationCtx;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.udm.ResynchronizationInfo;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.aka.SeafAka;
import io.liquid5gc.security.kdf.KeyHierarchy;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code amf-auth-initiate}: the network re-authenticates a registered, connected UE (TS 33.501 6.1.2; TS 24.501
 * 5.4.1.3): 5G AKA through the AUSF, then a security mode control that takes the new KAMF and ngKSI into use
 * (TS 33.501 6.7.2); the UE stays REGISTERED with its 5G-GUTI. The UE's answers come back to this function (the
 * proxy routes a common procedure's answer to the function that started it). MAC failure, a second synch failure
 * or a wrong RES* end in an Authentication Reject and the UE's release, de-registered (TS 24.501 5.4.1.3.5).
 * After the security mode control the gNB gets a KgNB from the new KAMF (UE Context Modification, TS 33.501 6.9.4.1).
 * A transition table (5GMM state x message, N2 trigger or NAS timer expiry -> step), as the registration's.
 */
public final class ReauthenticationProcedure {

    private static final Logger log = LoggerFactory.getLogger(ReauthenticationProcedure.class);
    /** TS 33.501 A.7.1: the ABBA for this release. */
    private static final String ABBA = "0000";
    static final int CAUSE_SYNCH_FAILURE = 21;

    private final AmfProperties properties;
    private final UeContexts contexts;
    private final FunctionClient functions;
    private final TransitionTable<GmmState> table = new TransitionTable<>(GmmState.class, "re-authentication");

    public ReauthenticationProcedure(AmfProperties properties, UeContexts contexts, FunctionClient functions) {
        this.properties = properties;
        this.contexts = contexts;
        this.functions = functions;
        table.onEvent(GmmState.REGISTERED, UeN2Event.NetworkAuthentication.class, this::handleNetworkAuthentication)
                .onMessage(GmmState.AUTHENTICATION_PENDING, UplinkNas.AuthenticationResponse.class, this::handleAuthenticationResponse)
                .onMessage(GmmState.AUTHENTICATION_PENDING, UplinkNas.AuthenticationFailure.class, this::handleAuthenticationFailure)
                .onExpiry(GmmState.AUTHENTICATION_PENDING, NasTimerId.T3560, this::handleAuthenticationAbort)
                .onMessage(GmmState.SECURITY_MODE_PENDING, UplinkNas.SecurityModeComplete.class, this::handleSecurityModeComplete)
                .onMessage(GmmState.SECURITY_MODE_PENDING, UplinkNas.SecurityModeReject.class,
                        (ue, r, loaded) -> rejected(loaded, ue, "Security Mode Reject #" + ((UplinkNas.SecurityModeReject) r.message()).cause()))
                .onExpiry(GmmState.SECURITY_MODE_PENDING, NasTimerId.T3560, this::handleAuthenticationAbort);
    }

    public UeResult handle(UeRequest request) {
        TransitionTable.requireUeAndEvent(request);
        UeContexts.Loaded loaded = contexts.load(request.ueContextId());
        UeContext ue = loaded.context();
        if (!(request.n2Event() instanceof UeN2Event.NetworkAuthentication) && ue.owningProcedure() != OwningProcedure.REAUTHENTICATION) {
            // the pending states are the re-authentication's only while it owns the context (else they are a registration's)
            throw new ProblemException(409, "Conflict", "MESSAGE_NOT_COMPATIBLE_WITH_STATE", "no re-authentication of UE " + ue.id() + " is running");
        }
        return table.step(ue.state(), request).apply(ue, request, loaded);
    }

    UeResult handleNetworkAuthentication(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        if (ue.supi() == null) {
            throw new ProblemException(409, "Conflict", "UE_NOT_REGISTERED", "UE " + ue.id() + " has no SUPI");
        }
        // the registration type stays the 3GPP value of the UE's last registration
        UeContext marked = ue.withOwningProcedure(OwningProcedure.REAUTHENTICATION);
        return challenge(loaded, marked, null);
    }

    /**
     * T3560's last expiry (TS 24.501 5.4.1.3.7 c), 5.4.2.7 c)): the re-authentication is aborted and the N1 signalling
     * connection released; the registration itself stands, so the UE is REGISTERED again. If the UE never took the new
     * KAMF into use, its next message fails the integrity check and it registers again (5.6.1.5, 5.5.1.2.2).
     */
    UeResult handleAuthenticationAbort(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UeContext next = ue.withState(GmmState.REGISTERED);
        contexts.save(loaded, next);
        log.warn("UE {} ({}): {} in {}: re-authentication aborted", ue.id(), ue.supi(), TransitionTable.describe(request), ue.state());
        return new UeResult(List.of(new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE)), next.state());
    }

    UeResult handleAuthenticationResponse(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UplinkNas.AuthenticationResponse r = (UplinkNas.AuthenticationResponse) request.message();
        byte[] res;
        try {
            res = Hex.decode(r.resStar());
        } catch (RuntimeException e) {
            return rejected(loaded, ue, "RES* is not hex");
        }
        // TS 33.501 6.1.3.2 step 9: HRES* against HXRES* before the AUSF
        if (res.length != 16 || !SeafAka.checkHresStar(Hex.decode(ue.rand()), res, Hex.decode(ue.hxresStar()))) {
            return rejected(loaded, ue, "HRES* does not match HXRES*");
        }
        ConfirmationDataResponse confirmed = functions.call(AusfApi.AUTHENTICATE, AusfAuthenticateRequest.confirm(ue.authCtxId(), r.resStar()))
                .confirmationDataResponse();
        if (confirmed == null || !ConfirmationDataResponse.SUCCESS.equals(confirmed.authResult()) || confirmed.kseaf() == null) {
            return rejected(loaded, ue, "AUSF answered " + (confirmed == null ? "nothing" : confirmed.authResult()));
        }
        String digits = confirmed.supi().startsWith("imsi-") ? confirmed.supi().substring(5) : confirmed.supi();
        byte[] kamf = KeyHierarchy.kamf(Hex.decode(confirmed.kseaf()), digits, Hex.decode(ABBA));
        // the algorithms in use stay (TS 33.501 6.7.2: a new KAMF is taken into use by a security mode control)
        UeContext next = ue.withSecurity(confirmed.supi(), Hex.encode(kamf), ue.cipheringAlgorithm(), ue.integrityAlgorithm());
        contexts.saveNasSecurity(ue.id(), new NasSecurityContext(ue.ngKsi(), next.kamf(), ue.cipheringAlgorithm(), ue.integrityAlgorithm()));
        contexts.save(loaded, next);
        return new UeResult(List.of(new UeAction.SendNas(new DownlinkNas.SecurityModeCommand(ue.cipheringAlgorithm(), ue.integrityAlgorithm(),
                ue.ngKsi(), ue.ueSecurityCapability(), false, ABBA), Protection.NEW_CONTEXT_INTEGRITY)), next.state());
    }

    UeResult handleAuthenticationFailure(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        UplinkNas.AuthenticationFailure f = (UplinkNas.AuthenticationFailure) request.message();
        if (f.cause() == CAUSE_SYNCH_FAILURE && f.auts() != null && ue.resyncAttempts() < 1) {
            return challenge(loaded, ue, new ResynchronizationInfo(ue.rand(), f.auts()));
        }
        return rejected(loaded, ue, "UE reported authentication failure #" + f.cause());
    }

    UeResult handleSecurityModeComplete(UeContext ue, UeRequest request, UeContexts.Loaded loaded) {
        if (!request.integrityVerified()) {
            throw new ProblemException(403, "Forbidden", "INTEGRITY_CHECK_FAILED", "Security Mode Complete without verified integrity");
        }
        UeContext next = ue.withState(GmmState.REGISTERED);
        contexts.save(loaded, next);
        log.info("UE {} ({}) re-authenticated; new KAMF with ngKSI {}", ue.id(), ue.supi(), ue.ngKsi());
        // TS 33.501 6.9.4.1: the AS keys follow the new KAMF while the UE is connected
        return new UeResult(List.of(new UeAction.RefreshAsKeys(ue.ueSecurityCapability())), next.state());
    }

    private UeResult challenge(UeContexts.Loaded loaded, UeContext ue, ResynchronizationInfo resync) {
        UeAuthenticationCtx c = functions.call(AusfApi.AUTHENTICATE, AusfAuthenticateRequest.authenticate(
                new AuthenticationInfo(ue.supi(), properties.servingNetworkName(), resync))).ueAuthenticationCtx();
        if (c == null || c.fiveGAuthData() == null) {
            throw new ProblemException(502, "Bad Gateway", "UNSPECIFIED_NF_FAILURE", "the AUSF answered no 5G AKA challenge");
        }
        int ngKsi = (ue.ngKsi() + 1) % 7; // TS 24.501 9.11.3.32: a new KSI for the new context
        UeContext next = ue.withChallenge(c.authCtxId(), c.fiveGAuthData().rand(), c.fiveGAuthData().hxresStar(), ngKsi,
                resync == null ? 0 : ue.resyncAttempts() + 1);
        contexts.save(loaded, next);
        log.info("UE {} ({}): re-authentication{}", ue.id(), ue.supi(), resync == null ? "" : " after resynchronisation");
        return new UeResult(List.of(new UeAction.SendNas(new DownlinkNas.AuthenticationRequest(ngKsi, ABBA, c.fiveGAuthData().rand(),
                c.fiveGAuthData().autn()), Protection.PROTECTED)), next.state());
    }

    private UeResult rejected(UeContexts.Loaded loaded, UeContext ue, String why) {
        contexts.save(loaded, ue.withState(GmmState.DEREGISTERED));
        log.warn("UE {}: re-authentication failed: {}", ue.id(), why);
        return new UeResult(List.of(new UeAction.SendNas(new DownlinkNas.AuthenticationReject(), Protection.PROTECTED),
                new UeAction.ReleaseUe(NgapCause.NAS_AUTHENTICATION_FAILURE)), GmmState.DEREGISTERED);
    }
}
