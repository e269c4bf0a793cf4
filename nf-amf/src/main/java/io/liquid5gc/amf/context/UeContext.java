package io.liquid5gc.amf.context;

import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.sbi.amf.RegistrationType;
import io.liquid5gc.sbi.amf.UeLocation;
import io.liquid5gc.sbi.amf.UeSecurityCapability;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/**
 * The AMF's UE context (TS 23.502 5.2.2.2.2, reduced), kept in the store between the messages of a procedure.
 * {@code kamf} is the AMF's key and never leaves the AMF's trust domain (the AMF functions and the proxy that
 * terminates N1); it is redacted from {@link #toString()}. {@code registrationType} and {@code followOnRequest} are
 * the 5GS registration type IE (TS 24.501 9.11.3.7) of the UE's last Registration Request; {@code owningProcedure}
 * names the procedure the context is in now, {@code handover} where an N2 handover of the UE stands.
 */
public record UeContext(String id, GmmState state, String suci, String supi, String guti, RegistrationType registrationType,
                        OwningProcedure owningProcedure, boolean followOnRequest, UeSecurityCapability ueSecurityCapability, List<Snssai> requestedNssai,
                        UeLocation location, String authCtxId, String rand, String hxresStar, int ngKsi, int resyncAttempts,
                        String kamf, int cipheringAlgorithm, int integrityAlgorithm, List<Snssai> allowedNssai,
                        HandoverState handover) {

    public UeContext {
        handover = handover == null ? HandoverState.NONE : handover; // a context stored before HandoverState
        requestedNssai = requestedNssai == null ? List.of() : List.copyOf(requestedNssai);
        allowedNssai = allowedNssai == null ? List.of() : List.copyOf(allowedNssai);
    }

    public static UeContext fresh(String id) {
        return new UeContext(id, GmmState.DEREGISTERED, null, null, null, null, null, false, null, List.of(), null, null, null,
                null, 7, 0, null, -1, -1, List.of(), HandoverState.NONE);
    }

    public UeContext withState(GmmState s) {
        return new UeContext(id, s, suci, supi, guti, registrationType, owningProcedure, followOnRequest, ueSecurityCapability, requestedNssai,
                location, authCtxId, rand, hxresStar, ngKsi, resyncAttempts, kamf, cipheringAlgorithm, integrityAlgorithm, allowedNssai, handover);
    }

    /** A Registration Request's content; the registration procedure owns the context from now on. */
    public UeContext withRegistration(String suciOrNull, RegistrationType type, boolean followOn, UeSecurityCapability cap,
                                      List<Snssai> requested, UeLocation loc) {
        return new UeContext(id, state, suciOrNull != null ? suciOrNull : suci, supi, guti, type, OwningProcedure.REGISTRATION, followOn,
                cap, requested, loc, authCtxId, rand, hxresStar, ngKsi, 0, kamf, cipheringAlgorithm, integrityAlgorithm, allowedNssai, handover);
    }

    /** The same context, owned by {@code procedure} from now on. */
    public UeContext withOwningProcedure(OwningProcedure procedure) {
        return new UeContext(id, state, suci, supi, guti, registrationType, procedure, followOnRequest, ueSecurityCapability,
                requestedNssai, location, authCtxId, rand, hxresStar, ngKsi, resyncAttempts, kamf, cipheringAlgorithm, integrityAlgorithm,
                allowedNssai, handover);
    }

    public UeContext withSuci(String s) {
        return new UeContext(id, state, s, supi, guti, registrationType, owningProcedure, followOnRequest, ueSecurityCapability, requestedNssai,
                location, authCtxId, rand, hxresStar, ngKsi, resyncAttempts, kamf, cipheringAlgorithm, integrityAlgorithm, allowedNssai, handover);
    }

    public UeContext withChallenge(String ctxId, String r, String hxres, int ksi, int resyncs) {
        return new UeContext(id, GmmState.AUTHENTICATION_PENDING, suci, supi, guti, registrationType, owningProcedure, followOnRequest,
                ueSecurityCapability, requestedNssai, location, ctxId, r, hxres, ksi, resyncs, kamf, cipheringAlgorithm,
                integrityAlgorithm, allowedNssai, handover);
    }

    public UeContext withSecurity(String supiValue, String kamfHex, int nea, int nia) {
        return new UeContext(id, GmmState.SECURITY_MODE_PENDING, suci, supiValue, guti, registrationType, owningProcedure, followOnRequest,
                ueSecurityCapability, requestedNssai, location, null, null, null, ngKsi, resyncAttempts, kamfHex, nea, nia, allowedNssai, handover);
    }

    public UeContext withAccepted(String newGuti, List<Snssai> allowed) {
        return new UeContext(id, GmmState.REGISTRATION_COMPLETE_PENDING, suci, supi, newGuti, registrationType, owningProcedure, followOnRequest,
                ueSecurityCapability, requestedNssai, location, authCtxId, rand, hxresStar, ngKsi, resyncAttempts, kamf,
                cipheringAlgorithm, integrityAlgorithm, allowed, handover);
    }

    /** The same context in handover state {@code h}. */
    public UeContext withHandover(HandoverState h) {
        return new UeContext(id, state, suci, supi, guti, registrationType, owningProcedure, followOnRequest, ueSecurityCapability,
                requestedNssai, location, authCtxId, rand, hxresStar, ngKsi, resyncAttempts, kamf, cipheringAlgorithm, integrityAlgorithm,
                allowedNssai, h);
    }

    /**
     * The context after its procedure was aborted (a NAS timer's last expiry, TS 24.501 5.4.1.3.7 c), 5.4.3.7 b)):
     * DEREGISTERED, owned by no procedure, no challenge half-answered; identities and the last keys stay, so the UE's
     * next Registration Request is matched and authenticated again.
     */
    public UeContext withAborted() {
        return new UeContext(id, GmmState.DEREGISTERED, suci, supi, guti, registrationType, null, followOnRequest, ueSecurityCapability,
                requestedNssai, location, null, null, null, ngKsi, 0, kamf, cipheringAlgorithm, integrityAlgorithm, allowedNssai,
                HandoverState.NONE);
    }

    @Override
    public String toString() {
        return "UeContext[" + id + " " + state + " supi=" + supi + " guti=" + guti + " ngKSI=" + ngKsi
                + " NEA" + cipheringAlgorithm + "/NIA" + integrityAlgorithm + " kamf=" + (kamf == null ? "none" : "***")
                + (handover == HandoverState.NONE ? "" : " handover " + handover) + "]";
    }
}
