package io.liquid5gc.proxy.ue;

import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.Dnn;
import io.liquid5gc.nas.ie.PduAddress;
import io.liquid5gc.nas.ie.PduSessionType;
import io.liquid5gc.nas.ie.QosFlowDescription;
import io.liquid5gc.nas.ie.QosRule;
import io.liquid5gc.nas.ie.SessionAmbr;
import io.liquid5gc.nas.ie.SscMode;
import io.liquid5gc.nas.ie.GprsTimer3;
import io.liquid5gc.nas.sm.SmCause;
import io.liquid5gc.nas.sm.SmMessage;
import io.liquid5gc.ngap.ie.AllocationAndRetentionPriority;
import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PduSessionAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.PreEmptionCapability;
import io.liquid5gc.ngap.ie.PreEmptionVulnerability;
import io.liquid5gc.ngap.ie.QosCharacteristics;
import io.liquid5gc.ngap.ie.QosFlowLevelQosParameters;
import io.liquid5gc.ngap.ie.QosFlowPerTnlInformation;
import io.liquid5gc.ngap.ie.TransportLayerAddress;
import io.liquid5gc.ngap.codec.SmTransferCodec;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupResponseTransfer;
import io.liquid5gc.ngap.transfer.SmTransfer;
import io.liquid5gc.ngap.transfer.TransferResult;
import io.liquid5gc.sbi.amf.DownlinkSm;
import io.liquid5gc.sbi.amf.UplinkSm;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.smf.PduSessionEstablishmentAccept;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupRequestTransfer;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Between the codecs' 5GSM messages and NGAP SM transfers (lib-nas, lib-ngap) and the AMF/SMF contract's content
 * (sbi-api): TS 24.501 8.3 and TS 38.413 9.3.4, so that the functions never see bytes.
 */
final class SmMapping {

    private SmMapping() {
    }

    // ---- 5GSM uplink ----

    /** The 5GSM message in an UL NAS TRANSPORT's payload container, or an {@link UplinkSm.Other} when undecodable or not handled. */
    static UplinkSm toUplink(byte[] payload) {
        if (!(NasCodec.decodeSm(payload) instanceof DecodeResult.Ok<SmMessage> ok)) {
            return new UplinkSm.Other(0, "UNDECODABLE");
        }
        return switch (ok.value()) {
            case SmMessage.PduSessionEstablishmentRequest r -> new UplinkSm.PduSessionEstablishmentRequest(r.pti(),
                    r.pduSessionType() == null ? null : r.pduSessionType().name(), r.sscMode() == null ? null : r.sscMode().name());
            case SmMessage.PduSessionReleaseRequest r -> new UplinkSm.PduSessionReleaseRequest(r.pti(), r.cause() == null ? 0 : r.cause().code);
            case SmMessage.PduSessionReleaseComplete r -> new UplinkSm.PduSessionReleaseComplete(r.pti());
            case SmMessage.PduSessionModificationRequest r -> new UplinkSm.PduSessionModificationRequest(r.pti());
            case SmMessage.PduSessionModificationComplete r -> new UplinkSm.PduSessionModificationComplete(r.pti());
            case SmMessage m -> new UplinkSm.Other(m.pti(), m.type().name());
        };
    }

    // ---- 5GSM downlink ----

    static byte[] encode(int pduSessionId, DownlinkSm m) {
        SmMessage sm = switch (m) {
            case DownlinkSm.EstablishmentAccept a -> establishmentAccept(pduSessionId, a.pti(), a.accept());
            case DownlinkSm.EstablishmentReject r -> new SmMessage.PduSessionEstablishmentReject(pduSessionId, r.pti(), SmCause.fromCode(r.cause()),
                    r.backOffTimerSeconds() == null ? null : GprsTimer3.seconds(r.backOffTimerSeconds()), null, null, List.of());
            case DownlinkSm.ReleaseCommand c -> new SmMessage.PduSessionReleaseCommand(pduSessionId, c.pti(), SmCause.fromCode(c.cause()),
                    null, null, null, List.of());
            case DownlinkSm.ReleaseReject r -> new SmMessage.PduSessionReleaseReject(pduSessionId, r.pti(), SmCause.fromCode(r.cause()), null, List.of());
            case DownlinkSm.ModificationCommand c -> new SmMessage.PduSessionModificationCommand(pduSessionId, c.pti(), null,
                    c.command().sessionAmbr() == null ? null : sessionAmbr(c.command().sessionAmbr()), qosRules(c.command().authorizedQosRules()),
                    c.command().authorizedQosFlowDescriptions().stream().map(f -> QosFlowDescription.create(f.qfi(), f.fiveQi())).toList(), null, List.of());
            case DownlinkSm.ModificationReject r -> new SmMessage.PduSessionModificationReject(pduSessionId, r.pti(), SmCause.fromCode(r.cause()),
                    null, null, List.of());
        };
        return NasCodec.encode(sm);
    }

