package io.liquid5gc.proxy.ue;

import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.GprsTimer3;
import io.liquid5gc.nas.ie.IdentityType;
import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.ie.MobileIdentity.SchemeOutput;
import io.liquid5gc.nas.ie.NasSecurityAlgorithms;
import io.liquid5gc.nas.ie.NgKsi;
import io.liquid5gc.nas.ie.Nssai;
import io.liquid5gc.nas.ie.Octets;
import io.liquid5gc.nas.ie.PlmnId;
import io.liquid5gc.nas.ie.RegistrationResult;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.ie.TaiList;
import io.liquid5gc.nas.ie.UeSecurityCapability;
import io.liquid5gc.nas.mm.GmmCause;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.sbi.amf.DeregistrationAccessType;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.FiveGGuti;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.common.Snssai;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Between the NAS codec's messages (lib-nas, wire-exact) and the AMF contract's content (sbi-api), so that the
 * functions never see bytes. Text forms of identities follow {@link io.liquid5gc.sbi.amf.MobileIdentity}.
 */
final class NasMapping {

    private static final HexFormat HEX = HexFormat.of();

    private NasMapping() {
    }

    // ---- uplink: lib-nas -> contract ----

    /** The contract's form of an uplink 5GMM message, or empty when the AMF's registration does not take it. */
    static Optional<UplinkNas> toUplink(GmmMessage m) {
        return Optional.ofNullable(switch (m) {
            case GmmMessage.RegistrationRequest r -> registrationRequest(r);
            case GmmMessage.IdentityResponse r -> new UplinkNas.IdentityResponse(identity(r.mobileIdentity()));
            case GmmMessage.AuthenticationResponse r -> new UplinkNas.AuthenticationResponse(r.resStar() == null ? "" : HEX.formatHex(r.resStar()));
            case GmmMessage.AuthenticationFailure r ->
                    new UplinkNas.AuthenticationFailure(r.cause().code, r.auts() == null ? null : HEX.formatHex(r.auts()));
            case GmmMessage.SecurityModeComplete r -> new UplinkNas.SecurityModeComplete(
                    r.imeisv() == null ? null : identity(r.imeisv()), containedRegistrationRequest(r.nasMessageContainer()));
            case GmmMessage.SecurityModeReject r -> new UplinkNas.SecurityModeReject(r.cause().code);
            case GmmMessage.RegistrationComplete r -> new UplinkNas.RegistrationComplete();
            case GmmMessage.DeregistrationRequestUeOriginating r -> new UplinkNas.DeregistrationRequest(r.deregistrationType().switchOff(),
                    accessType(r.deregistrationType().access()), r.ngKsi() == null ? 7 : r.ngKsi().ksi(), identity(r.mobileIdentity()));
            case GmmMessage.DeregistrationAcceptUeTerminated r -> new UplinkNas.DeregistrationAccept();
            case GmmMessage.ServiceRequest r -> new UplinkNas.ServiceRequest(serviceType(r.serviceType()), r.ngKsi() == null ? 7 : r.ngKsi().ksi(),
                    r.sTmsi() == null ? null : identity(r.sTmsi()), psis(r.uplinkDataStatus()), psis(r.pduSessionStatus()));
            case GmmMessage.UlNasTransport r when r.payloadContainerType() == io.liquid5gc.nas.ie.PayloadContainerType.N1_SM_INFORMATION
                    && r.pduSessionId() != null -> new UplinkNas.UlNasTransport(r.pduSessionId(),
                    r.requestType() == null ? null : r.requestType().name(), r.sNssai() == null ? null : snssai(r.sNssai()),
                    r.dnn() == null ? null : r.dnn().name(), SmMapping.toUplink(r.payloadContainer()));
            default -> null;
        });
    }

    /**
     * The complete Registration Request a UE re-sends in the Security Mode Complete's NAS message container when its
     * initial one carried only the cleartext IEs (TS 24.501 4.4.6; UERANSIM does so); null when absent or not one.
     */
    static UplinkNas.RegistrationRequest containedRegistrationRequest(Octets container) {
        if (container == null || container.length() == 0) {
            return null;
        }
        return NasCodec.decodeGmm(container.value()) instanceof DecodeResult.Ok<GmmMessage> ok
                && ok.value() instanceof GmmMessage.RegistrationRequest rr ? registrationRequest(rr) : null;
    }

