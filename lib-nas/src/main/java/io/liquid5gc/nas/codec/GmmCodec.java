package io.liquid5gc.nas.codec;

import io.liquid5gc.nas.ie.DeregistrationType;
import io.liquid5gc.nas.ie.Dnn;
import io.liquid5gc.nas.ie.GprsTimer;
import io.liquid5gc.nas.ie.GprsTimer3;
import io.liquid5gc.nas.ie.IdentityType;
import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.ie.NasSecurityAlgorithms;
import io.liquid5gc.nas.ie.NgKsi;
import io.liquid5gc.nas.ie.Nssai;
import io.liquid5gc.nas.ie.Octets;
import io.liquid5gc.nas.ie.PayloadContainerType;
import io.liquid5gc.nas.ie.PduSessionBitmap;
import io.liquid5gc.nas.ie.PlmnId;
import io.liquid5gc.nas.ie.RegistrationResult;
import io.liquid5gc.nas.ie.RegistrationType;
import io.liquid5gc.nas.ie.RequestType;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.ie.ServiceType;
import io.liquid5gc.nas.ie.Tai;
import io.liquid5gc.nas.ie.TaiList;
import io.liquid5gc.nas.ie.UeSecurityCapability;
import io.liquid5gc.nas.mm.GmmCause;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.nas.mm.GmmMessage.*;
import io.liquid5gc.nas.mm.GmmMessageType;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversion between plain 5GMM messages (TS 24.501 8.2) and their octets. The header (EPD,
 * security header type 0, message type) is handled by {@link NasCodec}; this class does bodies.
 */
final class GmmCodec {
    private GmmCodec() {
    }

    // ---- IE tables: the non-imperative part of each message, in the order of its TS 24.501 table ----

