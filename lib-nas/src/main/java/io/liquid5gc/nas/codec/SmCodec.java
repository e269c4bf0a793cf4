package io.liquid5gc.nas.codec;

import io.liquid5gc.nas.ie.Dnn;
import io.liquid5gc.nas.ie.GprsTimer3;
import io.liquid5gc.nas.ie.IntegrityProtectionMaxDataRate;
import io.liquid5gc.nas.ie.Octets;
import io.liquid5gc.nas.ie.PduAddress;
import io.liquid5gc.nas.ie.PduSessionType;
import io.liquid5gc.nas.ie.QosFlowDescription;
import io.liquid5gc.nas.ie.QosRule;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.ie.SessionAmbr;
import io.liquid5gc.nas.ie.SscMode;
import io.liquid5gc.nas.sm.SmCause;
import io.liquid5gc.nas.sm.SmMessage;
import io.liquid5gc.nas.sm.SmMessage.*;
import io.liquid5gc.nas.sm.SmMessageType;
import java.util.List;

/** Conversion between plain 5GSM message bodies (TS 24.501 8.3) and octets. */
final class SmCodec {
    private SmCodec() {
    }

    /** TS 24.501 Table 8.3.1.1.1. */
    static final IeTable ESTABLISHMENT_REQUEST = IeTable.of().tv1(0x90).tv1(0xA0).tlv(0x28).tv(0x55, 3).tv1(0xB0)
            .tlv(0x39).tlve(0x7B).tlv(0x66).tlv(0x6E).tlv(0x6F).tlve(0x7C).tlv(0x1F).tlv(0x29).tlve(0x72)
            .tlve(0x70).tlv(0x34).tlv(0x35);
    /** TS 24.501 Table 8.3.2.1.1. */
    static final IeTable ESTABLISHMENT_ACCEPT = IeTable.of().tv(0x59, 2).tlv(0x29).tv(0x56, 2).tlv(0x22).tv1(0x80)
            .tlve(0x75).tlve(0x78).tlve(0x79).tlve(0x7B).tlv(0x25).tlv(0x17).tlv(0x18).tlve(0x77).tv1(0xC0)
            .tlv(0x66).tlv(0x1F).tlve(0x72).tlve(0x71);
    /** TS 24.501 Table 8.3.3.1.1. */
    static final IeTable ESTABLISHMENT_REJECT = IeTable.of().tlv(0x37).tv1(0xF0).tlve(0x78).tlv(0x61).tlve(0x7B)
            .tlv(0x1D).tlve(0x72);
    /** TS 24.501 Table 8.3.7.1.1. */
    static final IeTable MODIFICATION_REQUEST = IeTable.of().tlv(0x28).tv(0x59, 2).tv(0x55, 3).tv1(0xB0)
            .tv(0x13, 3).tlve(0x7A).tlve(0x79).tlve(0x75).tlve(0x7B).tlve(0x7C).tlv(0x66).tlv(0x1F).tlve(0x70)
            .tlve(0x72);
    /** TS 24.501 Table 8.3.8.1.1. */
    static final IeTable MODIFICATION_REJECT = IeTable.of().tlv(0x37).tlv(0x61).tlve(0x7B).tlv(0x1D);
    /** TS 24.501 Table 8.3.9.1.1. */
    static final IeTable MODIFICATION_COMMAND = IeTable.of().tv(0x59, 2).tlv(0x2A).tv(0x56, 2).tv1(0x80)
            .tlve(0x7A).tlve(0x75).tlve(0x79).tlve(0x7B).tlve(0x77).tlv(0x66).tlve(0x7C).tlv(0x1E).tlv(0x1F)
            .tlve(0x71).tlve(0x72);
    /** TS 24.501 Table 8.3.10.1.1. */
    static final IeTable MODIFICATION_COMPLETE = IeTable.of().tlve(0x7B).tlve(0x7C);
    /** TS 24.501 Tables 8.3.11.1.1, 8.3.13.1.1. */
    static final IeTable EPCO_ONLY = IeTable.of().tlve(0x7B);
    /** TS 24.501 Tables 8.3.12.1.1, 8.3.15.1.1. */
    static final IeTable CAUSE_EPCO = IeTable.of().tv(0x59, 2).tlve(0x7B);
    /** TS 24.501 Table 8.3.14.1.1. */
    static final IeTable RELEASE_COMMAND = IeTable.of().tlv(0x37).tlve(0x78).tlv(0x61).tlve(0x7B).tv1(0xD0)
            .tlve(0x72);
    static final IeTable EMPTY = IeTable.of();
    /** TS 24.501 Table 8.3.6.1.1. */
    static final IeTable AUTHENTICATION_RESULT = IeTable.of().tlve(0x78).tlve(0x7B);