    /** TS 24.501 8.3.2 from the SMF's content. */
    static SmMessage.PduSessionEstablishmentAccept establishmentAccept(int pduSessionId, int pti, PduSessionEstablishmentAccept a) {
        List<QosRule> rules = qosRules(a.authorizedQosRules());
        List<QosFlowDescription> flows = a.authorizedQosFlowDescriptions() == null ? null
                : a.authorizedQosFlowDescriptions().stream().map(f -> QosFlowDescription.create(f.qfi(), f.fiveQi())).toList();
        PduAddress address = a.pduAddress() == null || a.pduAddress().ipv4Addr() == null ? null : PduAddress.ipv4(ipv4(a.pduAddress().ipv4Addr()));
        return new SmMessage.PduSessionEstablishmentAccept(pduSessionId, pti, PduSessionType.valueOf(a.selectedPduSessionType()),
                a.selectedSscMode() == null ? SscMode.SSC_MODE_1 : SscMode.valueOf(a.selectedSscMode()), rules, sessionAmbr(a.sessionAmbr()),
                a.cause5gsm() == null ? null : SmCause.fromCode(a.cause5gsm()), address,
                a.sNssai() == null ? null : NasMapping.sNssai(a.sNssai()), flows, null, a.dnn() == null ? null : new Dnn(a.dnn()), List.of());
    }

    /** TS 24.501 9.11.4.13 from the SMF's rules: the default rule matches all; others carry their first filter as match-all. */
    static List<QosRule> qosRules(List<io.liquid5gc.sbi.smf.QosRule> authorized) {
        List<QosRule> rules = new ArrayList<>();
        for (io.liquid5gc.sbi.smf.QosRule r : authorized) {
            rules.add(r.defaultQosRule() || r.packetFilters() == null || r.packetFilters().isEmpty()
                    ? QosRule.defaultMatchAll(r.qosRuleIdentifier(), r.precedence(), r.qfi())
                    : new QosRule(r.qosRuleIdentifier(), QosRule.CREATE, false,
                            List.of(io.liquid5gc.nas.ie.PacketFilter.matchAll(r.packetFilters().getFirst().packetFilterIdentifier())),
                            r.precedence(), false, r.qfi()));
        }
        return rules;
    }

    /** TS 24.501 9.11.4.14: the finest unit (1 kbps, 1 Mbps, 1 Gbps, 1 Tbps) whose 16-bit value holds the rate, rounded up. */
    static SessionAmbr sessionAmbr(Ambr ambr) {
        long[] dl = ambrUnit(ambr.downlinkBps());
        long[] ul = ambrUnit(ambr.uplinkBps());
        return new SessionAmbr((int) dl[0], (int) dl[1], (int) ul[0], (int) ul[1]);
    }

    private static long[] ambrUnit(long bps) {
        int[] units = {SessionAmbr.UNIT_KBPS, SessionAmbr.UNIT_MBPS, SessionAmbr.UNIT_GBPS, 16};
        long scale = 1000;
        for (int unit : units) {
            long value = (bps + scale - 1) / scale;
            if (value <= 0xFFFF) {
                return new long[] {unit, value};
            }
            scale *= 1000;
        }
        return new long[] {16, 0xFFFF};
    }

    // ---- NGAP SM transfers ----

