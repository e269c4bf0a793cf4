package io.liquid5gc.proxy.ue;

import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import io.liquid5gc.ngap.transfer.HandoverRequestAcknowledgeTransfer;
import io.liquid5gc.ngap.transfer.PathSwitchRequestTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupUnsuccessfulTransfer;
import io.liquid5gc.ngap.transfer.TransferResult;
import io.liquid5gc.proxy.n2.RanLink;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeLocation;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** From the PDU session items and location IEs of UE-associated NGAP (TS 38.413 9.3) to the AMF's N2 events. */
final class N2Items {

    private static final Logger log = LoggerFactory.getLogger(N2Items.class);

    private N2Items() {
    }

    /** The sessions a gNB set up, from their setup response transfers; an undecodable transfer is left out and counted. */
    static List<UeN2Event.SetUpSession> setUp(UeN2 ue, List<PduSessionItem> items, UeMetrics metrics) {
        List<UeN2Event.SetUpSession> out = new ArrayList<>();
        for (PduSessionItem item : nz(items)) {
            switch (SmMapping.decode(io.liquid5gc.ngap.transfer.PduSessionResourceSetupResponseTransfer.class, item.transfer())) {
                case TransferResult.Ok<io.liquid5gc.ngap.transfer.PduSessionResourceSetupResponseTransfer> ok ->
                        out.add(new UeN2Event.SetUpSession(item.pduSessionId(), SmMapping.setupResponseTransfer(ok.value())));
                case TransferResult.Error<io.liquid5gc.ngap.transfer.PduSessionResourceSetupResponseTransfer> err -> {
                    log.warn("{}: PDU session {}: undecodable setup response transfer: {}", ue, item.pduSessionId(), err.detail());
                    metrics.count("transfer_undecodable");
                }
            }
        }
        return out;
    }

    /**
     * The sessions a gNB failed to set up, with the cause of their unsuccessful transfer (TS 38.413 9.3.4.16):
     * radioNetwork unspecified without a transfer, protocol transfer-syntax-error for an undecodable one.
     */
    static List<UeN2Event.FailedSession> failed(List<PduSessionItem> items) {
        List<UeN2Event.FailedSession> out = new ArrayList<>();
        for (PduSessionItem item : nz(items)) {
            out.add(new UeN2Event.FailedSession(item.pduSessionId(), unsuccessfulCause(item)));
        }
        return out;
    }

    private static NgapCause unsuccessfulCause(PduSessionItem item) {
        if (item.transfer() == null) {
            return NgapCause.RADIO_NETWORK_UNSPECIFIED;
        }
        return switch (SmMapping.decode(PduSessionResourceSetupUnsuccessfulTransfer.class, item.transfer())) {
            case TransferResult.Ok<PduSessionResourceSetupUnsuccessfulTransfer> ok -> NgapCauses.received(ok.value().cause());
            case TransferResult.Error<PduSessionResourceSetupUnsuccessfulTransfer> err -> NgapCause.PROTOCOL_TRANSFER_SYNTAX_ERROR;
        };
    }

    /** The sessions a handover target admitted (TS 38.413 9.3.4.11 Handover Request Acknowledge Transfer). */
    static List<UeN2Event.SetUpSession> admitted(UeN2 ue, List<PduSessionItem> items) {
        List<UeN2Event.SetUpSession> out = new ArrayList<>();
        for (PduSessionItem item : nz(items)) {
            switch (SmMapping.decode(HandoverRequestAcknowledgeTransfer.class, item.transfer())) {
                case TransferResult.Ok<HandoverRequestAcknowledgeTransfer> ok -> {
                    var t = ok.value();
                    // the target's DL forwarding tunnel, where it accepts indirect data forwarding (TS 38.413 9.3.4.11)
                    out.add(new UeN2Event.SetUpSession(item.pduSessionId(), new PduSessionResourceSetupResponseTransfer(
                            SmMapping.upTnl(t.dlNguUpTnlInformation()),
                            t.qosFlowsSetup() == null ? List.of() : t.qosFlowsSetup().stream().map(f -> f.qosFlowIdentifier()).toList(), List.of(),
                            t.dlForwardingUpTnlInformation() == null ? null : SmMapping.upTnl(t.dlForwardingUpTnlInformation()))));
                }
                case TransferResult.Error<HandoverRequestAcknowledgeTransfer> err ->
                        log.warn("{}: PDU session {}: undecodable handover request acknowledge transfer: {}", ue, item.pduSessionId(), err.detail());
            }
        }
        return out;
    }

    /** The sessions a path switch moves (TS 38.413 9.3.4.8 Path Switch Request Transfer). */
    static List<UeN2Event.SetUpSession> switched(UeN2 ue, List<PduSessionItem> items) {
        List<UeN2Event.SetUpSession> out = new ArrayList<>();
        for (PduSessionItem item : nz(items)) {
            switch (SmMapping.decode(PathSwitchRequestTransfer.class, item.transfer())) {
                case TransferResult.Ok<PathSwitchRequestTransfer> ok -> out.add(new UeN2Event.SetUpSession(item.pduSessionId(),
                        new PduSessionResourceSetupResponseTransfer(SmMapping.upTnl(ok.value().dlNguUpTnlInformation()),
                                nz(ok.value().qosFlowsAccepted()), List.of())));
                case TransferResult.Error<PathSwitchRequestTransfer> err ->
                        log.warn("{}: PDU session {}: undecodable path switch request transfer: {}", ue, item.pduSessionId(), err.detail());
            }
        }
        return out;
    }

    /** Failed sessions without a cause the proxy reads (handover, path switch). */
    static List<UeN2Event.FailedSession> failedUnspecified(List<PduSessionItem> items) {
        return nz(items).stream().map(i -> new UeN2Event.FailedSession(i.pduSessionId(), NgapCause.RADIO_NETWORK_UNSPECIFIED)).toList();
    }

    /** The codec gives null for an absent optional list. */
    static <T> List<T> nz(List<T> list) {
        return list == null ? List.of() : list;
    }

    static List<Integer> ids(List<PduSessionItem> items) {
        return nz(items).stream().map(PduSessionItem::pduSessionId).toList();
    }

    /** The UE's location from an NR User Location Information (TS 38.413 9.3.1.16), or null for another access. */
    static UeLocation location(UserLocationInformation uli, RanLink ran) {
        if (uli instanceof UserLocationInformation.Nr nr) {
            return new UeLocation(new PlmnId(nr.tai().plmn().mcc(), nr.tai().plmn().mnc()), nr.tai().tac(),
                    String.format(Locale.ROOT, "%09x", nr.nrCgi().cellIdentity()), ran.describe());
        }
        return null;
    }
}
