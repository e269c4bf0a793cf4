package io.liquid5gc.ransim;

import io.liquid5gc.nas.NasMessage;
import io.liquid5gc.nas.NasPdu;
import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.DeregistrationType;
import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.ie.NgKsi;
import io.liquid5gc.nas.ie.Nssai;
import io.liquid5gc.nas.ie.PduSessionBitmap;
import io.liquid5gc.nas.ie.PlmnId;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.ie.ServiceType;
import io.liquid5gc.nas.ie.UeSecurityCapability;
import io.liquid5gc.nas.mm.GmmCause;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.nas.security.SecurityHeaderType;
import io.liquid5gc.nas.security.SecurityProtectedNasMessage;
import io.liquid5gc.nas.sm.SmMessage;
import io.liquid5gc.security.aka.UeAuthResult;
import io.liquid5gc.security.aka.Usim;
import io.liquid5gc.security.kdf.AccessType;
import io.liquid5gc.security.kdf.KeyHierarchy;
import io.liquid5gc.security.kdf.NasKeys;
import io.liquid5gc.security.kdf.ServingNetworkName;
import io.liquid5gc.security.milenage.UsimSqnState;
import io.liquid5gc.security.nas.CipheringAlgorithm;
import io.liquid5gc.security.nas.IntegrityAlgorithm;
import io.liquid5gc.security.nas.NasProtection;
import io.liquid5gc.security.nas.NasSecurityAssociation;
import io.liquid5gc.security.suci.SuciConcealer;
import io.liquid5gc.security.suci.SuciScheme;
import io.liquid5gc.security.suci.Supi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A simulated UE: a USIM (Milenage, TS 35.206), SUCI with the null scheme or ECIES Profile A/B (TS 33.501 C.3),
 * and the UE side of the 5GMM and 5GSM procedures: registration (TS 24.501 5.5.1.2; authentication with AUTS on a
 * stale SQN, security mode control, NAS integrity and ciphering), PDU session establishment and release (6.4.1,
 * 6.4.3), service request from CM-IDLE (5.6.1), de-registration (5.5.2.2) and the network's de-registration and
 * re-authentication. Driven by its gNB's I/O thread; each procedure answers a future.
 */
public final class SimUe {

    /** How a registration ended. {@code kgnb} is the UE's own derivation (TS 33.501 A.9), to compare with the gNB's. */
    public record Registration(boolean registered, String guti, int rejectCause, Duration latency, byte[] kgnb, List<SNssai> allowedNssai) {
    }

    /**
     * A PDU session as the UE got it: its address, the QoS flow and session AMBR, the latency from the request to the
     * accept; {@code failure} names the 5GSM/5GMM cause when it was refused (then the rest is empty).
     */
    public record Session(int pduSessionId, String address, int qfi, long ambrDownlinkBps, Duration latency, String failure) {
        public boolean established() {
            return failure == null;
        }
    }

    /** The SUCI protection scheme the UE conceals its SUPI with: null scheme, or Profile A/B with the home network's public key. */
    public record SuciProtection(SuciScheme scheme, int keyId, byte[] homeNetworkPublicKey) {
        public static final SuciProtection NULL_SCHEME = new SuciProtection(SuciScheme.NULL, 0, null);
    }

    private final String mcc;
    private final String mnc;
    private final String msin;
    private final Usim usim;
    private final ServingNetworkName snn;
    private final List<SNssai> requestedNssai;
    private final SuciProtection suciProtection;
    volatile long ranUeNgapId;
    volatile long amfUeNgapId = -1;
    volatile SimGnb gnb;
    private byte[] kausf;
    private byte[] kamf;
    private int ngKsi = NgKsi.NO_KEY.ksi();
    /** The UE's end of the NAS security context (TS 24.501 4.4.2): keys and COUNTs, null before the first Security Mode Command. */
    private NasSecurityAssociation nas;
    private long startNanos;
    private MobileIdentity.Guti guti;
    private byte[] kgnb;
    private byte[] nh;
    private int ncc;
    private final CompletableFuture<Registration> outcome = new CompletableFuture<>();
    /** The 5GSM side: its messages go out integrity protected and ciphered. */
    private final UeSessions sm = new UeSessions(t -> sendProtected(t, SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED));
    private final Map<Integer, Session> sessions = sm.active();
    private volatile CompletableFuture<String> connectionReleased = new CompletableFuture<>();
    private volatile CompletableFuture<List<Integer>> serviceAccepted;
    private volatile CompletableFuture<Boolean> deregistrationAccepted;
    private final CompletableFuture<Integer> networkDeregistration = new CompletableFuture<>();
    private volatile int authentications;
    private volatile int securityModes;