    /** TS 38.413 9.3.4.1 from the SMF's content. */
    static Octets setupRequestTransfer(PduSessionResourceSetupRequestTransfer t) {
        List<io.liquid5gc.ngap.ie.QosFlowSetupRequestItem> flows = t.qosFlowSetupRequestList().stream()
                .map(f -> new io.liquid5gc.ngap.ie.QosFlowSetupRequestItem(f.qosFlowIdentifier(), new QosFlowLevelQosParameters(
                        QosCharacteristics.NonDynamic.of(f.fiveQi()), new AllocationAndRetentionPriority(f.arp().priorityLevel(),
                        "MAY_PREEMPT".equals(f.arp().preemptCap()) ? PreEmptionCapability.MAY_TRIGGER_PRE_EMPTION : PreEmptionCapability.SHALL_NOT_TRIGGER_PRE_EMPTION,
                        "PREEMPTABLE".equals(f.arp().preemptVuln()) ? PreEmptionVulnerability.PRE_EMPTABLE : PreEmptionVulnerability.NOT_PRE_EMPTABLE))))
                .toList();
        Ambr ambr = t.pduSessionAggregateMaximumBitRate();
        var transfer = new io.liquid5gc.ngap.transfer.PduSessionResourceSetupRequestTransfer(
                ambr == null ? null : new PduSessionAggregateMaximumBitRate(ambr.downlinkBps(), ambr.uplinkBps()),
                tunnel(t.ulNguUpTnlInformation()), false, io.liquid5gc.ngap.ie.PduSessionType.valueOf(t.pduSessionType()), null, -1, flows, List.of());
        return SmTransferCodec.encode(transfer);
    }

    /** TS 38.413 9.3.4.3 PDU Session Resource Modify Request Transfer: the session AMBR and the QoS flows to add or modify. */
    static Octets modifyRequestTransfer(PduSessionResourceSetupRequestTransfer qos) {
        Octets setup = setupRequestTransfer(qos);
        // decoding what was just encoded here cannot fail unless the codec is broken: that is a bug, not input
        var decoded = switch (decode(io.liquid5gc.ngap.transfer.PduSessionResourceSetupRequestTransfer.class, setup)) {
            case TransferResult.Ok<io.liquid5gc.ngap.transfer.PduSessionResourceSetupRequestTransfer> ok -> ok.value();
            case TransferResult.Error<io.liquid5gc.ngap.transfer.PduSessionResourceSetupRequestTransfer> err ->
                    throw new IllegalStateException("the setup request transfer built here does not decode: " + err.detail());
        };
        return SmTransferCodec.encode(new io.liquid5gc.ngap.transfer.PduSessionResourceModifyRequestTransfer(decoded.pduSessionAmbr(), null, -1,
                decoded.qosFlows(), null, List.of()));
    }

    /** TS 38.413 9.3.4.2 to the SMF's content: the downlink tunnel, the flows set up and those that failed. */
    static io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer setupResponseTransfer(PduSessionResourceSetupResponseTransfer t) {
        QosFlowPerTnlInformation dl = t.dlQosFlowPerTnlInformation();
        return new io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer(upTnl(dl.tunnel()),
                dl.flows().stream().map(f -> f.qosFlowIdentifier()).toList(),
                t.qosFlowsFailedToSetup() == null ? List.of() : t.qosFlowsFailedToSetup().stream().map(f -> f.qosFlowIdentifier()).toList());
    }

    /**
     * A transfer container of a gNB's message, decoded: the value, or an error naming the transfer and what is wrong
     * (absent counts as transfer-syntax-error). Never an exception: the callers decide per session.
     */
    static <T extends SmTransfer> TransferResult<T> decode(Class<T> type, Octets octets) {
        if (octets == null) {
            return new TransferResult.Error<>(io.liquid5gc.ngap.ie.CauseProtocol.TRANSFER_SYNTAX_ERROR, "no " + type.getSimpleName());
        }
        return switch (SmTransferCodec.decode(type, octets)) {
            case TransferResult.Ok<T> ok -> ok;
            case TransferResult.Error<T> err -> new TransferResult.Error<>(err.cause(), type.getSimpleName() + ": " + err.detail());
        };
    }

    static GtpTunnel tunnel(UpTransportLayerInformation t) {
        return new GtpTunnel(TransportLayerAddress.of(inet(t.transportLayerAddress())), (int) t.teid());
    }

    static UpTransportLayerInformation upTnl(GtpTunnel t) {
        InetAddress a = t.address().toInetAddress();
        return UpTransportLayerInformation.of(a == null ? "0.0.0.0" : a.getHostAddress(), t.teid() & 0xFFFFFFFFL);
    }

    private static byte[] ipv4(String dotted) {
        return inet(dotted).getAddress();
    }

    private static InetAddress inet(String literal) {
        try {
            return InetAddress.ofLiteral(literal);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IP address literal: " + literal, e);
        }
    }
}