    /** TS 24.501 Table 8.2.6.1.1. */
    static final IeTable REGISTRATION_REQUEST = IeTable.of().tv1(0xC0).tlv(0x10).tlv(0x2E).tlv(0x2F).tv(0x52, 7)
            .tlv(0x17).tlv(0x40).tlv(0x50).tv1(0xB0).tlv(0x2B).tlve(0x77).tlv(0x25).tlv(0x18).tlv(0x51).tlve(0x70)
            .tlve(0x74).tv1(0x80).tlve(0x7B).tv1(0x90).tlv(0x53).tlv(0x41).tlv(0x42).tlve(0x71).tlv(0x60).tlv(0x6E)
            .tlv(0x6A).tlv(0x67).tlv(0x35).tlv(0x48).tlv(0x1A).tv1(0xA0).tlv(0x30).tlv(0x29).tlv(0x28).tlve(0x72)
            .tlv(0x32).tlv(0x16).tlv(0x2A).tlv(0x3B);
    /** TS 24.501 Table 8.2.7.1.1. */
    static final IeTable REGISTRATION_ACCEPT = IeTable.of().tlve(0x77).tlv(0x4A).tlv(0x54).tlv(0x15).tlv(0x11)
            .tlv(0x31).tlv(0x21).tlv(0x50).tlv(0x26).tlve(0x72).tlve(0x79).tv1(0xB0).tv1(0x90).tlv(0x27).tlv(0x5E)
            .tlv(0x5D).tlv(0x16).tlv(0x34).tlve(0x7A).tlve(0x73).tlve(0x78).tv1(0xA0).tlve(0x76).tlv(0x51).tv1(0xD0)
            .tlv(0x60).tlv(0x6E).tlv(0x6C).tlv(0x6B).tlv(0x6A).tlv(0x67).tv1(0xE0).tlv(0x39).tlve(0x74).tlve(0x75)
            .tlv(0x1B).tlv(0x1C).tlv(0x29).tlv(0x68).tlve(0x7B).tlv(0x33).tlv(0x35).tlve(0x70).tlv(0x14).tlv(0x2C)
            .tlv(0x13).tlv(0x1D).tlv(0x1E).tlve(0x71).tlve(0x7C);
    /** TS 24.501 Table 8.2.8.1.1. */
    static final IeTable REGISTRATION_COMPLETE = IeTable.of().tlve(0x73);
    /** TS 24.501 Table 8.2.9.1.1. */
    static final IeTable REGISTRATION_REJECT = IeTable.of().tlv(0x5F).tlv(0x16).tlve(0x78).tlv(0x69).tlve(0x75)
            .tlv(0x68).tlv(0x2C).tlve(0x71).tlv(0x3A).tlv(0x1D).tlv(0x1E);
    /** TS 24.501 Table 8.2.12.1.1: no optional IEs. */
    static final IeTable EMPTY = IeTable.of();
    /** TS 24.501 Table 8.2.14.1.1. */
    static final IeTable DEREGISTRATION_REQUEST_UE_TERMINATED = IeTable.of().tv(0x58, 2).tlv(0x5F).tlv(0x6D)
            .tlve(0x75).tlv(0x68).tlv(0x2C).tlve(0x71).tlv(0x3A).tlv(0x1D).tlv(0x1E);
    /** TS 24.501 Table 8.2.16.1.1. */
    static final IeTable SERVICE_REQUEST = IeTable.of().tlv(0x40).tlv(0x50).tlv(0x25).tlve(0x71);
    /** TS 24.501 Table 8.2.17.1.1. */
    static final IeTable SERVICE_ACCEPT = IeTable.of().tlv(0x50).tlv(0x26).tlve(0x72).tlve(0x78).tlv(0x6B).tlv(0x34)
            .tlv(0x1D).tlv(0x1E);
    /** TS 24.501 Table 8.2.18.1.1. */
    static final IeTable SERVICE_REJECT = IeTable.of().tlv(0x50).tlv(0x5F).tlve(0x78).tlv(0x6B).tlve(0x75)
            .tlv(0x2C).tlve(0x71).tlv(0x3A).tlv(0x1D).tlv(0x1E);
    /** TS 24.501 Table 8.2.19.1.1. */
    static final IeTable CONFIGURATION_UPDATE_COMMAND = IeTable.of().tv1(0xD0).tlve(0x77).tlv(0x54).tlv(0x15)
            .tlv(0x27).tlv(0x43).tlv(0x45).tv(0x46, 2).tv(0x47, 8).tlv(0x49).tlve(0x79).tv1(0xB0).tv1(0x90)
            .tlv(0x31).tlv(0x11).tlve(0x76).tv1(0xF0).tlv(0x6C).tlve(0x75).tlv(0x67).tv1(0xA0).tlv(0x44).tlv(0x1B)
            .tv1(0xC0).tlv(0x68).tlve(0x72).tlve(0x70).tlv(0x14).tlv(0x2C).tlv(0x13).tlve(0x71).tlv(0x1F)
            .tlve(0x7C).tlv(0x1D).tlv(0x1E);
    /** TS 24.501 Table 8.2.30.1.1. */
    static final IeTable CONTROL_PLANE_SERVICE_REQUEST = IeTable.of().tlv(0x6F).tv1(0x80).tlve(0x7B).tv(0x12, 2)
            .tlv(0x50).tv1(0xF0).tlv(0x40).tlve(0x71).tlv(0x24).tlv(0x25).tlv(0x29).tlv(0x28);
    /** TS 24.501 Table 8.2.1.1.1. */
    static final IeTable AUTHENTICATION_REQUEST = IeTable.of().tv(0x21, 17).tlv(0x20).tlve(0x78);
    /** TS 24.501 Table 8.2.2.1.1. */
    static final IeTable AUTHENTICATION_RESPONSE = IeTable.of().tlv(0x2D).tlve(0x78);
    /** TS 24.501 Table 8.2.5.1.1. */
    static final IeTable AUTHENTICATION_REJECT = IeTable.of().tlve(0x78);
    /** TS 24.501 Table 8.2.4.1.1. */
    static final IeTable AUTHENTICATION_FAILURE = IeTable.of().tlv(0x30);
    /** TS 24.501 Table 8.2.3.1.1. */
    static final IeTable AUTHENTICATION_RESULT = IeTable.of().tlv(0x38);
    /** TS 24.501 Table 8.2.25.1.1. */
    static final IeTable SECURITY_MODE_COMMAND = IeTable.of().tv1(0xE0).tv(0x57, 2).tlv(0x36).tlve(0x78)
            .tlv(0x38).tlv(0x19);
    /** TS 24.501 Table 8.2.26.1.1. */
    static final IeTable SECURITY_MODE_COMPLETE = IeTable.of().tlve(0x77).tlve(0x71).tlve(0x78);
    /** TS 24.501 Table 8.2.24.1.1. */
    static final IeTable NOTIFICATION_RESPONSE = IeTable.of().tlv(0x50);
    /** TS 24.501 Table 8.2.10.1.1. */
    static final IeTable UL_NAS_TRANSPORT = IeTable.of().tv(0x12, 2).tv(0x59, 2).tv1(0x80).tlv(0x22).tlv(0x25)
            .tlv(0x24).tv1(0xA0).tv1(0xF0);
    /** TS 24.501 Table 8.2.11.1.1. */
    static final IeTable DL_NAS_TRANSPORT = IeTable.of().tv(0x12, 2).tlv(0x24).tv(0x58, 2).tlv(0x37).tlv(0x3A);

    // ---- shared IE helpers ----

    private static MobileIdentity mobileIdentity(NasReader r) throws NasDecodeException {
        return MobileIdentity.decode(r);
    }

    private static void encodeMobileIdentity(MobileIdentity id, NasWriter w) {
        id.encode(w);
    }

    private static int u8(NasReader r) throws NasDecodeException {
        return r.u8();
    }