    /**
     * @param msin the MSIN digits of the IMSI (the SUPI is mcc+mnc+msin)
     */
    public SimUe(long ranUeNgapId, String mcc, String mnc, String msin, byte[] k, byte[] opc, List<SNssai> requestedNssai) {
        this(ranUeNgapId, mcc, mnc, msin, new Usim(k, opc, new UsimSqnState()), requestedNssai, SuciProtection.NULL_SCHEME);
    }

    public SimUe(long ranUeNgapId, String mcc, String mnc, String msin, Usim usim, List<SNssai> requestedNssai) {
        this(ranUeNgapId, mcc, mnc, msin, usim, requestedNssai, SuciProtection.NULL_SCHEME);
    }

    public SimUe(long ranUeNgapId, String mcc, String mnc, String msin, Usim usim, List<SNssai> requestedNssai, SuciProtection suciProtection) {
        this.ranUeNgapId = ranUeNgapId;
        this.mcc = mcc;
        this.mnc = mnc;
        this.msin = msin;
        this.usim = usim;
        this.snn = ServingNetworkName.of(mcc, mnc);
        this.requestedNssai = List.copyOf(requestedNssai);
        this.suciProtection = suciProtection;
    }

    /** 5G-EA0..3, 5G-IA0..3 and the EPS octets EEA0..3, EIA0..3, as UERANSIM (and LTE-capable UEs) send it. */
    static final UeSecurityCapability CAPABILITY = new UeSecurityCapability(0xF0, 0xF0, 0xF0, 0xF0, new byte[0]);

    public String supi() {
        return "imsi-" + mcc + mnc + msin;
    }

    /** The SUCI this UE sends (TS 33.501 6.12.2): a fresh one for ECIES schemes each time. */
    MobileIdentity.Suci suci() {
        if (suciProtection.scheme() == SuciScheme.NULL) {
            return new MobileIdentity.Suci(new PlmnId(mcc, mnc), "0", 0, 0, new MobileIdentity.SchemeOutput.NullScheme(msin));
        }
        var s = SuciConcealer.conceal(Supi.imsi(mcc, mnc, msin), mnc.length(), "0", suciProtection.scheme(), suciProtection.keyId(),
                suciProtection.homeNetworkPublicKey());
        byte[] out = s.schemeOutput();
        int keyLength = suciProtection.scheme() == SuciScheme.PROFILE_A ? 32 : 33;
        int macLength = 8;
        return new MobileIdentity.Suci(new PlmnId(mcc, mnc), "0", suciProtection.scheme().code(), suciProtection.keyId(),
                new MobileIdentity.SchemeOutput.Ecies(suciProtection.scheme().code(), java.util.Arrays.copyOfRange(out, 0, keyLength),
                        java.util.Arrays.copyOfRange(out, keyLength, out.length - macLength),
                        java.util.Arrays.copyOfRange(out, out.length - macLength, out.length)));
    }

    // ---- procedures ----

    /** Sends the Registration Request through the gNB; the future completes when the procedure ends. */
    public CompletableFuture<Registration> register(SimGnb through) {
        this.gnb = through;
        startNanos = System.nanoTime();
        GmmMessage.RegistrationRequest rr = GmmMessage.RegistrationRequest.initial(suci(), NgKsi.NO_KEY, CAPABILITY, new Nssai(requestedNssai));
        through.sendInitialUe(this, NasCodec.encode(rr), null);
        return outcome;
    }

    public CompletableFuture<Registration> outcome() {
        return outcome;
    }

    /**
     * PDU session establishment (TS 24.501 6.4.1): UL NAS TRANSPORT with the request (IPv4, SSC mode 1); completes with
     * the accept's content, or the cause when refused.
     */
    public CompletableFuture<Session> establishSession(int pduSessionId, String dnn, SNssai slice) {
        return sm.establish(pduSessionId, dnn, slice);
    }

    /** UE-requested PDU session release (TS 24.501 6.4.3.2); completes with the 5GSM cause of the network's Release Command. */
    public CompletableFuture<Integer> releaseSession(int pduSessionId) {
        return sm.release(pduSessionId);
    }

    /**
     * UE-requested PDU session modification (TS 24.501 6.4.2): completes with the session AMBR (downlink, bit/s) of the
     * network's Modification Command, after the UE answered it with the Modification Complete.
     */
    public CompletableFuture<Long> modifySession(int pduSessionId) {
        return sm.modify(pduSessionId);
    }