    static UplinkNas.RegistrationRequest registrationRequest(GmmMessage.RegistrationRequest r) {
        UeSecurityCapability c = r.ueSecurityCapability();
        io.liquid5gc.sbi.amf.UeSecurityCapability caps = c == null ? null : new io.liquid5gc.sbi.amf.UeSecurityCapability(c.nrEa(), c.nrIa(),
                c.eea() < 0 ? null : String.format(Locale.ROOT, "%02x%02x", c.eea(), c.eia()));
        List<Snssai> requested = r.requestedNssai() == null ? List.of() : r.requestedNssai().sNssais().stream().map(NasMapping::snssai).toList();
        return new UplinkNas.RegistrationRequest(registrationType(r.registrationType().value()), r.registrationType().followOnRequest(),
                r.ngKsi() == null ? 7 : r.ngKsi().ksi(), identity(r.mobileIdentity()), caps, requested);
    }

    /** The 5GS registration type value (TS 24.501 9.11.3.7), code for code. */
    static io.liquid5gc.sbi.amf.RegistrationType registrationType(io.liquid5gc.nas.ie.RegistrationType.Value v) {
        return switch (v) {
            case INITIAL -> io.liquid5gc.sbi.amf.RegistrationType.INITIAL;
            case MOBILITY_UPDATING -> io.liquid5gc.sbi.amf.RegistrationType.MOBILITY_UPDATING;
            case PERIODIC_UPDATING -> io.liquid5gc.sbi.amf.RegistrationType.PERIODIC_UPDATING;
            case EMERGENCY -> io.liquid5gc.sbi.amf.RegistrationType.EMERGENCY;
            case SNPN_ONBOARDING -> io.liquid5gc.sbi.amf.RegistrationType.SNPN_ONBOARDING;
            case DISASTER_ROAMING_MOBILITY -> io.liquid5gc.sbi.amf.RegistrationType.DISASTER_ROAMING_MOBILITY;
            case DISASTER_ROAMING_INITIAL -> io.liquid5gc.sbi.amf.RegistrationType.DISASTER_ROAMING_INITIAL;
        };
    }

    /** The access type of the de-registration type (TS 24.501 9.11.3.20); the reserved 00 is taken as 3GPP access. */
    static DeregistrationAccessType accessType(io.liquid5gc.nas.ie.DeregistrationType.Access a) {
        return switch (a) {
            case RESERVED, ACCESS_3GPP -> DeregistrationAccessType.THREE_GPP_ACCESS;
            case ACCESS_NON_3GPP -> DeregistrationAccessType.NON_3GPP_ACCESS;
            case ACCESS_BOTH -> DeregistrationAccessType.BOTH;
        };
    }

    /** The service type (TS 24.501 9.11.3.50), code for code; the unused codes 0111 to 1111 as one value. */
    static io.liquid5gc.sbi.amf.ServiceType serviceType(io.liquid5gc.nas.ie.ServiceType t) {
        return switch (t) {
            case SIGNALLING -> io.liquid5gc.sbi.amf.ServiceType.SIGNALLING;
            case DATA -> io.liquid5gc.sbi.amf.ServiceType.DATA;
            case MOBILE_TERMINATED_SERVICES -> io.liquid5gc.sbi.amf.ServiceType.MOBILE_TERMINATED_SERVICES;
            case EMERGENCY_SERVICES -> io.liquid5gc.sbi.amf.ServiceType.EMERGENCY_SERVICES;
            case EMERGENCY_SERVICES_FALLBACK -> io.liquid5gc.sbi.amf.ServiceType.EMERGENCY_SERVICES_FALLBACK;
            case HIGH_PRIORITY_ACCESS -> io.liquid5gc.sbi.amf.ServiceType.HIGH_PRIORITY_ACCESS;
            case ELEVATED_SIGNALLING -> io.liquid5gc.sbi.amf.ServiceType.ELEVATED_SIGNALLING;
            case UNUSED_7, UNUSED_8, UNUSED_9, UNUSED_10, UNUSED_11, UNUSED_12, UNUSED_13, UNUSED_14, UNUSED_15 ->
                    io.liquid5gc.sbi.amf.ServiceType.UNUSED;
        };
    }

    static Snssai snssai(SNssai s) {
        return new Snssai(s.sst(), s.sd() == null ? null : String.format(Locale.ROOT, "%06x", s.sd()));
    }