    private static SmCause cause(NasReader r) throws NasDecodeException {
        return SmCause.fromCode(r.u8());
    }

    private static void encodeCause(SmCause c, NasWriter w) {
        w.u8(c.code);
    }

    /** Maximum number of supported packet filters, TS 24.501 9.11.4.9: 11 bits in 2 octets. */
    private static Integer maxPacketFilters(NasReader r) throws NasDecodeException {
        int v = r.u16();
        return v >> 5;
    }

    private static void encodeMaxPacketFilters(Integer v, NasWriter w) {
        w.u16((v & 0x7FF) << 5);
    }

    static SmMessage decodeBody(SmMessageType type, int psi, int pti, NasReader r) throws NasDecodeException {
        return switch (type) {
            case PDU_SESSION_ESTABLISHMENT_REQUEST -> {
                IntegrityProtectionMaxDataRate ip = IntegrityProtectionMaxDataRate.decode(r);
                OptionalIes o = ESTABLISHMENT_REQUEST.parse(r);
                int pst = o.takeHalf(0x90);
                int ssc = o.takeHalf(0xA0);
                yield new PduSessionEstablishmentRequest(psi, pti, ip, pst < 0 ? null : PduSessionType.fromCode(pst),
                        ssc < 0 ? null : SscMode.fromCode(ssc), o.take(0x28, Octets::decode),
                        o.take(0x55, SmCodec::maxPacketFilters), o.take(0x7B, Octets::decode), o.rest());
            }
            case PDU_SESSION_ESTABLISHMENT_ACCEPT -> {
                int oct = r.u8();
                PduSessionType pst = PduSessionType.fromCode(oct & 0x07);
                SscMode ssc = SscMode.fromCode((oct >> 4) & 0x07);
                List<QosRule> rules = QosRule.decodeList(r.lve());
                NasReader ambr = r.lv();
                if (ambr.remaining() != 6) {
                    throw NasReader.invalid("session AMBR length");
                }
                SessionAmbr a = SessionAmbr.decode(ambr);
                OptionalIes o = ESTABLISHMENT_ACCEPT.parse(r);
                yield new PduSessionEstablishmentAccept(psi, pti, pst, ssc, rules, a, o.take(0x59, SmCodec::cause),
                        o.take(0x29, PduAddress::decode), o.take(0x22, SNssai::decode),
                        o.take(0x79, QosFlowDescription::decodeList), o.take(0x7B, Octets::decode),
                        o.take(0x25, Dnn::decode), o.rest());
            }
            case PDU_SESSION_ESTABLISHMENT_REJECT -> {
                SmCause c = cause(r);
                OptionalIes o = ESTABLISHMENT_REJECT.parse(r);
                yield new PduSessionEstablishmentReject(psi, pti, c, o.take(0x37, GprsTimer3::decode),
                        o.take(0x78, Octets::decode), o.take(0x7B, Octets::decode), o.rest());
            }
            case PDU_SESSION_MODIFICATION_REQUEST -> {
                OptionalIes o = MODIFICATION_REQUEST.parse(r);
                yield new PduSessionModificationRequest(psi, pti, o.take(0x28, Octets::decode),
                        o.take(0x59, SmCodec::cause), o.take(0x55, SmCodec::maxPacketFilters),
                        o.take(0x13, IntegrityProtectionMaxDataRate::decode), o.take(0x7A, QosRule::decodeList),
                        o.take(0x79, QosFlowDescription::decodeList), o.take(0x7B, Octets::decode), o.rest());
            }
            case PDU_SESSION_MODIFICATION_REJECT -> {
                SmCause c = cause(r);
                OptionalIes o = MODIFICATION_REJECT.parse(r);
                yield new PduSessionModificationReject(psi, pti, c, o.take(0x37, GprsTimer3::decode),
                        o.take(0x7B, Octets::decode), o.rest());
            }
            case PDU_SESSION_MODIFICATION_COMMAND -> {
                OptionalIes o = MODIFICATION_COMMAND.parse(r);
                yield new PduSessionModificationCommand(psi, pti, o.take(0x59, SmCodec::cause),
                        o.take(0x2A, SessionAmbr::decode), o.take(0x7A, QosRule::decodeList),
                        o.take(0x79, QosFlowDescription::decodeList), o.take(0x7B, Octets::decode), o.rest());
            }
            case PDU_SESSION_MODIFICATION_COMPLETE -> {
                OptionalIes o = MODIFICATION_COMPLETE.parse(r);
                yield new PduSessionModificationComplete(psi, pti, o.take(0x7B, Octets::decode), o.rest());
            }
            case PDU_SESSION_MODIFICATION_COMMAND_REJECT -> {
                SmCause c = cause(r);
                OptionalIes o = EPCO_ONLY.parse(r);
                yield new PduSessionModificationCommandReject(psi, pti, c, o.take(0x7B, Octets::decode), o.rest());
            }
            case PDU_SESSION_RELEASE_REQUEST -> {
                OptionalIes o = CAUSE_EPCO.parse(r);
                yield new PduSessionReleaseRequest(psi, pti, o.take(0x59, SmCodec::cause), o.take(0x7B, Octets::decode),
                        o.rest());
            }
            case PDU_SESSION_RELEASE_REJECT -> {
                SmCause c = cause(r);
                OptionalIes o = EPCO_ONLY.parse(r);
                yield new PduSessionReleaseReject(psi, pti, c, o.take(0x7B, Octets::decode), o.rest());
            }
            case PDU_SESSION_RELEASE_COMMAND -> {
                SmCause c = cause(r);
                OptionalIes o = RELEASE_COMMAND.parse(r);
                yield new PduSessionReleaseCommand(psi, pti, c, o.take(0x37, GprsTimer3::decode),
                        o.take(0x78, Octets::decode), o.take(0x7B, Octets::decode), o.rest());
            }
            case PDU_SESSION_RELEASE_COMPLETE -> {
                OptionalIes o = CAUSE_EPCO.parse(r);
                yield new PduSessionReleaseComplete(psi, pti, o.take(0x59, SmCodec::cause),
                        o.take(0x7B, Octets::decode), o.rest());
            }
            case SM_STATUS -> {
                SmCause c = cause(r);
                EMPTY.parse(r);
                yield new SmStatus(psi, pti, c);
            }
            case PDU_SESSION_AUTHENTICATION_COMMAND, PDU_SESSION_AUTHENTICATION_COMPLETE -> {
                // TS 24.501 8.3.4, 8.3.5: EAP message (LV-E), optional ePCO
                Octets eap = Octets.decode(r.lve());
                OptionalIes o = EPCO_ONLY.parse(r);
                Octets epco = o.take(0x7B, Octets::decode);
                yield type == SmMessageType.PDU_SESSION_AUTHENTICATION_COMMAND
                        ? new PduSessionAuthenticationCommand(psi, pti, eap, epco, o.rest())
                        : new PduSessionAuthenticationComplete(psi, pti, eap, epco, o.rest());
            }
            case PDU_SESSION_AUTHENTICATION_RESULT -> {
                OptionalIes o = AUTHENTICATION_RESULT.parse(r);
                yield new PduSessionAuthenticationResult(psi, pti, o.take(0x78, Octets::decode),
                        o.take(0x7B, Octets::decode), o.rest());
            }
            default -> new Unknown(psi, pti, type.code, r.rest());
        };
    }

