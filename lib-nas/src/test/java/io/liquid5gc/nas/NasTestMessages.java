package io.liquid5gc.nas;

import io.liquid5gc.nas.codec.IeFormat;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.codec.RawIe;
import io.liquid5gc.nas.ie.*;
import io.liquid5gc.nas.mm.GmmCause;
import io.liquid5gc.nas.mm.GmmMessage.*;
import io.liquid5gc.nas.sm.SmCause;
import io.liquid5gc.nas.sm.SmMessage.*;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one place tests get NAS messages from: one (or more) of every message type we encode. */
public final class NasTestMessages {
    private NasTestMessages() {
    }

    public static final PlmnId PLMN = new PlmnId("001", "01");
    public static final PlmnId PLMN3 = new PlmnId("310", "410");

    public static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    public static MobileIdentity.Suci suciNull() {
        return new MobileIdentity.Suci(PLMN, "0", 0, 0, new MobileIdentity.SchemeOutput.NullScheme("0000000001"));
    }

    /** SUCI of TS 33.501 Annex C.4.3 (profile A): MCC 208, MNC 93, routing indicator 0, key id 1. */
    public static MobileIdentity.Suci suciProfileA() {
        return new MobileIdentity.Suci(new PlmnId("208", "93"), "0", 1, 1,
                new MobileIdentity.SchemeOutput.Ecies(1,
                        hex("b2e92f836055a255837debf850b528997ce0201cb82adfe4be1f587d07d8457d"), hex("cb02352410"),
                        hex("cddd9e730ef3fa87")));
    }

    public static MobileIdentity.Suci suciProfileB() {
        return new MobileIdentity.Suci(PLMN3, "1234", 2, 3,
                new MobileIdentity.SchemeOutput.Ecies(2, hex("03" + "11".repeat(32)), hex("0102030405"),
                        hex("a1a2a3a4a5a6a7a8")));
    }

    public static MobileIdentity.Guti guti() {
        return new MobileIdentity.Guti(PLMN, 0xCA, 0x3F8, 1, 0x12345678);
    }

    public static UeSecurityCapability ueSecCap() {
        return new UeSecurityCapability(0xF0, 0x70, 0xF0, 0x70, new byte[0]);
    }

    public static Nssai nssai() {
        return new Nssai(List.of(SNssai.of(1), SNssai.of(1, 0x010203), new SNssai(2, null, 3, null),
                new SNssai(1, 0x000001, 1, null), new SNssai(1, 0xABCDEF, 2, 0x123456)));
    }

    public static TaiList taiListAllTypes() {
        return new TaiList(List.of(
                new TaiList.Partial.NonConsecutive(PLMN, List.of(1, 2, 7)),
                new TaiList.Partial.Consecutive(PLMN3, 0x000100, 4),
                new TaiList.Partial.Tais(List.of(new Tai(PLMN, 5), new Tai(PLMN3, 0xFFFFFE)))));
    }

    public static RegistrationRequest registrationRequestSuci() {
        return RegistrationRequest.initial(suciNull(), NgKsi.NO_KEY, ueSecCap(), new Nssai(List.of(SNssai.of(1))));
    }

    public static RegistrationRequest registrationRequestFull() {
        return new RegistrationRequest(new RegistrationType(false, RegistrationType.Value.MOBILITY_UPDATING),
                NgKsi.native_(2), guti(), NgKsi.native_(1), Octets.ofHex("0700"), ueSecCap(), nssai(),
                new Tai(PLMN, 0x000001), PduSessionBitmap.of(1, 5), PduSessionBitmap.of(1, 5, 15), guti(),
                PduSessionBitmap.of(5), 1, Octets.ofHex("7e004179000d0100f110000000000000000010"),
                List.of(new RawIe(0xB0, IeFormat.TV1, new byte[] {1}), new RawIe(0x51, IeFormat.TLV, hex("02"))));
    }

    public static RegistrationAccept registrationAccept() {
        return new RegistrationAccept(RegistrationResult.of(RegistrationResult.ACCESS_3GPP, false), guti(),
                List.of(PLMN3), taiListAllTypes(), new Nssai(List.of(SNssai.of(1), SNssai.of(1, 0x010203))),
                new Nssai(List.of(SNssai.of(1))), Octets.ofHex("0100"), PduSessionBitmap.of(1),
                null, GprsTimer3.seconds(3240), GprsTimer.seconds(720), null, List.of());
    }