    /**
     * Service request from CM-IDLE (TS 24.501 5.6.1.2): an integrity-protected Service Request with the 5G-S-TMSI in an
     * INITIAL UE MESSAGE through {@code through}; completes with the PDU sessions the network re-activated.
     */
    public CompletableFuture<List<Integer>> serviceRequest(SimGnb through) {
        CompletableFuture<List<Integer>> f = new CompletableFuture<>();
        serviceAccepted = f;
        connectionReleased = new CompletableFuture<>();
        this.gnb = through;
        this.ranUeNgapId = through.newRanUeNgapId();
        this.amfUeNgapId = -1;
        int[] psis = sessions.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        MobileIdentity.STmsi sTmsi = new MobileIdentity.STmsi(guti.amfSetId(), guti.amfPointer(), guti.tmsi());
        GmmMessage.ServiceRequest sr = new GmmMessage.ServiceRequest(NgKsi.native_(ngKsi), psis.length == 0 ? ServiceType.SIGNALLING : ServiceType.DATA,
                sTmsi, psis.length == 0 ? null : PduSessionBitmap.of(psis), PduSessionBitmap.of(psis), null, null, List.of());
        byte[] inner = NasCodec.encode(sr);
        NasSecurityAssociation.Protected p = nas.protect(inner, false);
        through.sendInitialUe(this, NasCodec.protect(SecurityHeaderType.INTEGRITY_PROTECTED, p.mac(), p.sequenceNumber(), inner),
                new io.liquid5gc.ngap.ie.FiveGSTmsi(guti.amfSetId(), guti.amfPointer(), guti.tmsi() & 0xFFFFFFFFL));
        return f;
    }

    /**
     * Mobility or periodic registration updating from CM-IDLE (TS 24.501 5.5.1.3): an integrity-protected Registration
     * Request with the 5G-GUTI in an INITIAL UE MESSAGE through {@code through}, no follow-on request; completes with
     * the 5G-GUTI the UE holds after the Registration Accept.
     */
    public CompletableFuture<String> registrationUpdate(SimGnb through, boolean periodic) {
        CompletableFuture<String> f = new CompletableFuture<>();
        updating = f;
        connectionReleased = new CompletableFuture<>();
        this.gnb = through;
        this.ranUeNgapId = through.newRanUeNgapId();
        this.amfUeNgapId = -1;
        GmmMessage.RegistrationRequest rr = new GmmMessage.RegistrationRequest(new io.liquid5gc.nas.ie.RegistrationType(false,
                periodic ? io.liquid5gc.nas.ie.RegistrationType.Value.PERIODIC_UPDATING : io.liquid5gc.nas.ie.RegistrationType.Value.MOBILITY_UPDATING),
                NgKsi.native_(ngKsi), guti, null, null, CAPABILITY, new Nssai(requestedNssai), null, null, null, null, null, null, null, List.of());
        byte[] inner = NasCodec.encode(rr);
        NasSecurityAssociation.Protected p = nas.protect(inner, false);
        through.sendInitialUe(this, NasCodec.protect(SecurityHeaderType.INTEGRITY_PROTECTED, p.mac(), p.sequenceNumber(), inner), null);
        return f;
    }

    private volatile CompletableFuture<String> updating;

    /**
     * UE-originating de-registration (TS 24.501 5.5.2.2); completes when the N2 connection is released, with whether a
     * De-registration Accept came first (none for switch-off).
     */
    public CompletableFuture<Boolean> deregister(boolean switchOff) {
        CompletableFuture<Boolean> accepted = new CompletableFuture<>();
        deregistrationAccepted = accepted;
        GmmMessage.DeregistrationRequestUeOriginating request = new GmmMessage.DeregistrationRequestUeOriginating(
                new DeregistrationType(switchOff, false, DeregistrationType.ACCESS_3GPP), NgKsi.native_(ngKsi), guti, List.of());
        sendProtected(request, SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED);
        return connectionReleased.thenApply(cause -> accepted.isDone());
    }

    /** Completes when the N2 connection is released (UE CONTEXT RELEASE COMMAND answered), with the NGAP cause. */
    public CompletableFuture<String> connectionReleased() {
        return connectionReleased;
    }

    /** Completes when the network de-registered this UE (TS 24.501 5.5.2.3), with the 5GMM cause (0 = none). */
    public CompletableFuture<Integer> networkDeregistration() {
        return networkDeregistration;
    }

