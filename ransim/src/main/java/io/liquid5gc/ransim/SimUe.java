package io.liquid5gc.ransim;

import io.liquid5gc.nas.NasMessage;
import io.liquid5gc.nas.NasPdu;
import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.ie.NgKsi;
import io.liquid5gc.nas.ie.Nssai;
import io.liquid5gc.nas.ie.PlmnId;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.ie.UeSecurityCapability;
import io.liquid5gc.nas.mm.GmmCause;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.nas.security.SecurityHeaderType;
import io.liquid5gc.nas.security.SecurityProtectedNasMessage;
import io.liquid5gc.security.aka.UeAuthResult;
import io.liquid5gc.security.aka.Usim;
import io.liquid5gc.security.kdf.AccessType;
import io.liquid5gc.security.kdf.KeyHierarchy;
import io.liquid5gc.security.kdf.NasKeys;
import io.liquid5gc.security.kdf.ServingNetworkName;
import io.liquid5gc.security.milenage.UsimSqnState;
import io.liquid5gc.security.nas.CipheringAlgorithm;
import io.liquid5gc.security.nas.Direction;
import io.liquid5gc.security.nas.IntegrityAlgorithm;
import io.liquid5gc.security.nas.NasProtection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A simulated UE: a USIM (Milenage, TS 35.206), SUCI with the null scheme, and the UE side of registration
 * (TS 24.501 5.5.1.2): answers authentication (with AUTS on a stale SQN), security mode control with NAS
 * integrity and ciphering, and completes the registration. Driven by its gNB's I/O thread.
 */
public final class SimUe {

    /** How a registration ended. {@code kgnb} is the UE's own derivation (TS 33.501 A.9), to compare with the gNB's. */
    public record Registration(boolean registered, String guti, int rejectCause, Duration latency, byte[] kgnb, List<SNssai> allowedNssai) {
    }

    private final String mcc;
    private final String mnc;
    private final String msin;
    private final Usim usim;
    private final ServingNetworkName snn;
    private final List<SNssai> requestedNssai;
    final long ranUeNgapId;
    long amfUeNgapId = -1;
    private SimGnb gnb;
    private byte[] kausf;
    private byte[] kamf;
    private NasProtection protection;
    private int ulCount;
    private long startNanos;
    private MobileIdentity.Guti guti;
    private final CompletableFuture<Registration> outcome = new CompletableFuture<>();

    /**
     * @param msin the MSIN digits of the IMSI (the SUPI is mcc+mnc+msin)
     */
    public SimUe(long ranUeNgapId, String mcc, String mnc, String msin, byte[] k, byte[] opc, List<SNssai> requestedNssai) {
        this(ranUeNgapId, mcc, mnc, msin, new Usim(k, opc, new UsimSqnState()), requestedNssai);
    }

    public SimUe(long ranUeNgapId, String mcc, String mnc, String msin, Usim usim, List<SNssai> requestedNssai) {
        this.ranUeNgapId = ranUeNgapId;
        this.mcc = mcc;
        this.mnc = mnc;
        this.msin = msin;
        this.usim = usim;
        this.snn = ServingNetworkName.of(mcc, mnc);
        this.requestedNssai = List.copyOf(requestedNssai);
    }

    /** 5G-EA0..3, 5G-IA0..3 and the EPS octets EEA0..3, EIA0..3, as UERANSIM (and LTE-capable UEs) send it. */
    static final UeSecurityCapability CAPABILITY = new UeSecurityCapability(0xF0, 0xF0, 0xF0, 0xF0, new byte[0]);

    public String supi() {
        return "imsi-" + mcc + mnc + msin;
    }

    /** Sends the Registration Request through the gNB; the future completes when the procedure ends. */
    public CompletableFuture<Registration> register(SimGnb through) {
        this.gnb = through;
        startNanos = System.nanoTime();
        MobileIdentity suci = new MobileIdentity.Suci(new PlmnId(mcc, mnc), "0", 0, 0, new MobileIdentity.SchemeOutput.NullScheme(msin));
        GmmMessage.RegistrationRequest rr = GmmMessage.RegistrationRequest.initial(suci, NgKsi.NO_KEY,
                CAPABILITY, new Nssai(requestedNssai));
        through.sendInitialUe(this, NasCodec.encode(rr));
        return outcome;
    }

    public CompletableFuture<Registration> outcome() {
        return outcome;
    }

    void onInitialContextSetup(byte[] kgnbFromNetwork) {
        // the gNB got KgNB; the UE derives its own from KAMF and the uplink COUNT of the Security Mode Complete (0)
        this.kgnbAtGnb = kgnbFromNetwork;
    }

    private byte[] kgnbAtGnb;

    public byte[] kgnbAtGnb() {
        return kgnbAtGnb;
    }

    void onDownlinkNas(byte[] pdu) {
        try {
            handle(pdu);
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
        }
    }

    void onRelease() {
        if (!outcome.isDone()) {
            outcome.complete(new Registration(false, null, -1, elapsed(), null, List.of()));
        }
    }