    private static List<PlmnId> plmnList(NasReader r) throws NasDecodeException {
        List<PlmnId> out = new ArrayList<>(r.remaining() / 3);
        while (r.hasRemaining()) {
            out.add(PlmnId.decode(r));
        }
        return out;
    }

    private static void encodePlmnList(List<PlmnId> l, NasWriter w) {
        for (PlmnId p : l) {
            p.encode(w);
        }
    }

    private static byte[] fixed(NasReader r, int n) throws NasDecodeException {
        if (r.remaining() != n) {
            throw NasReader.invalid("expected " + n + " octets, got " + r.remaining());
        }
        return r.rest();
    }

    private static void encodeBytes(byte[] b, NasWriter w) {
        w.bytes(b);
    }

    private static void encodeCause(GmmCause c, NasWriter w) {
        w.u8(c.code);
    }

    private static void encodeInt(Integer v, NasWriter w) {
        w.u8(v);
    }

    private static NgKsi ngKsi(int half) {
        return half < 0 ? null : NgKsi.fromHalf(half);
    }

    private static int half(NgKsi k) {
        return k == null ? -1 : k.toHalf();
    }

    // ---- decode ----

    /** Decodes the body of a plain 5GMM message whose type octet was {@code type}. */
    static GmmMessage decodeBody(GmmMessageType type, NasReader r) throws NasDecodeException {
        return switch (type) {
            case REGISTRATION_REQUEST -> {
                int o = r.u8();
                RegistrationType rt = RegistrationType.fromHalf(o & 0x0F);
                NgKsi ksi = NgKsi.fromHalf(o >> 4);
                MobileIdentity id = MobileIdentity.decode(r.lve());
                checkRegistrationIdentity(rt, id);
                OptionalIes o2 = REGISTRATION_REQUEST.parse(r);
                yield new RegistrationRequest(rt, ksi, id, ngKsi(o2.takeHalf(0xC0)), o2.take(0x10, Octets::decode),
                        o2.take(0x2E, UeSecurityCapability::decode), o2.take(0x2F, Nssai::decode),
                        o2.take(0x52, Tai::decode), o2.take(0x40, PduSessionBitmap::decode),
                        o2.take(0x50, PduSessionBitmap::decode), o2.take(0x77, GmmCodec::mobileIdentity),
                        o2.take(0x25, PduSessionBitmap::decode), o2.take(0x18, GmmCodec::u8),
                        o2.take(0x71, Octets::decode), o2.rest());
            }
            case REGISTRATION_ACCEPT -> {
                RegistrationResult res = RegistrationResult.decode(lvExact(r, 1));
                OptionalIes o = REGISTRATION_ACCEPT.parse(r);
                yield new RegistrationAccept(res, o.take(0x77, GmmCodec::mobileIdentity), o.take(0x4A, GmmCodec::plmnList),
                        o.take(0x54, TaiList::decode), o.take(0x15, Nssai::decode), o.take(0x31, Nssai::decode),
                        o.take(0x21, Octets::decode), o.take(0x50, PduSessionBitmap::decode),
                        o.take(0x26, PduSessionBitmap::decode), o.take(0x5E, GprsTimer3::decode),
                        o.take(0x16, GprsTimer::decode), o.take(0x78, Octets::decode), o.rest());
            }
            case REGISTRATION_COMPLETE -> {
                OptionalIes o = REGISTRATION_COMPLETE.parse(r);
                yield new RegistrationComplete(o.take(0x73, Octets::decode), o.rest());
            }
            case REGISTRATION_REJECT -> {
                GmmCause c = GmmCause.fromCode(r.u8());
                OptionalIes o = REGISTRATION_REJECT.parse(r);
                yield new RegistrationReject(c, o.take(0x5F, GprsTimer::decode), o.take(0x16, GprsTimer::decode),
                        o.take(0x78, Octets::decode), o.rest());
            }
            case DEREGISTRATION_REQUEST_UE_ORIGINATING -> {
                int o = r.u8();
                DeregistrationType dt = DeregistrationType.fromHalf(o & 0x0F);
                NgKsi ksi = NgKsi.fromHalf(o >> 4);
                MobileIdentity id = MobileIdentity.decode(r.lve());
                yield new DeregistrationRequestUeOriginating(dt, ksi, id, EMPTY.parse(r).rest());
            }
            case DEREGISTRATION_ACCEPT_UE_ORIGINATING -> new DeregistrationAcceptUeOriginating(EMPTY.parse(r).rest());
            case DEREGISTRATION_REQUEST_UE_TERMINATED -> {
                DeregistrationType dt = DeregistrationType.fromHalf(r.u8() & 0x0F);
                OptionalIes o = DEREGISTRATION_REQUEST_UE_TERMINATED.parse(r);
                Integer cause = o.take(0x58, GmmCodec::u8);
                yield new DeregistrationRequestUeTerminated(dt, cause == null ? null : GmmCause.fromCode(cause),
                        o.take(0x5F, GprsTimer::decode), o.rest());
            }
            case DEREGISTRATION_ACCEPT_UE_TERMINATED -> new DeregistrationAcceptUeTerminated(EMPTY.parse(r).rest());
            case SERVICE_REQUEST -> {
                int o = r.u8();
                NgKsi ksi = NgKsi.fromHalf(o & 0x0F);
                ServiceType st = ServiceType.fromCode(o >> 4);
                if (!(MobileIdentity.decode(r.lve()) instanceof MobileIdentity.STmsi tmsi)) {
                    throw NasReader.invalid("service request identity is not a 5G-S-TMSI");
                }
                OptionalIes o2 = SERVICE_REQUEST.parse(r);
                yield new ServiceRequest(ksi, st, tmsi, o2.take(0x40, PduSessionBitmap::decode),
                        o2.take(0x50, PduSessionBitmap::decode), o2.take(0x25, PduSessionBitmap::decode),
                        o2.take(0x71, Octets::decode), o2.rest());
            }
            case SERVICE_ACCEPT -> {
                OptionalIes o = SERVICE_ACCEPT.parse(r);
                yield new ServiceAccept(o.take(0x50, PduSessionBitmap::decode), o.take(0x26, PduSessionBitmap::decode),
                        o.take(0x78, Octets::decode), o.rest());
            }
            case SERVICE_REJECT -> {
                GmmCause c = GmmCause.fromCode(r.u8());
                OptionalIes o = SERVICE_REJECT.parse(r);
                yield new ServiceReject(c, o.take(0x50, PduSessionBitmap::decode), o.take(0x5F, GprsTimer::decode),
                        o.take(0x78, Octets::decode), o.rest());
            }
            case CONFIGURATION_UPDATE_COMMAND -> {
                OptionalIes o = CONFIGURATION_UPDATE_COMMAND.parse(r);
                yield new ConfigurationUpdateCommand(o.takeHalf(0xD0), o.take(0x77, GmmCodec::mobileIdentity),
                        o.take(0x54, TaiList::decode), o.take(0x15, Nssai::decode), o.take(0x43, Octets::decode),
                        o.take(0x45, Octets::decode), o.take(0x46, GmmCodec::u8), o.take(0x47, x -> fixed(x, 7)),
                        o.take(0x49, Octets::decode), o.take(0x31, Nssai::decode), o.rest());
            }
            case CONFIGURATION_UPDATE_COMPLETE -> new ConfigurationUpdateComplete(EMPTY.parse(r).rest());
            case AUTHENTICATION_REQUEST -> {
                NgKsi ksi = NgKsi.fromHalf(r.u8() & 0x0F);
                NasReader abba = r.lv();
                if (abba.remaining() < 2) {
                    throw NasReader.invalid("ABBA shorter than 2 octets");
                }
                Octets abbaV = Octets.decode(abba);
                OptionalIes o = AUTHENTICATION_REQUEST.parse(r);
                yield new AuthenticationRequest(ksi, abbaV, o.take(0x21, x -> fixed(x, 16)),
                        o.take(0x20, x -> fixed(x, 16)), o.take(0x78, Octets::decode), o.rest());
            }
            case AUTHENTICATION_RESPONSE -> {
                OptionalIes o = AUTHENTICATION_RESPONSE.parse(r);
                yield new AuthenticationResponse(o.take(0x2D, x -> fixed(x, 16)), o.take(0x78, Octets::decode), o.rest());
            }
            case AUTHENTICATION_REJECT -> {
                OptionalIes o = AUTHENTICATION_REJECT.parse(r);
                yield new AuthenticationReject(o.take(0x78, Octets::decode), o.rest());
            }
            case AUTHENTICATION_FAILURE -> {
                GmmCause c = GmmCause.fromCode(r.u8());
                OptionalIes o = AUTHENTICATION_FAILURE.parse(r);
                yield new AuthenticationFailure(c, o.take(0x30, x -> fixed(x, 14)), o.rest());
            }
            case AUTHENTICATION_RESULT -> {
                NgKsi ksi = NgKsi.fromHalf(r.u8() & 0x0F);
                Octets eap = Octets.decode(r.lve());
                OptionalIes o = AUTHENTICATION_RESULT.parse(r);
                yield new AuthenticationResult(ksi, eap, o.take(0x38, Octets::decode), o.rest());
            }
            case IDENTITY_REQUEST -> {
                IdentityType t = IdentityType.fromCode(r.u8() & 0x07);
                EMPTY.parse(r);
                yield new IdentityRequest(t);
            }
            case IDENTITY_RESPONSE -> {
                MobileIdentity id = MobileIdentity.decode(r.lve());
                yield new IdentityResponse(id, EMPTY.parse(r).rest());
            }
            case SECURITY_MODE_COMMAND -> {
                NasSecurityAlgorithms alg = NasSecurityAlgorithms.fromOctet(r.u8());
                NgKsi ksi = NgKsi.fromHalf(r.u8() & 0x0F);
                UeSecurityCapability cap = UeSecurityCapability.decode(r.lv());
                OptionalIes o = SECURITY_MODE_COMMAND.parse(r);
                yield new SecurityModeCommand(alg, ksi, cap, o.takeHalf(0xE0), o.take(0x57, GmmCodec::u8),
                        o.take(0x36, Octets::decode), o.take(0x78, Octets::decode), o.take(0x38, Octets::decode),
                        o.take(0x19, Octets::decode), o.rest());
            }
            case SECURITY_MODE_COMPLETE -> {
                OptionalIes o = SECURITY_MODE_COMPLETE.parse(r);
                yield new SecurityModeComplete(o.take(0x77, GmmCodec::mobileIdentity), o.take(0x71, Octets::decode),
                        o.rest());
            }
            case SECURITY_MODE_REJECT -> new SecurityModeReject(GmmCause.fromCode(r.u8()), EMPTY.parse(r).rest());
            case GMM_STATUS -> {
                GmmCause c = GmmCause.fromCode(r.u8());
                EMPTY.parse(r);
                yield new GmmStatus(c);
            }
            case NOTIFICATION -> {
                int at = r.u8() & 0x03;
                EMPTY.parse(r);
                yield new Notification(at);
            }
            case NOTIFICATION_RESPONSE -> {
                OptionalIes o = NOTIFICATION_RESPONSE.parse(r);
                yield new NotificationResponse(o.take(0x50, PduSessionBitmap::decode), o.rest());
            }
            case UL_NAS_TRANSPORT -> {
                PayloadContainerType pct = PayloadContainerType.fromCode(r.u8() & 0x0F);
                byte[] payload = r.lveBytes();
                OptionalIes o = UL_NAS_TRANSPORT.parse(r);
                int rt = o.takeHalf(0x80);
                yield new UlNasTransport(pct, payload, o.take(0x12, GmmCodec::u8), o.take(0x59, GmmCodec::u8),
                        rt < 0 ? null : RequestType.fromCode(rt), o.take(0x22, SNssai::decode), o.take(0x25, Dnn::decode),
                        o.take(0x24, Octets::decode), o.rest());
            }
            case DL_NAS_TRANSPORT -> {
                PayloadContainerType pct = PayloadContainerType.fromCode(r.u8() & 0x0F);
                byte[] payload = r.lveBytes();
                OptionalIes o = DL_NAS_TRANSPORT.parse(r);
                Integer psi = o.take(0x12, GmmCodec::u8);
                Octets info = o.take(0x24, Octets::decode);
                Integer cause = o.take(0x58, GmmCodec::u8);
                yield new DlNasTransport(pct, payload, psi, info, cause == null ? null : GmmCause.fromCode(cause),
                        o.take(0x37, GprsTimer3::decode), o.rest());
            }
            case CONTROL_PLANE_SERVICE_REQUEST -> {
                int o = r.u8();
                int cpst = o & 0x0F;
                NgKsi ksi = NgKsi.fromHalf(o >> 4);
                OptionalIes o2 = CONTROL_PLANE_SERVICE_REQUEST.parse(r);
                Octets ciot = o2.take(0x6F, Octets::decode);
                int pct = o2.takeHalf(0x80);
                yield new ControlPlaneServiceRequest(cpst, ksi, ciot, pct < 0 ? null : PayloadContainerType.fromCode(pct),
                        o2.take(0x7B, NasReader::rest), o2.take(0x12, GmmCodec::u8), o2.take(0x50, PduSessionBitmap::decode),
                        o2.take(0x40, PduSessionBitmap::decode), o2.take(0x71, Octets::decode),
                        o2.take(0x25, PduSessionBitmap::decode), o2.rest());
            }
            case NSSAA_COMMAND, NSSAA_COMPLETE, NSSAA_RESULT -> {
                // TS 24.501 8.2.31-8.2.33: S-NSSAI (LV) and EAP message (LV-E), no optional IEs
                SNssai sNssai = SNssai.decode(r.lv());
                Octets eap = Octets.decode(r.lve());
                List<RawIe> rest = EMPTY.parse(r).rest();
                yield switch (type) {
                    case NSSAA_COMMAND -> new NssaaCommand(sNssai, eap, rest);
                    case NSSAA_COMPLETE -> new NssaaComplete(sNssai, eap, rest);
                    default -> new NssaaResult(sNssai, eap, rest);
                };
            }
            default -> new Unknown(type.code, r.rest());
        };
    }