    /** The message set: name to message. Every 5GMM and 5GSM message type we model appears. */
    public static Map<String, NasMessage> all() {
        Map<String, NasMessage> m = new LinkedHashMap<>();
        m.put("RegistrationRequest-SUCI-null", registrationRequestSuci());
        m.put("RegistrationRequest-SUCI-profileA", RegistrationRequest.initial(suciProfileA(), NgKsi.NO_KEY,
                ueSecCap(), null));
        m.put("RegistrationRequest-SUCI-profileB", RegistrationRequest.initial(suciProfileB(), NgKsi.NO_KEY,
                UeSecurityCapability.nr(0xE0, 0x60), null));
        m.put("RegistrationRequest-full", registrationRequestFull());
        m.put("RegistrationAccept", registrationAccept());
        m.put("RegistrationComplete", new RegistrationComplete(null, List.of()));
        m.put("RegistrationReject", new RegistrationReject(GmmCause.PLMN_NOT_ALLOWED, GprsTimer.seconds(60),
                GprsTimer.seconds(720), null, List.of()));
        m.put("DeregistrationRequestUeOriginating", new DeregistrationRequestUeOriginating(
                new DeregistrationType(false, false, DeregistrationType.ACCESS_3GPP), NgKsi.native_(0), guti(), List.of()));
        m.put("DeregistrationRequestUeOriginating-switchOff-SUCI", new DeregistrationRequestUeOriginating(
                new DeregistrationType(true, false, DeregistrationType.ACCESS_BOTH), NgKsi.NO_KEY, suciNull(), List.of()));
        m.put("DeregistrationAcceptUeOriginating", new DeregistrationAcceptUeOriginating(List.of()));
        m.put("DeregistrationRequestUeTerminated", new DeregistrationRequestUeTerminated(
                new DeregistrationType(false, true, DeregistrationType.ACCESS_3GPP), GmmCause.IMPLICITLY_DEREGISTERED,
                GprsTimer.seconds(120), List.of()));
        m.put("DeregistrationAcceptUeTerminated", new DeregistrationAcceptUeTerminated(List.of()));
        m.put("ServiceRequest", new ServiceRequest(NgKsi.native_(1), ServiceType.DATA, guti().toSTmsi(),
                PduSessionBitmap.of(1), PduSessionBitmap.of(1, 2), null, null, List.of()));
        m.put("ServiceAccept", new ServiceAccept(PduSessionBitmap.of(1), PduSessionBitmap.of(), null, List.of()));
        m.put("ServiceReject", new ServiceReject(GmmCause.CONGESTION, PduSessionBitmap.of(1),
                GprsTimer.seconds(60), null, List.of()));
        m.put("ConfigurationUpdateCommand", new ConfigurationUpdateCommand(1, guti(), TaiList.of(new Tai(PLMN, 1)),
                new Nssai(List.of(SNssai.of(1))), Octets.ofHex("80d4e2d01a"), Octets.ofHex("80d4e2d01a"), 0x40,
                hex("22111121430040"), Octets.ofHex("00"), null, List.of()));
        m.put("ConfigurationUpdateComplete", new ConfigurationUpdateComplete(List.of()));
        m.put("AuthenticationRequest", new AuthenticationRequest(NgKsi.native_(0), Octets.ofHex("0000"),
                hex("23553cbe9637a89d218ae64dae47bf35"), hex("55f328b43577b9b94a9ffac354dfafb3"), null, List.of()));
        m.put("AuthenticationRequest-EAP", new AuthenticationRequest(NgKsi.native_(1), Octets.ofHex("0000"), null,
                null, Octets.ofHex("0101000832050000"), List.of()));
        m.put("AuthenticationResponse", new AuthenticationResponse(hex("a54211d5e3ba50bfa54211d5e3ba50bf"), null,
                List.of()));
        m.put("AuthenticationReject", new AuthenticationReject(null, List.of()));
        m.put("AuthenticationFailure-synch", new AuthenticationFailure(GmmCause.SYNCH_FAILURE,
                hex("451e8beca43b0102030405060708"), List.of()));
        m.put("AuthenticationFailure-mac", new AuthenticationFailure(GmmCause.MAC_FAILURE, null, List.of()));
        m.put("AuthenticationResult", new AuthenticationResult(NgKsi.native_(0), Octets.ofHex("03010004"),
                Octets.ofHex("0000"), List.of()));
        m.put("IdentityRequest", new IdentityRequest(IdentityType.SUCI));
        m.put("IdentityResponse-SUCI", new IdentityResponse(suciNull(), List.of()));
        m.put("IdentityResponse-IMEI", new IdentityResponse(new MobileIdentity.Imei("356938035643809", false),
                List.of()));
        m.put("IdentityResponse-NoIdentity", new IdentityResponse(new MobileIdentity.NoIdentity(), List.of()));
        m.put("SecurityModeCommand", new SecurityModeCommand(new NasSecurityAlgorithms(0, 2), NgKsi.native_(0),
                ueSecCap(), 1, null, Octets.ofHex("01"), null, Octets.ofHex("0000"), null, List.of()));
        m.put("SecurityModeComplete", new SecurityModeComplete(new MobileIdentity.Imei("3569380356438091", true),
                Octets.of(NasCodec.encode(registrationRequestSuci())), List.of()));
        m.put("SecurityModeReject", new SecurityModeReject(GmmCause.UE_SECURITY_CAPABILITIES_MISMATCH, List.of()));
        m.put("GmmStatus", new GmmStatus(GmmCause.MESSAGE_TYPE_NON_EXISTENT));
        m.put("Notification", new Notification(2));
        m.put("NotificationResponse", new NotificationResponse(PduSessionBitmap.of(1), List.of()));
        m.put("UlNasTransport-PduSessionEstablishmentRequest", UlNasTransport.n1Sm(
                NasCodec.encode(pduSessionEstablishmentRequest()), 1, RequestType.INITIAL_REQUEST, SNssai.of(1, 0x010203),
                new Dnn("internet")));
        m.put("DlNasTransport-PduSessionEstablishmentAccept", DlNasTransport.n1Sm(
                NasCodec.encode(pduSessionEstablishmentAccept()), 1));
        m.put("DlNasTransport-cause", new DlNasTransport(PayloadContainerType.N1_SM_INFORMATION, hex("2e0501d62b"), 5,
                null, GmmCause.DNN_NOT_SUPPORTED_IN_SLICE, GprsTimer3.seconds(60), List.of()));
        m.put("ControlPlaneServiceRequest", new ControlPlaneServiceRequest(0, NgKsi.native_(1),
                Octets.ofHex("0105aabbccdd"), null, null, null, PduSessionBitmap.of(5), null, null, null, List.of()));
        m.put("ControlPlaneServiceRequest-payload", new ControlPlaneServiceRequest(0, NgKsi.native_(1), null,
                PayloadContainerType.N1_SM_INFORMATION, NasCodec.encode(pduSessionEstablishmentRequest()), 1, null,
                PduSessionBitmap.of(1), null, null, List.of()));
        m.put("NssaaCommand", new NssaaCommand(SNssai.of(1, 0x010203), Octets.ofHex("0101000832050000"), List.of()));
        m.put("NssaaComplete", new NssaaComplete(SNssai.of(1, 0x010203), Octets.ofHex("0201000832050000"), List.of()));
        m.put("NssaaResult", new NssaaResult(SNssai.of(1, 0x010203), Octets.ofHex("03010004"), List.of()));
        // 5GSM
        m.put("PduSessionEstablishmentRequest", pduSessionEstablishmentRequest());
        m.put("PduSessionEstablishmentAccept", pduSessionEstablishmentAccept());
        m.put("PduSessionEstablishmentAccept-IPv6", new PduSessionEstablishmentAccept(2, 3, PduSessionType.IPV4V6,
                SscMode.SSC_MODE_1, List.of(QosRule.defaultMatchAll(1, 255, 1), tcpRule()), SessionAmbr.mbps(1000, 500),
                null, new PduAddress(3, hex("0a2d0002"), hex("0000000000000001"), null), SNssai.of(1), List.of(
                        QosFlowDescription.create(1, 9), new QosFlowDescription(2, QosFlowDescription.CREATE, true,
                                List.of(QosFlowDescription.Parameter.fiveQi(1), new QosFlowDescription.Parameter(
                                        QosFlowDescription.P_GFBR_UL, hex("060040"))))),
                Octets.ofHex("80000d0408080808"), new Dnn("ims.mnc001.mcc001.gprs"), List.of()));
        m.put("PduSessionEstablishmentReject", new PduSessionEstablishmentReject(1, 1,
                SmCause.MISSING_OR_UNKNOWN_DNN, GprsTimer3.seconds(60), null, null, List.of()));
        m.put("PduSessionModificationRequest", new PduSessionModificationRequest(1, 2, null, null, 16,
                IntegrityProtectionMaxDataRate.full(), List.of(tcpRule()), List.of(QosFlowDescription.create(2, 7)),
                null, List.of()));
        m.put("PduSessionModificationReject", new PduSessionModificationReject(1, 2,
                SmCause.SYNTACTICAL_ERROR_IN_QOS_OPERATION, null, null, List.of()));
        m.put("PduSessionModificationCommand", new PduSessionModificationCommand(1, 2, null,
                SessionAmbr.mbps(200, 100), List.of(tcpRule()), List.of(QosFlowDescription.create(2, 7)), null,
                List.of()));
        m.put("PduSessionModificationComplete", new PduSessionModificationComplete(1, 2, null, List.of()));
        m.put("PduSessionModificationCommandReject", new PduSessionModificationCommandReject(1, 2,
                SmCause.INVALID_PDU_SESSION_IDENTITY, null, List.of()));
        m.put("PduSessionReleaseRequest", new PduSessionReleaseRequest(1, 3, SmCause.REGULAR_DEACTIVATION, null,
                List.of()));
        m.put("PduSessionReleaseReject", new PduSessionReleaseReject(1, 3, SmCause.PTI_ALREADY_IN_USE, null,
                List.of()));
        m.put("PduSessionReleaseCommand", new PduSessionReleaseCommand(1, 3, SmCause.REGULAR_DEACTIVATION, null, null,
                null, List.of()));
        m.put("PduSessionReleaseComplete", new PduSessionReleaseComplete(1, 3, null, null, List.of()));
        m.put("PduSessionAuthenticationCommand", new PduSessionAuthenticationCommand(1, 0,
                Octets.ofHex("0101000832050000"), null, List.of()));
        m.put("PduSessionAuthenticationComplete", new PduSessionAuthenticationComplete(1, 0,
                Octets.ofHex("0201000832050000"), null, List.of()));
        m.put("PduSessionAuthenticationResult", new PduSessionAuthenticationResult(1, 0, Octets.ofHex("03010004"),
                null, List.of()));
        m.put("SmStatus", new SmStatus(1, 0, SmCause.INVALID_PTI_VALUE));
        return m;
    }