    private void handle(byte[] pdu) {
        DecodeResult<NasPdu> d = NasCodec.decodePdu(pdu);
        if (!(d instanceof DecodeResult.Ok<NasPdu> ok)) {
            throw new IllegalStateException("UE " + supi() + ": undecodable downlink NAS: " + ((DecodeResult.Err<NasPdu>) d).error());
        }
        switch (ok.value()) {
            case NasPdu.Plain p -> onPlain(p.message());
            case NasPdu.Protected p -> onProtected(p.message());
        }
    }

    private void onPlain(NasMessage m) {
        switch (m) {
            case GmmMessage.AuthenticationRequest r -> {
                switch (usim.authenticate(r.rand(), r.autn(), snn)) {
                    case UeAuthResult.Success s -> {
                        kausf = s.kausf();
                        send(new GmmMessage.AuthenticationResponse(s.resStar(), null, List.of()));
                    }
                    case UeAuthResult.SynchFailure f -> send(new GmmMessage.AuthenticationFailure(GmmCause.SYNCH_FAILURE, f.auts(), List.of()));
                    case UeAuthResult.MacFailure f -> send(new GmmMessage.AuthenticationFailure(GmmCause.MAC_FAILURE, null, List.of()));
                    case UeAuthResult.Non5gAuthUnacceptable f ->
                            send(new GmmMessage.AuthenticationFailure(GmmCause.NON_5G_AUTHENTICATION_UNACCEPTABLE, null, List.of()));
                }
            }
            case GmmMessage.IdentityRequest r -> send(new GmmMessage.IdentityResponse(new MobileIdentity.Suci(new PlmnId(mcc, mnc), "0", 0, 0,
                    new MobileIdentity.SchemeOutput.NullScheme(msin)), List.of()));
            case GmmMessage.RegistrationReject r -> outcome.complete(new Registration(false, null, r.cause().code, elapsed(), null, List.of()));
            case GmmMessage.AuthenticationReject r -> outcome.complete(new Registration(false, null, 0, elapsed(), null, List.of()));
            default -> throw new IllegalStateException("UE " + supi() + ": unexpected plain " + m);
        }
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
            protection = new NasProtection(CipheringAlgorithm.fromCode(nea), keys.encryptionKey(), IntegrityAlgorithm.fromCode(nia), keys.integrityKey());
            byte[] macInput = sp.macInput();
            if (!protection.verify(sp.sequenceNumber(), Direction.DOWNLINK, macInput, 0, macInput.length, sp.mac(), 0)) {
                throw new IllegalStateException("UE " + supi() + ": Security Mode Command MAC does not verify");
            }
            ulCount = 0;
            MobileIdentity imeisv = smc.requestsImeisv() ? new MobileIdentity.Imei("4370816125816151", true) : null;
            sendProtected(new GmmMessage.SecurityModeComplete(imeisv, null, List.of()), SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED_WITH_NEW_CONTEXT);
            return;
        }
        if (protection == null) {
            throw new IllegalStateException("UE " + supi() + ": protected NAS before a security context");
        }
        byte[] macInput = sp.macInput();
        int count = sp.sequenceNumber(); // a simulator UE stays below 256 downlink messages per context
        if (!protection.verify(count, Direction.DOWNLINK, macInput, 0, macInput.length, sp.mac(), 0)) {
            throw new IllegalStateException("UE " + supi() + ": downlink NAS MAC does not verify");
        }
        byte[] inner = sp.innerBytes().clone();
        if (sht == SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED || sht == SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED_WITH_NEW_CONTEXT) {
            protection.cipher(count, Direction.DOWNLINK, inner, 0, inner.length);
        }
        var decoded = NasCodec.decode(inner);
        if (!(decoded instanceof DecodeResult.Ok<NasMessage> ok)) {
            throw new IllegalStateException("UE " + supi() + ": undecodable protected NAS");
        }
        switch (ok.value()) {
            case GmmMessage.RegistrationAccept a -> {
                guti = (MobileIdentity.Guti) a.guti();
                sendProtected(new GmmMessage.RegistrationComplete(null, List.of()), SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED);
                byte[] kgnb = KeyHierarchy.kgnb(kamf, 0, AccessType.THREE_GPP);
                outcome.complete(new Registration(true, guti.toString(), 0, elapsed(), kgnb,
                        a.allowedNssai() == null ? List.of() : a.allowedNssai().sNssais()));
            }
            case GmmMessage.RegistrationReject r -> outcome.complete(new Registration(false, null, r.cause().code, elapsed(), null, List.of()));
            default -> { }
        }
    }

    private void send(GmmMessage m) {
        gnb.sendUplinkNas(this, NasCodec.encode(m));
    }

    private void sendProtected(GmmMessage m, SecurityHeaderType sht) {
        byte[] inner = NasCodec.encode(m);
        int count = ulCount++;
        byte[] mac = protection.protect(count, Direction.UPLINK, inner, true);
        gnb.sendUplinkNas(this, NasCodec.protect(sht, mac, count & 0xFF, inner));
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public String toString() {
        return "SimUe[" + supi() + ", ran " + ranUeNgapId + ", amf " + amfUeNgapId + "]";
    }
}