    /** The PDU sessions the UE has. */
    public Map<Integer, Session> sessions() {
        return Map.copyOf(sessions);
    }

    /** How many authentications the UE answered successfully (a re-authentication adds one). */
    public int authentications() {
        return authentications;
    }

    /** How many security mode controls the UE completed (a re-authentication adds one, after its authentication). */
    public int securityModes() {
        return securityModes;
    }

    /** The UE's own next hop for an N2 handover or path switch (TS 33.501 6.9.2.1.1, A.10), stepping its NH chain. */
    public byte[] nextHop() {
        nh = KeyHierarchy.nh(kamf, nh);
        ncc = (ncc + 1) & 7;
        return nh.clone();
    }

    public int ncc() {
        return ncc;
    }

    public String guti() {
        return guti == null ? null : guti.toString();
    }

    private volatile Duration backOff;
    private volatile boolean backOffProtected;

    /**
     * The back-off timer of the last reject (T3346 of a Registration or Service Reject, the back-off timer of a DL NAS
     * TRANSPORT that returned a 5GSM message), empty when it had none. TS 24.501 5.5.1.2.5: the value holds only when
     * the reject came integrity protected ({@link #backOffProtected()}); a plain one means 15 to 30 minutes to a UE.
     */
    public java.util.Optional<Duration> backOff() {
        return java.util.Optional.ofNullable(backOff);
    }

    /** Whether the last reject with a back-off came integrity protected. */
    public boolean backOffProtected() {
        return backOffProtected;
    }

    // ---- from the gNB ----

    void onInitialContextSetup(byte[] kgnbFromNetwork) {
        this.kgnbAtGnb = kgnbFromNetwork;
        if (serviceAccepted != null && !serviceAccepted.isDone()) {
            onServiceContext();
        }
    }

    private byte[] kgnbAtGnb;

    public byte[] kgnbAtGnb() {
        return kgnbAtGnb;
    }

    /** The UE's KgNB (TS 33.501 A.9) from the uplink COUNT of the message that led to the context setup. */
    public byte[] kgnb() {
        return kgnb == null ? null : kgnb.clone();
    }

    void onDownlinkNas(byte[] pdu) {
        try {
            handle(pdu);
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
            sm.failAll(e);
            if (serviceAccepted != null) {
                serviceAccepted.completeExceptionally(e);
            }
        }
    }

    void onRelease(String cause) {
        if (!outcome.isDone()) {
            outcome.complete(new Registration(false, null, -1, elapsed(), null, List.of()));
        }
        if (serviceAccepted != null && !serviceAccepted.isDone()) {
            serviceAccepted.completeExceptionally(new IllegalStateException("released (" + cause + ") before the Service Accept"));
        }
        connectionReleased.complete(cause);
    }

    private void handle(byte[] pdu) {
        DecodeResult<NasPdu> d = NasCodec.decodePdu(pdu);
        if (!(d instanceof DecodeResult.Ok<NasPdu> ok)) {
            throw new IllegalStateException("UE " + supi() + ": undecodable downlink NAS: " + ((DecodeResult.Err<NasPdu>) d).error());
        }
        switch (ok.value()) {
            case NasPdu.Plain p -> onMessage(p.message(), false);
            case NasPdu.Protected p -> onProtected(p.message());
        }
    }