    public static PduSessionEstablishmentRequest pduSessionEstablishmentRequest() {
        return new PduSessionEstablishmentRequest(1, 1, IntegrityProtectionMaxDataRate.full(), PduSessionType.IPV4,
                SscMode.SSC_MODE_1, null, null, Octets.ofHex("80000a00000d00"), List.of());
    }

    public static PduSessionEstablishmentAccept pduSessionEstablishmentAccept() {
        return new PduSessionEstablishmentAccept(1, 1, PduSessionType.IPV4, SscMode.SSC_MODE_1,
                List.of(QosRule.defaultMatchAll(1, 255, 1)), SessionAmbr.mbps(100, 50), null,
                PduAddress.ipv4(hex("0a2d0002")), SNssai.of(1, 0x010203), List.of(QosFlowDescription.create(1, 9)),
                null, new Dnn("internet"), List.of());
    }

    /** A rule with typed packet filters: uplink TCP to 10.0.0.0/8 port 443, downlink from port range. */
    public static QosRule tcpRule() {
        return new QosRule(2, QosRule.CREATE, false, List.of(
                new PacketFilter(PacketFilter.UPLINK, 2, List.of(new PacketFilter.Component.Ipv4(true, hex("0a000000"),
                        hex("ff000000")), new PacketFilter.Component.Protocol(6), new PacketFilter.Component.Port(true, 443))),
                new PacketFilter(PacketFilter.DOWNLINK, 3, List.of(new PacketFilter.Component.PortRange(false, 1000, 2000),
                        new PacketFilter.Component.Ipv6(true, hex("20010db8000000000000000000000001"), 64)))),
                10, false, 2);
    }
}