    static void encodeBody(SmMessage m, NasWriter w) {
        switch (m) {
            case PduSessionEstablishmentRequest x -> {
                x.integrityProtectionMaxDataRate().encode(w);
                new OptionalIeWriter(w, ESTABLISHMENT_REQUEST, x.otherIes())
                        .tv1(0x90, x.pduSessionType() == null ? -1 : x.pduSessionType().code)
                        .tv1(0xA0, x.sscMode() == null ? -1 : x.sscMode().code)
                        .tlv(0x28, x.smCapability(), Octets::encode)
                        .tv(0x55, x.maxSupportedPacketFilters(), SmCodec::encodeMaxPacketFilters)
                        .tlve(0x7B, x.extendedPco(), Octets::encode)
                        .finish();
            }
            case PduSessionEstablishmentAccept x -> {
                w.u8((x.sscMode().code << 4) | x.pduSessionType().code);
                int m1 = w.beginLen16();
                QosRule.encodeList(x.authorizedQosRules(), w);
                w.endLen16(m1);
                w.u8(6);
                x.sessionAmbr().encode(w);
                new OptionalIeWriter(w, ESTABLISHMENT_ACCEPT, x.otherIes())
                        .tv(0x59, x.cause(), SmCodec::encodeCause)
                        .tlv(0x29, x.pduAddress(), PduAddress::encode)
                        .tlv(0x22, x.sNssai(), SNssai::encode)
                        .tlve(0x79, x.authorizedQosFlowDescriptions(), QosFlowDescription::encodeList)
                        .tlve(0x7B, x.extendedPco(), Octets::encode)
                        .tlv(0x25, x.dnn(), Dnn::encode)
                        .finish();
            }
            case PduSessionEstablishmentReject x -> {
                w.u8(x.cause().code);
                new OptionalIeWriter(w, ESTABLISHMENT_REJECT, x.otherIes())
                        .tlv(0x37, x.backOffTimer(), GprsTimer3::encode)
                        .tlve(0x78, x.eapMessage(), Octets::encode)
                        .tlve(0x7B, x.extendedPco(), Octets::encode)
                        .finish();
            }
            case PduSessionModificationRequest x -> new OptionalIeWriter(w, MODIFICATION_REQUEST, x.otherIes())
                    .tlv(0x28, x.smCapability(), Octets::encode)
                    .tv(0x59, x.cause(), SmCodec::encodeCause)
                    .tv(0x55, x.maxSupportedPacketFilters(), SmCodec::encodeMaxPacketFilters)
                    .tv(0x13, x.integrityProtectionMaxDataRate(), IntegrityProtectionMaxDataRate::encode)
                    .tlve(0x7A, x.requestedQosRules(), QosRule::encodeList)
                    .tlve(0x79, x.requestedQosFlowDescriptions(), QosFlowDescription::encodeList)
                    .tlve(0x7B, x.extendedPco(), Octets::encode)
                    .finish();
            case PduSessionModificationReject x -> {
                w.u8(x.cause().code);
                new OptionalIeWriter(w, MODIFICATION_REJECT, x.otherIes())
                        .tlv(0x37, x.backOffTimer(), GprsTimer3::encode)
                        .tlve(0x7B, x.extendedPco(), Octets::encode)
                        .finish();
            }
            case PduSessionModificationCommand x -> new OptionalIeWriter(w, MODIFICATION_COMMAND, x.otherIes())
                    .tv(0x59, x.cause(), SmCodec::encodeCause)
                    .tlv(0x2A, x.sessionAmbr(), SessionAmbr::encode)
                    .tlve(0x7A, x.authorizedQosRules(), QosRule::encodeList)
                    .tlve(0x79, x.authorizedQosFlowDescriptions(), QosFlowDescription::encodeList)
                    .tlve(0x7B, x.extendedPco(), Octets::encode)
                    .finish();
            case PduSessionModificationComplete x -> new OptionalIeWriter(w, MODIFICATION_COMPLETE, x.otherIes())
                    .tlve(0x7B, x.extendedPco(), Octets::encode).finish();
            case PduSessionModificationCommandReject x -> {
                w.u8(x.cause().code);
                new OptionalIeWriter(w, EPCO_ONLY, x.otherIes()).tlve(0x7B, x.extendedPco(), Octets::encode).finish();
            }
            case PduSessionReleaseRequest x -> new OptionalIeWriter(w, CAUSE_EPCO, x.otherIes())
                    .tv(0x59, x.cause(), SmCodec::encodeCause)
                    .tlve(0x7B, x.extendedPco(), Octets::encode)
                    .finish();
            case PduSessionReleaseReject x -> {
                w.u8(x.cause().code);
                new OptionalIeWriter(w, EPCO_ONLY, x.otherIes()).tlve(0x7B, x.extendedPco(), Octets::encode).finish();
            }
            case PduSessionReleaseCommand x -> {
                w.u8(x.cause().code);
                new OptionalIeWriter(w, RELEASE_COMMAND, x.otherIes())
                        .tlv(0x37, x.backOffTimer(), GprsTimer3::encode)
                        .tlve(0x78, x.eapMessage(), Octets::encode)
                        .tlve(0x7B, x.extendedPco(), Octets::encode)
                        .finish();
            }
            case PduSessionReleaseComplete x -> new OptionalIeWriter(w, CAUSE_EPCO, x.otherIes())
                    .tv(0x59, x.cause(), SmCodec::encodeCause)
                    .tlve(0x7B, x.extendedPco(), Octets::encode)
                    .finish();
            case SmStatus x -> w.u8(x.cause().code);
            case PduSessionAuthenticationCommand x -> {
                w.u16(x.eapMessage().length()).bytes(x.eapMessage().value());
                new OptionalIeWriter(w, EPCO_ONLY, x.otherIes()).tlve(0x7B, x.extendedPco(), Octets::encode).finish();
            }
            case PduSessionAuthenticationComplete x -> {
                w.u16(x.eapMessage().length()).bytes(x.eapMessage().value());
                new OptionalIeWriter(w, EPCO_ONLY, x.otherIes()).tlve(0x7B, x.extendedPco(), Octets::encode).finish();
            }
            case PduSessionAuthenticationResult x -> new OptionalIeWriter(w, AUTHENTICATION_RESULT, x.otherIes())
                    .tlve(0x78, x.eapMessage(), Octets::encode)
                    .tlve(0x7B, x.extendedPco(), Octets::encode)
                    .finish();
            case Unknown x -> w.bytes(x.body());
        }
    }
}