    private void onMessage(NasMessage m, boolean integrityVerified) {
        switch (m) {
            case GmmMessage.AuthenticationRequest r -> {
                switch (usim.authenticate(r.rand(), r.autn(), snn)) {
                    case UeAuthResult.Success s -> {
                        kausf = s.kausf();
                        ngKsi = r.ngKsi().ksi();
                        authentications++;
                        reply(new GmmMessage.AuthenticationResponse(s.resStar(), null, List.of()));
                    }
                    case UeAuthResult.SynchFailure f -> reply(new GmmMessage.AuthenticationFailure(GmmCause.SYNCH_FAILURE, f.auts(), List.of()));
                    case UeAuthResult.MacFailure f -> reply(new GmmMessage.AuthenticationFailure(GmmCause.MAC_FAILURE, null, List.of()));
                    case UeAuthResult.Non5gAuthUnacceptable f ->
                            reply(new GmmMessage.AuthenticationFailure(GmmCause.NON_5G_AUTHENTICATION_UNACCEPTABLE, null, List.of()));
                }
            }
            case GmmMessage.IdentityRequest r -> reply(new GmmMessage.IdentityResponse(suci(), List.of()));
            case GmmMessage.RegistrationReject r -> {
                backOff = r.t3346() == null ? null : Duration.ofSeconds(r.t3346().toSeconds());
                backOffProtected = integrityVerified;
                outcome.complete(new Registration(false, null, r.cause().code, elapsed(), null, List.of()));
            }
            case GmmMessage.AuthenticationReject r -> outcome.complete(new Registration(false, null, 0, elapsed(), null, List.of()));
            case GmmMessage.ServiceReject r when serviceAccepted != null -> {
                backOff = r.t3346() == null ? null : Duration.ofSeconds(r.t3346().toSeconds());
                backOffProtected = integrityVerified;
                serviceAccepted.completeExceptionally(new IllegalStateException("Service Reject #" + r.cause().code));
            }
            case GmmMessage.RegistrationAccept a when integrityVerified && updating != null && !updating.isDone() -> {
                if (a.guti() != null) {
                    guti = (MobileIdentity.Guti) a.guti();
                    sendProtected(new GmmMessage.RegistrationComplete(null, List.of()), SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED);
                }
                updating.complete(guti.toString());
            }
            case GmmMessage.RegistrationAccept a when integrityVerified -> {
                guti = (MobileIdentity.Guti) a.guti();
                sendProtected(new GmmMessage.RegistrationComplete(null, List.of()), SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED);
                // TS 33.501 A.9: KgNB from the uplink COUNT of the Security Mode Complete (0 in a new context)
                kgnb = KeyHierarchy.kgnb(kamf, 0, AccessType.THREE_GPP);
                nh = kgnb;
                ncc = 0;
                outcome.complete(new Registration(true, guti.toString(), 0, elapsed(), kgnb,
                        a.allowedNssai() == null ? List.of() : a.allowedNssai().sNssais()));
            }
            case GmmMessage.DlNasTransport t when integrityVerified -> onDlNasTransport(t);
            case GmmMessage.ServiceAccept a when integrityVerified && serviceAccepted != null -> {
                List<Integer> reactivated = a.pduSessionReactivationResult() == null ? sessions.keySet().stream().sorted().toList()
                        : sessions.keySet().stream().filter(psi -> !a.pduSessionReactivationResult().isSet(psi)).sorted().toList();
                serviceAccepted.complete(reactivated);
            }
            case GmmMessage.DeregistrationAcceptUeOriginating a when integrityVerified && deregistrationAccepted != null ->
                    deregistrationAccepted.complete(true);
            case GmmMessage.DeregistrationRequestUeTerminated r when integrityVerified -> {
                sendProtected(new GmmMessage.DeregistrationAcceptUeTerminated(List.of()), SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED);
                sessions.clear();
                networkDeregistration.complete(r.cause() == null ? 0 : r.cause().code);
            }
            default -> throw new IllegalStateException("UE " + supi() + ": unexpected " + (integrityVerified ? "protected " : "plain ") + m);
        }
    }

    /** TS 24.501 5.4.5.3: the 5GSM message for a PDU session, or the 5GMM cause when the AMF did not forward the UE's. */
    private void onDlNasTransport(GmmMessage.DlNasTransport t) {
        int psi = t.pduSessionId() == null ? 0 : t.pduSessionId();
        if (t.cause() != null || t.payloadContainer() == null || t.payloadContainer().length == 0) {
            // TS 24.501 5.4.5.3.3: the AMF did not forward the 5GSM message (it comes back in the container)
            backOff = t.backOffTimer() == null ? null : Duration.ofSeconds(t.backOffTimer().toSeconds());
            backOffProtected = true;
            sm.failed(psi, "5gmm-cause-" + (t.cause() == null ? 0 : t.cause().code));
            return;
        }
        if (!(NasCodec.decodeSm(t.payloadContainer()) instanceof DecodeResult.Ok<SmMessage> ok)) {
            throw new IllegalStateException("UE " + supi() + ": undecodable 5GSM message in DL NAS TRANSPORT");
        }
        sm.onSmMessage(psi, ok.value());
    }