    static io.liquid5gc.sbi.amf.MobileIdentity identity(MobileIdentity id) {
        return switch (id) {
            case MobileIdentity.Suci s -> io.liquid5gc.sbi.amf.MobileIdentity.suci("suci-0-" + s.plmn().mcc() + "-" + s.plmn().mnc() + "-"
                    + s.routingIndicator() + "-" + s.protectionScheme() + "-" + s.homeNetworkPublicKeyId() + "-" + schemeOutput(s.schemeOutput()));
            case MobileIdentity.Guti g -> io.liquid5gc.sbi.amf.MobileIdentity.guti(guti(g));
            case MobileIdentity.STmsi t -> new io.liquid5gc.sbi.amf.MobileIdentity(io.liquid5gc.sbi.amf.MobileIdentity.Type.S_TMSI,
                    String.format(Locale.ROOT, "%03x%02x-%08x", t.amfSetId(), t.amfPointer(), t.tmsi()));
            case MobileIdentity.Imei i -> new io.liquid5gc.sbi.amf.MobileIdentity(i.softwareVersion()
                    ? io.liquid5gc.sbi.amf.MobileIdentity.Type.IMEISV : io.liquid5gc.sbi.amf.MobileIdentity.Type.IMEI, i.digits());
            default -> new io.liquid5gc.sbi.amf.MobileIdentity(io.liquid5gc.sbi.amf.MobileIdentity.Type.NONE, null);
        };
    }

    private static String schemeOutput(SchemeOutput o) {
        return switch (o) {
            case SchemeOutput.NullScheme n -> n.msin();
            case SchemeOutput.Ecies e -> HEX.formatHex(e.ephemeralPublicKey()) + HEX.formatHex(e.cipherText()) + HEX.formatHex(e.macTag());
            case SchemeOutput.Opaque op -> HEX.formatHex(op.octets());
        };
    }

    static String guti(MobileIdentity.Guti g) {
        return fiveGGuti(g).format();
    }

    /** The 5G-GUTI of the mobile identity IE (TS 24.501 9.11.3.4). */
    static FiveGGuti fiveGGuti(MobileIdentity.Guti g) {
        return new FiveGGuti(new io.liquid5gc.sbi.common.PlmnId(g.plmn().mcc(), g.plmn().mnc()), g.amfRegionId(), g.amfSetId(),
                g.amfPointer(), g.tmsi() & 0xFFFFFFFFL);
    }

    // ---- downlink: contract -> lib-nas ----

    static GmmMessage toGmm(DownlinkNas m) {
        return switch (m) {
            case DownlinkNas.AuthenticationRequest r -> new GmmMessage.AuthenticationRequest(NgKsi.native_(r.ngKsi()), Octets.ofHex(r.abba()),
                    HEX.parseHex(r.rand()), HEX.parseHex(r.autn()), null, List.of());
            case DownlinkNas.AuthenticationReject r -> new GmmMessage.AuthenticationReject(null, List.of());
            case DownlinkNas.IdentityRequest r -> new GmmMessage.IdentityRequest(switch (r.identityType()) {
                case SUCI -> IdentityType.SUCI;
                case GUTI -> IdentityType.GUTI;
                case IMEI -> IdentityType.IMEI;
                case IMEISV -> IdentityType.IMEISV;
                case S_TMSI -> IdentityType.S_TMSI;
                case NONE -> IdentityType.NO_IDENTITY;
            });
            case DownlinkNas.SecurityModeCommand c -> new GmmMessage.SecurityModeCommand(
                    new NasSecurityAlgorithms(c.cipheringAlgorithm(), c.integrityAlgorithm()), NgKsi.native_(c.ngKsi()),
                    ueSecurityCapability(c.replayedUeSecurityCapability()), c.imeisvRequest() ? 1 : -1, null, null, null,
                    c.abba() == null ? null : Octets.ofHex(c.abba()), null, List.of());
            case DownlinkNas.RegistrationAccept a -> new GmmMessage.RegistrationAccept(
                    RegistrationResult.of(RegistrationResult.ACCESS_3GPP, false), a.guti() == null ? null : gutiIe(a.guti().value()), null, taiList(a.taiList()),
                    new Nssai(a.allowedNssai().stream().map(NasMapping::sNssai).toList()), null, null, null, null,
                    GprsTimer3.seconds(a.t3512Seconds()), null, null, rejectedNssai(a.rejectedNssai()));
            case DownlinkNas.RegistrationReject r -> new GmmMessage.RegistrationReject(cause(r.cause()), null, null, null, List.of());
            case DownlinkNas.DeregistrationAccept a -> new GmmMessage.DeregistrationAcceptUeOriginating(List.of());
            case DownlinkNas.DeregistrationRequest r -> new GmmMessage.DeregistrationRequestUeTerminated(
                    new io.liquid5gc.nas.ie.DeregistrationType(false, r.reRegistrationRequired(), io.liquid5gc.nas.ie.DeregistrationType.ACCESS_3GPP),
                    r.cause() == 0 ? null : cause(r.cause()), null, List.of());
            case DownlinkNas.ServiceAccept a -> new GmmMessage.ServiceAccept(bitmap(a.pduSessionStatus()), bitmap(a.reactivationResult()), null, List.of());
            case DownlinkNas.ServiceReject r -> new GmmMessage.ServiceReject(cause(r.cause()), null, null, null, List.of());
            case DownlinkNas.DlNasTransport t -> new GmmMessage.DlNasTransport(io.liquid5gc.nas.ie.PayloadContainerType.N1_SM_INFORMATION,
                    t.sm() == null ? new byte[0] : SmMapping.encode(t.pduSessionId(), t.sm()), t.pduSessionId(), null,
                    t.gmmCause() == null ? null : cause(t.gmmCause()), null, List.of());
        };
    }