    /**
     * TS 24.501 5.5.1.2.2 / 5.5.1.3.2: a registration request carries a SUCI, 5G-GUTI or (for
     * emergency registration only) an IMEI/IMEISV; anything else is semantically incorrect (#95).
     */
    private static void checkRegistrationIdentity(RegistrationType rt, MobileIdentity id) throws NasDecodeException {
        boolean ok = switch (id) {
            case MobileIdentity.Suci s -> true;
            case MobileIdentity.SuciNai s -> true;
            case MobileIdentity.Guti g -> true;
            case MobileIdentity.Imei i -> rt.value() == RegistrationType.Value.EMERGENCY;
            default -> false;
        };
        if (!ok) {
            throw new NasDecodeException(NasDecodeError.Kind.SEMANTICALLY_INCORRECT,
                    "registration request with identity type " + id.typeCode(), -1);
        }
    }

    private static NasReader lvExact(NasReader r, int n) throws NasDecodeException {
        NasReader v = r.lv();
        if (v.remaining() < n) {
            throw NasReader.invalid("LV shorter than " + n);
        }
        return v;
    }

    // ---- encode ----

    /** Writes the body (after the message type octet). */
    static void encodeBody(GmmMessage m, NasWriter w) {
        switch (m) {
            case RegistrationRequest x -> {
                w.u8((x.ngKsi().toHalf() << 4) | x.registrationType().toHalf());
                lve(w, x.mobileIdentity());
                new OptionalIeWriter(w, REGISTRATION_REQUEST, x.otherIes())
                        .tv1(0xC0, half(x.nonCurrentNativeNgKsi()))
                        .tlv(0x10, x.gmmCapability(), Octets::encode)
                        .tlv(0x2E, x.ueSecurityCapability(), UeSecurityCapability::encode)
                        .tlv(0x2F, x.requestedNssai(), Nssai::encode)
                        .tv(0x52, x.lastVisitedTai(), Tai::encode)
                        .tlv(0x40, x.uplinkDataStatus(), PduSessionBitmap::encode)
                        .tlv(0x50, x.pduSessionStatus(), PduSessionBitmap::encode)
                        .tlve(0x77, x.additionalGuti(), GmmCodec::encodeMobileIdentity)
                        .tlv(0x25, x.allowedPduSessionStatus(), PduSessionBitmap::encode)
                        .tlv(0x18, x.uesUsageSetting(), GmmCodec::encodeInt)
                        .tlve(0x71, x.nasMessageContainer(), Octets::encode)
                        .finish();
            }
            case RegistrationAccept x -> {
                w.u8(1);
                x.registrationResult().encode(w);
                new OptionalIeWriter(w, REGISTRATION_ACCEPT, x.otherIes())
                        .tlve(0x77, x.guti(), GmmCodec::encodeMobileIdentity)
                        .tlv(0x4A, x.equivalentPlmns(), GmmCodec::encodePlmnList)
                        .tlv(0x54, x.taiList(), TaiList::encode)
                        .tlv(0x15, x.allowedNssai(), Nssai::encode)
                        .tlv(0x31, x.configuredNssai(), Nssai::encode)
                        .tlv(0x21, x.networkFeatureSupport(), Octets::encode)
                        .tlv(0x50, x.pduSessionStatus(), PduSessionBitmap::encode)
                        .tlv(0x26, x.pduSessionReactivationResult(), PduSessionBitmap::encode)
                        .tlv(0x5E, x.t3512(), GprsTimer3::encode)
                        .tlv(0x16, x.t3502(), GprsTimer::encode)
                        .tlve(0x78, x.eapMessage(), Octets::encode)
                        .finish();
            }
            case RegistrationComplete x -> new OptionalIeWriter(w, REGISTRATION_COMPLETE, x.otherIes())
                    .tlve(0x73, x.sorTransparentContainer(), Octets::encode).finish();
            case RegistrationReject x -> {
                w.u8(x.cause().code);
                new OptionalIeWriter(w, REGISTRATION_REJECT, x.otherIes())
                        .tlv(0x5F, x.t3346(), GprsTimer::encode)
                        .tlv(0x16, x.t3502(), GprsTimer::encode)
                        .tlve(0x78, x.eapMessage(), Octets::encode)
                        .finish();
            }
            case DeregistrationRequestUeOriginating x -> {
                w.u8((x.ngKsi().toHalf() << 4) | x.deregistrationType().toHalf());
                lve(w, x.mobileIdentity());
                new OptionalIeWriter(w, EMPTY, x.otherIes()).finish();
            }
            case DeregistrationAcceptUeOriginating x -> new OptionalIeWriter(w, EMPTY, x.otherIes()).finish();
            case DeregistrationRequestUeTerminated x -> {
                w.u8(x.deregistrationType().toHalf());
                new OptionalIeWriter(w, DEREGISTRATION_REQUEST_UE_TERMINATED, x.otherIes())
                        .tv(0x58, x.cause(), GmmCodec::encodeCause)
                        .tlv(0x5F, x.t3346(), GprsTimer::encode)
                        .finish();
            }
            case DeregistrationAcceptUeTerminated x -> new OptionalIeWriter(w, EMPTY, x.otherIes()).finish();
            case ServiceRequest x -> {
                w.u8((x.serviceType().code << 4) | x.ngKsi().toHalf());
                lve(w, x.sTmsi());
                new OptionalIeWriter(w, SERVICE_REQUEST, x.otherIes())
                        .tlv(0x40, x.uplinkDataStatus(), PduSessionBitmap::encode)
                        .tlv(0x50, x.pduSessionStatus(), PduSessionBitmap::encode)
                        .tlv(0x25, x.allowedPduSessionStatus(), PduSessionBitmap::encode)
                        .tlve(0x71, x.nasMessageContainer(), Octets::encode)
                        .finish();
            }
            case ServiceAccept x -> new OptionalIeWriter(w, SERVICE_ACCEPT, x.otherIes())
                    .tlv(0x50, x.pduSessionStatus(), PduSessionBitmap::encode)
                    .tlv(0x26, x.pduSessionReactivationResult(), PduSessionBitmap::encode)
                    .tlve(0x78, x.eapMessage(), Octets::encode)
                    .finish();
            case ServiceReject x -> {
                w.u8(x.cause().code);
                new OptionalIeWriter(w, SERVICE_REJECT, x.otherIes())
                        .tlv(0x50, x.pduSessionStatus(), PduSessionBitmap::encode)
                        .tlv(0x5F, x.t3346(), GprsTimer::encode)
                        .tlve(0x78, x.eapMessage(), Octets::encode)
                        .finish();
            }
            case ConfigurationUpdateCommand x -> new OptionalIeWriter(w, CONFIGURATION_UPDATE_COMMAND, x.otherIes())
                    .tv1(0xD0, x.configurationUpdateIndication())
                    .tlve(0x77, x.guti(), GmmCodec::encodeMobileIdentity)
                    .tlv(0x54, x.taiList(), TaiList::encode)
                    .tlv(0x15, x.allowedNssai(), Nssai::encode)
                    .tlv(0x43, x.fullNameForNetwork(), Octets::encode)
                    .tlv(0x45, x.shortNameForNetwork(), Octets::encode)
                    .tv(0x46, x.localTimeZone(), GmmCodec::encodeInt)
                    .tv(0x47, x.universalTimeAndLocalTimeZone(), GmmCodec::encodeBytes)
                    .tlv(0x49, x.networkDaylightSavingTime(), Octets::encode)
                    .tlv(0x31, x.configuredNssai(), Nssai::encode)
                    .finish();
            case ConfigurationUpdateComplete x -> new OptionalIeWriter(w, EMPTY, x.otherIes()).finish();
            case AuthenticationRequest x -> {
                w.u8(x.ngKsi().toHalf());
                w.u8(x.abba().length()).bytes(x.abba().value());
                new OptionalIeWriter(w, AUTHENTICATION_REQUEST, x.otherIes())
                        .tv(0x21, x.rand(), GmmCodec::encodeBytes)
                        .tlv(0x20, x.autn(), GmmCodec::encodeBytes)
                        .tlve(0x78, x.eapMessage(), Octets::encode)
                        .finish();
            }
            case AuthenticationResponse x -> new OptionalIeWriter(w, AUTHENTICATION_RESPONSE, x.otherIes())
                    .tlv(0x2D, x.resStar(), GmmCodec::encodeBytes)
                    .tlve(0x78, x.eapMessage(), Octets::encode)
                    .finish();
            case AuthenticationReject x -> new OptionalIeWriter(w, AUTHENTICATION_REJECT, x.otherIes())
                    .tlve(0x78, x.eapMessage(), Octets::encode).finish();
            case AuthenticationFailure x -> {
                w.u8(x.cause().code);
                new OptionalIeWriter(w, AUTHENTICATION_FAILURE, x.otherIes())
                        .tlv(0x30, x.auts(), GmmCodec::encodeBytes).finish();
            }
            case AuthenticationResult x -> {
                w.u8(x.ngKsi().toHalf());
                w.u16(x.eapMessage().length()).bytes(x.eapMessage().value());
                new OptionalIeWriter(w, AUTHENTICATION_RESULT, x.otherIes())
                        .tlv(0x38, x.abba(), Octets::encode).finish();
            }
            case IdentityRequest x -> w.u8(x.identityType().code);
            case IdentityResponse x -> {
                lve(w, x.mobileIdentity());
                new OptionalIeWriter(w, EMPTY, x.otherIes()).finish();
            }
            case SecurityModeCommand x -> {
                w.u8(x.algorithms().toOctet());
                w.u8(x.ngKsi().toHalf());
                int mk = w.beginLen8();
                x.replayedUeSecurityCapability().encode(w);
                w.endLen8(mk);
                new OptionalIeWriter(w, SECURITY_MODE_COMMAND, x.otherIes())
                        .tv1(0xE0, x.imeisvRequest())
                        .tv(0x57, x.selectedEpsAlgorithms(), GmmCodec::encodeInt)
                        .tlv(0x36, x.additional5gSecurityInformation(), Octets::encode)
                        .tlve(0x78, x.eapMessage(), Octets::encode)
                        .tlv(0x38, x.abba(), Octets::encode)
                        .tlv(0x19, x.replayedS1UeSecurityCapability(), Octets::encode)
                        .finish();
            }
            case SecurityModeComplete x -> new OptionalIeWriter(w, SECURITY_MODE_COMPLETE, x.otherIes())
                    .tlve(0x77, x.imeisv(), GmmCodec::encodeMobileIdentity)
                    .tlve(0x71, x.nasMessageContainer(), Octets::encode)
                    .finish();
            case SecurityModeReject x -> {
                w.u8(x.cause().code);
                new OptionalIeWriter(w, EMPTY, x.otherIes()).finish();
            }
            case GmmStatus x -> w.u8(x.cause().code);
            case Notification x -> w.u8(x.accessType() & 0x03);
            case NotificationResponse x -> new OptionalIeWriter(w, NOTIFICATION_RESPONSE, x.otherIes())
                    .tlv(0x50, x.pduSessionStatus(), PduSessionBitmap::encode).finish();
            case UlNasTransport x -> {
                w.u8(x.payloadContainerType().code);
                w.u16(x.payloadContainer().length).bytes(x.payloadContainer());
                new OptionalIeWriter(w, UL_NAS_TRANSPORT, x.otherIes())
                        .tv(0x12, x.pduSessionId(), GmmCodec::encodeInt)
                        .tv(0x59, x.oldPduSessionId(), GmmCodec::encodeInt)
                        .tv1(0x80, x.requestType() == null ? -1 : x.requestType().code)
                        .tlv(0x22, x.sNssai(), SNssai::encode)
                        .tlv(0x25, x.dnn(), Dnn::encode)
                        .tlv(0x24, x.additionalInformation(), Octets::encode)
                        .finish();
            }
            case DlNasTransport x -> {
                w.u8(x.payloadContainerType().code);
                w.u16(x.payloadContainer().length).bytes(x.payloadContainer());
                new OptionalIeWriter(w, DL_NAS_TRANSPORT, x.otherIes())
                        .tv(0x12, x.pduSessionId(), GmmCodec::encodeInt)
                        .tlv(0x24, x.additionalInformation(), Octets::encode)
                        .tv(0x58, x.cause(), GmmCodec::encodeCause)
                        .tlv(0x37, x.backOffTimer(), GprsTimer3::encode)
                        .finish();
            }
            case ControlPlaneServiceRequest x -> {
                w.u8((x.ngKsi().toHalf() << 4) | (x.controlPlaneServiceType() & 0x0F));
                new OptionalIeWriter(w, CONTROL_PLANE_SERVICE_REQUEST, x.otherIes())
                        .tlv(0x6F, x.ciotSmallDataContainer(), Octets::encode)
                        .tv1(0x80, x.payloadContainerType() == null ? -1 : x.payloadContainerType().code)
                        .tlve(0x7B, x.payloadContainer(), GmmCodec::encodeBytes)
                        .tv(0x12, x.pduSessionId(), GmmCodec::encodeInt)
                        .tlv(0x50, x.pduSessionStatus(), PduSessionBitmap::encode)
                        .tlv(0x40, x.uplinkDataStatus(), PduSessionBitmap::encode)
                        .tlve(0x71, x.nasMessageContainer(), Octets::encode)
                        .tlv(0x25, x.allowedPduSessionStatus(), PduSessionBitmap::encode)
                        .finish();
            }
            case NssaaCommand x -> encodeNssaa(x.sNssai(), x.eapMessage(), x.otherIes(), w);
            case NssaaComplete x -> encodeNssaa(x.sNssai(), x.eapMessage(), x.otherIes(), w);
            case NssaaResult x -> encodeNssaa(x.sNssai(), x.eapMessage(), x.otherIes(), w);
            case Unknown x -> w.bytes(x.body());
        }
    }

    private static void encodeNssaa(SNssai sNssai, Octets eap, List<RawIe> rest, NasWriter w) {
        int m = w.beginLen8();
        sNssai.encode(w);
        w.endLen8(m);
        w.u16(eap.length()).bytes(eap.value());
        new OptionalIeWriter(w, EMPTY, rest).finish();
    }

    private static void lve(NasWriter w, MobileIdentity id) {
        int m = w.beginLen16();
        id.encode(w);
        w.endLen16(m);
    }
}