    private void onProtected(SecurityProtectedNasMessage sp) {
        SecurityHeaderType sht = sp.securityHeaderType();
        if (sht == SecurityHeaderType.INTEGRITY_PROTECTED_WITH_NEW_CONTEXT) {
            // Security Mode Command: take the new context (TS 24.501 5.4.2.3), then check its MAC
            var decoded = NasCodec.decode(sp.innerBytes());
            if (!(decoded instanceof DecodeResult.Ok<NasMessage> ok) || !(ok.value() instanceof GmmMessage.SecurityModeCommand smc)) {
                throw new IllegalStateException("UE " + supi() + ": new-context message that is not a Security Mode Command");
            }
            if (kausf == null) {
                throw new IllegalStateException("UE " + supi() + ": Security Mode Command before authentication");
            }
            if (!CAPABILITY.equals(smc.replayedUeSecurityCapability())) {
                // TS 24.501 5.4.2.5 c): the UE rejects a mismatched replay (UERANSIM does, with #23)
                throw new IllegalStateException("UE " + supi() + ": replayed UE security capability " + smc.replayedUeSecurityCapability());
            }
            kamf = KeyHierarchy.kamf(KeyHierarchy.kseaf(kausf, snn), mcc + mnc + msin,
                    smc.abba() == null ? KeyHierarchy.DEFAULT_ABBA : smc.abba().value());
            int nea = smc.algorithms().ciphering();
            int nia = smc.algorithms().integrity();
            NasKeys keys = KeyHierarchy.nasKeys(kamf, nea, nia);
            NasSecurityAssociation next = NasSecurityAssociation.ue(new NasProtection(CipheringAlgorithm.fromCode(nea), keys.encryptionKey(),
                    IntegrityAlgorithm.fromCode(nia), keys.integrityKey()));
            if (!(next.unprotect(sp.sequenceNumber(), sp.macInput(), sp.mac(), sp.innerBytes(), false) instanceof NasSecurityAssociation.Accepted)) {
                throw new IllegalStateException("UE " + supi() + ": Security Mode Command MAC does not verify");
            }
            nas = next;
            securityModes++;
            if (securityModes > 1) {
                // TS 33.501 6.9.4.1: a new KAMF while connected: the AS keys follow (KgNB from the Security Mode Complete's COUNT 0)
                kgnb = KeyHierarchy.kgnb(kamf, 0, AccessType.THREE_GPP);
                nh = kgnb;
                ncc = 0;
            }
            MobileIdentity imeisv = smc.requestsImeisv() ? new MobileIdentity.Imei("4370816125816151", true) : null;
            sendProtected(new GmmMessage.SecurityModeComplete(imeisv, null, List.of()), SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED_WITH_NEW_CONTEXT);
            return;
        }
        if (nas == null) {
            throw new IllegalStateException("UE " + supi() + ": protected NAS before a security context");
        }
        boolean ciphered = sht == SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED
                || sht == SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED_WITH_NEW_CONTEXT;
        byte[] inner = switch (nas.unprotect(sp.sequenceNumber(), sp.macInput(), sp.mac(), sp.innerBytes(), ciphered)) {
            case NasSecurityAssociation.Accepted a -> a.message();
            case NasSecurityAssociation.Replayed r ->
                    throw new IllegalStateException("UE " + supi() + ": replayed downlink NAS COUNT " + r.count() + " (last " + r.lastAccepted() + ")");
            case NasSecurityAssociation.IntegrityFailure f -> throw new IllegalStateException("UE " + supi() + ": downlink NAS MAC does not verify");
        };
        var decoded = NasCodec.decode(inner);
        if (!(decoded instanceof DecodeResult.Ok<NasMessage> ok)) {
            throw new IllegalStateException("UE " + supi() + ": undecodable protected NAS");
        }
        onMessage(ok.value(), true);
    }

    /** After a Service Request the gNB gets a new KgNB from the Service Request's uplink COUNT (TS 33.501 A.9). */
    private void onServiceContext() {
        kgnb = KeyHierarchy.kgnb(kamf, nas.sendCount() - 1, AccessType.THREE_GPP);
        nh = kgnb;
        ncc = 0;
    }

    /** The answer to a network message: protected when a context exists (a re-authentication), else plain. */
    private void reply(GmmMessage m) {
        if (nas != null) {
            sendProtected(m, SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED);
        } else {
            gnb.sendUplinkNas(this, NasCodec.encode(m));
        }
    }

    private void sendProtected(GmmMessage m, SecurityHeaderType sht) {
        byte[] inner = NasCodec.encode(m);
        NasSecurityAssociation.Protected p = nas.protect(inner, true);
        gnb.sendUplinkNas(this, NasCodec.protect(sht, p.mac(), p.sequenceNumber(), inner));
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public String toString() {
        return "SimUe[" + supi() + ", ran " + ranUeNgapId + ", amf " + amfUeNgapId + "]";
    }
}