    /** The PDU session ids set in a PDU session status/bitmap IE (TS 24.501 9.11.3.44), null when absent. */
    static List<Integer> psis(io.liquid5gc.nas.ie.PduSessionBitmap b) {
        if (b == null) {
            return null;
        }
        List<Integer> ids = new java.util.ArrayList<>();
        for (int psi = 1; psi <= 15; psi++) {
            if (b.isSet(psi)) {
                ids.add(psi);
            }
        }
        return ids;
    }

    static io.liquid5gc.nas.ie.PduSessionBitmap bitmap(List<Integer> psis) {
        return psis == null ? null : io.liquid5gc.nas.ie.PduSessionBitmap.of(psis.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The Rejected NSSAI IE (TS 24.501 9.11.3.46, IEI 0x11) kept raw: per S-NSSAI one octet with its length (bits 8-5)
     * and the cause (bits 4-1), then SST and, when present, SD.
     */
    static List<io.liquid5gc.nas.codec.RawIe> rejectedNssai(List<DownlinkNas.RejectedSnssai> rejected) {
        if (rejected.isEmpty()) {
            return List.of();
        }
        java.io.ByteArrayOutputStream v = new java.io.ByteArrayOutputStream();
        for (DownlinkNas.RejectedSnssai r : rejected) {
            boolean sd = r.snssai().sd() != null;
            v.write(((sd ? 4 : 1) << 4) | (r.cause() & 0x0F));
            v.write(r.snssai().sst());
            if (sd) {
                int value = Integer.parseInt(r.snssai().sd(), 16);
                v.write(value >>> 16);
                v.write(value >>> 8);
                v.write(value);
            }
        }
        return List.of(new io.liquid5gc.nas.codec.RawIe(0x11, io.liquid5gc.nas.codec.IeFormat.TLV, v.toByteArray()));
    }

    private static GmmCause cause(int code) {
        GmmCause c = GmmCause.fromCode(code);
        return c != null ? c : GmmCause.fromCode(111);
    }

    static UeSecurityCapability ueSecurityCapability(io.liquid5gc.sbi.amf.UeSecurityCapability c) {
        if (c.epsOctets() != null && c.epsOctets().length() == 4) {
            byte[] eps = HEX.parseHex(c.epsOctets());
            return new UeSecurityCapability(c.ea(), c.ia(), eps[0] & 0xFF, eps[1] & 0xFF, new byte[0]);
        }
        return UeSecurityCapability.nr(c.ea(), c.ia());
    }

    static SNssai sNssai(Snssai s) {
        return s.sd() == null ? SNssai.of(s.sst()) : SNssai.of(s.sst(), Integer.parseInt(s.sd(), 16));
    }

    /** The GUTI text form ({@link FiveGGuti#format()}) back to the IE; an {@link IllegalArgumentException} when it is not one. */
    static MobileIdentity.Guti gutiIe(String text) {
        FiveGGuti g = FiveGGuti.parse(text);
        return new MobileIdentity.Guti(new PlmnId(g.plmn().mcc(), g.plmn().mnc()), g.amfRegionId(), g.amfSetId(), g.amfPointer(), (int) g.tmsi());
    }

    private static TaiList taiList(List<DownlinkNas.Tai> tais) {
        // one partial list of type 00 per PLMN (TS 24.501 9.11.3.9), non-consecutive TACs
        java.util.Map<io.liquid5gc.sbi.common.PlmnId, List<Integer>> byPlmn = new java.util.LinkedHashMap<>();
        for (DownlinkNas.Tai t : tais) {
            byPlmn.computeIfAbsent(t.plmn(), p -> new java.util.ArrayList<>()).add(t.tac());
        }
        return new TaiList(byPlmn.entrySet().stream()
                .<TaiList.Partial>map(e -> new TaiList.Partial.NonConsecutive(new PlmnId(e.getKey().mcc(), e.getKey().mnc()), e.getValue()))
                .toList());
    }
}
