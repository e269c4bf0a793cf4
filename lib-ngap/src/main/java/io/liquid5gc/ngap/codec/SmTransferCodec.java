package io.liquid5gc.ngap.codec;

import static io.liquid5gc.ngap.codec.IeSpec.mandatory;
import static io.liquid5gc.ngap.codec.IeSpec.optional;
import static io.liquid5gc.ngap.ie.Criticality.IGNORE;
import static io.liquid5gc.ngap.ie.Criticality.REJECT;

import io.liquid5gc.ngap.aper.AperException;
import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CauseProtocol;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.QosFlowPerTnlInformation;
import io.liquid5gc.ngap.ie.QosFlowWithCause;
import io.liquid5gc.ngap.ie.SecurityIndication;
import io.liquid5gc.ngap.ie.SecurityResult;
import io.liquid5gc.ngap.transfer.DataForwardingDrb;
import io.liquid5gc.ngap.transfer.HandoverCommandTransfer;
import io.liquid5gc.ngap.transfer.HandoverRequestAcknowledgeTransfer;
import io.liquid5gc.ngap.transfer.HandoverRequiredTransfer;
import io.liquid5gc.ngap.transfer.PathSwitchRequestAcknowledgeTransfer;
import io.liquid5gc.ngap.transfer.PathSwitchRequestTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceModifyRequestTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceModifyResponseTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceReleaseCommandTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceReleaseResponseTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupRequestTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupResponseTransfer;
import io.liquid5gc.ngap.transfer.PathSwitchRequestUnsuccessfulTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupUnsuccessfulTransfer;
import io.liquid5gc.ngap.transfer.QosFlowWithDataForwarding;
import io.liquid5gc.ngap.transfer.SmTransfer;
import io.liquid5gc.ngap.transfer.TransferResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Codec of the SM transfer containers (TS 38.413 9.3.4), the contents of the OCTET STRING (CONTAINING ...)
 * fields of PDU session resource items. {@code decode} is total like {@link io.liquid5gc.ngap.NgapCodec}.
 * Extension containers and extension additions inside the transfers are skipped (not preserved).
 */
public final class SmTransferCodec {
    private SmTransferCodec() {
    }

    // ---- the two ProtocolIE-Container transfers
    static final ContainerDescriptor<PduSessionResourceSetupRequestTransfer> SETUP_REQUEST = new ContainerDescriptor<>(
            PduSessionResourceSetupRequestTransfer.class, null, null,
            s -> new PduSessionResourceSetupRequestTransfer(s.o(0), s.o(1), s.flag(1), s.o(2), s.o(3), s.l(0), s.o(4), s.raw()),
            (t, s) -> s.o(0, t.pduSessionAmbr()).o(1, t.ulNguUpTnlInformation()).flag(1, t.dataForwardingNotPossible())
                    .o(2, t.pduSessionType()).o(3, t.securityIndication()).l(0, t.networkInstance()).o(4, t.qosFlows()),
            optional(IeIds.PDU_SESSION_AGGREGATE_MAXIMUM_BIT_RATE, REJECT, 0, UeContextIes.PDU_SESSION_AMBR),
            mandatory(IeIds.UL_NGU_UP_TNL_INFORMATION, REJECT, 1, QosIes.UP_TRANSPORT_LAYER_INFORMATION),
            optional(IeIds.DATA_FORWARDING_NOT_POSSIBLE, REJECT, 1, Codecs.FLAG),
            mandatory(IeIds.PDU_SESSION_TYPE, REJECT, 2, Ies.PDU_SESSION_TYPE),
            optional(IeIds.SECURITY_INDICATION, REJECT, 3, QosIes.SECURITY_INDICATION),
            optional(IeIds.NETWORK_INSTANCE, REJECT, 0, Ies.NETWORK_INSTANCE),
            mandatory(IeIds.QOS_FLOW_SETUP_REQUEST_LIST, REJECT, 4, QosIes.QOS_FLOW_SETUP_REQUEST_LIST));

    static final ContainerDescriptor<PduSessionResourceModifyRequestTransfer> MODIFY_REQUEST = new ContainerDescriptor<>(
            PduSessionResourceModifyRequestTransfer.class, null, null,
            s -> new PduSessionResourceModifyRequestTransfer(s.o(0), s.o(1), s.l(0), s.o(2), s.o(3), s.raw()),
            (t, s) -> s.o(0, t.pduSessionAmbr()).o(1, t.ulNguUpTnlModifyList()).l(0, t.networkInstance())
                    .o(2, t.qosFlowsToAddOrModify()).o(3, t.qosFlowsToRelease()),
            optional(IeIds.PDU_SESSION_AGGREGATE_MAXIMUM_BIT_RATE, REJECT, 0, UeContextIes.PDU_SESSION_AMBR),
            optional(IeIds.UL_NGU_UP_TNL_MODIFY_LIST, REJECT, 1, QosIes.UL_NGU_UP_TNL_MODIFY_LIST),
            optional(IeIds.NETWORK_INSTANCE, REJECT, 0, Ies.NETWORK_INSTANCE),
            optional(IeIds.QOS_FLOW_ADD_OR_MODIFY_REQUEST_LIST, REJECT, 2, QosIes.QOS_FLOW_ADD_OR_MODIFY_REQUEST_LIST),
            optional(IeIds.QOS_FLOW_TO_RELEASE_LIST, REJECT, 3, QosIes.QOS_FLOW_LIST_WITH_CAUSE));

    // ---- the plain SEQUENCE transfers

    static final ValueCodec<PduSessionResourceSetupResponseTransfer> SETUP_RESPONSE = new ValueCodec<>() {
        @Override
        public PduSessionResourceSetupResponseTransfer decode(AperReader r) {
            Sequence seq = Sequence.read(r, 3);
            QosFlowPerTnlInformation dl = QosIes.QOS_FLOW_PER_TNL_INFORMATION.decode(r);
            List<QosFlowPerTnlInformation> add = seq.has(0) ? QosIes.QOS_FLOW_PER_TNL_INFORMATION_LIST.decode(r) : null;
            SecurityResult sr = seq.has(1) ? QosIes.SECURITY_RESULT.decode(r) : null;
            List<QosFlowWithCause> failed = seq.has(2) ? QosIes.QOS_FLOW_LIST_WITH_CAUSE.decode(r) : null;
            seq.skipEnd(r);
            return new PduSessionResourceSetupResponseTransfer(dl, add, sr, failed);
        }

        @Override
        public void encode(AperWriter w, PduSessionResourceSetupResponseTransfer v) {
            Sequence.write(w, List.of(), v.additionalDlQosFlowPerTnlInformation() != null, v.securityResult() != null,
                    v.qosFlowsFailedToSetup() != null);
            QosIes.QOS_FLOW_PER_TNL_INFORMATION.encode(w, v.dlQosFlowPerTnlInformation());
            if (v.additionalDlQosFlowPerTnlInformation() != null) {
                QosIes.QOS_FLOW_PER_TNL_INFORMATION_LIST.encode(w, v.additionalDlQosFlowPerTnlInformation());
            }
            if (v.securityResult() != null) {
                QosIes.SECURITY_RESULT.encode(w, v.securityResult());
            }
            if (v.qosFlowsFailedToSetup() != null) {
                QosIes.QOS_FLOW_LIST_WITH_CAUSE.encode(w, v.qosFlowsFailedToSetup());
            }
        }
    };

    static final ValueCodec<PduSessionResourceSetupUnsuccessfulTransfer> SETUP_UNSUCCESSFUL = new ValueCodec<>() {
        @Override
        public PduSessionResourceSetupUnsuccessfulTransfer decode(AperReader r) {
            Sequence seq = Sequence.read(r, 1);
            Cause c = CauseIes.CAUSE.decode(r);
            CriticalityDiagnostics d = seq.has(0) ? CauseIes.CRITICALITY_DIAGNOSTICS.decode(r) : null;
            seq.skipEnd(r);
            return new PduSessionResourceSetupUnsuccessfulTransfer(c, d);
        }

        @Override
        public void encode(AperWriter w, PduSessionResourceSetupUnsuccessfulTransfer v) {
            Sequence.write(w, List.of(), v.criticalityDiagnostics() != null);
            CauseIes.CAUSE.encode(w, v.cause());
            if (v.criticalityDiagnostics() != null) {
                CauseIes.CRITICALITY_DIAGNOSTICS.encode(w, v.criticalityDiagnostics());
            }
        }
    };

    static final ValueCodec<PduSessionResourceModifyResponseTransfer> MODIFY_RESPONSE = new ValueCodec<>() {
        @Override
        public PduSessionResourceModifyResponseTransfer decode(AperReader r) {
            Sequence seq = Sequence.read(r, 5);
            GtpTunnel dl = seq.has(0) ? QosIes.UP_TRANSPORT_LAYER_INFORMATION.decode(r) : null;
            GtpTunnel ul = seq.has(1) ? QosIes.UP_TRANSPORT_LAYER_INFORMATION.decode(r) : null;
            List<Integer> ok = seq.has(2) ? QosIes.QFI_LIST.decode(r) : null;
            List<QosFlowPerTnlInformation> add = seq.has(3) ? QosIes.QOS_FLOW_PER_TNL_INFORMATION_LIST.decode(r) : null;
            List<QosFlowWithCause> failed = seq.has(4) ? QosIes.QOS_FLOW_LIST_WITH_CAUSE.decode(r) : null;
            seq.skipEnd(r);
            return new PduSessionResourceModifyResponseTransfer(dl, ul, ok, add, failed);
        }

        @Override
        public void encode(AperWriter w, PduSessionResourceModifyResponseTransfer v) {
            Sequence.write(w, List.of(), v.dlNguUpTnlInformation() != null, v.ulNguUpTnlInformation() != null,
                    v.qosFlowsAddedOrModified() != null, v.additionalDlQosFlowPerTnlInformation() != null,
                    v.qosFlowsFailedToAddOrModify() != null);
            if (v.dlNguUpTnlInformation() != null) {
                QosIes.UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.dlNguUpTnlInformation());
            }
            if (v.ulNguUpTnlInformation() != null) {
                QosIes.UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.ulNguUpTnlInformation());
            }
            if (v.qosFlowsAddedOrModified() != null) {
                QosIes.QFI_LIST.encode(w, v.qosFlowsAddedOrModified());
            }
            if (v.additionalDlQosFlowPerTnlInformation() != null) {
                QosIes.QOS_FLOW_PER_TNL_INFORMATION_LIST.encode(w, v.additionalDlQosFlowPerTnlInformation());
            }
            if (v.qosFlowsFailedToAddOrModify() != null) {
                QosIes.QOS_FLOW_LIST_WITH_CAUSE.encode(w, v.qosFlowsFailedToAddOrModify());
            }
        }
    };

    static final ValueCodec<PduSessionResourceReleaseCommandTransfer> RELEASE_COMMAND =
            causeOnly(PduSessionResourceReleaseCommandTransfer::new, PduSessionResourceReleaseCommandTransfer::cause);

    static final ValueCodec<PathSwitchRequestUnsuccessfulTransfer> PATH_SWITCH_REQUEST_UNSUCCESSFUL =
            causeOnly(PathSwitchRequestUnsuccessfulTransfer::new, PathSwitchRequestUnsuccessfulTransfer::cause);

    /** A transfer of the shape SEQUENCE { cause Cause, iE-Extensions OPTIONAL, ... }. */
    private static <T> ValueCodec<T> causeOnly(java.util.function.Function<Cause, T> make, java.util.function.Function<T, Cause> cause) {
        return new ValueCodec<>() {
            @Override
            public T decode(AperReader r) {
                Sequence seq = Sequence.read(r, 0);
                Cause c = CauseIes.CAUSE.decode(r);
                seq.skipEnd(r);
                return make.apply(c);
            }

            @Override
            public void encode(AperWriter w, T v) {
                Sequence.write(w, List.of());
                CauseIes.CAUSE.encode(w, cause.apply(v));
            }
        };
    }

    static final ValueCodec<PduSessionResourceReleaseResponseTransfer> RELEASE_RESPONSE = new ValueCodec<>() {
        @Override
        public PduSessionResourceReleaseResponseTransfer decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            seq.skipEnd(r);
            return new PduSessionResourceReleaseResponseTransfer();
        }

        @Override
        public void encode(AperWriter w, PduSessionResourceReleaseResponseTransfer v) {
            Sequence.write(w, List.of());
        }
    };

    static final ValueCodec<HandoverRequiredTransfer> HANDOVER_REQUIRED = new ValueCodec<>() {
        @Override
        public HandoverRequiredTransfer decode(AperReader r) {
            Sequence seq = Sequence.read(r, 1);
            if (seq.has(0)) {
                Codecs.FLAG.decode(r);
            }
            seq.skipEnd(r);
            return new HandoverRequiredTransfer(seq.has(0));
        }

        @Override
        public void encode(AperWriter w, HandoverRequiredTransfer v) {
            Sequence.write(w, List.of(), v.directForwardingPathAvailable());
            if (v.directForwardingPathAvailable()) {
                Codecs.FLAG.encode(w, 0);
            }
        }
    };

    private static final ValueCodec<DataForwardingDrb> DRB = new ValueCodec<>() {
        @Override
        public DataForwardingDrb decode(AperReader r) {
            Sequence seq = Sequence.read(r, 2);
            int drb = (int) Codecs.readIntExt(r, 1, 32);
            GtpTunnel dl = seq.has(0) ? QosIes.UP_TRANSPORT_LAYER_INFORMATION.decode(r) : null;
            GtpTunnel ul = seq.has(1) ? QosIes.UP_TRANSPORT_LAYER_INFORMATION.decode(r) : null;
            seq.skipEnd(r);
            return new DataForwardingDrb(drb, dl, ul);
        }

        @Override
        public void encode(AperWriter w, DataForwardingDrb v) {
            Sequence.write(w, List.of(), v.dlForwarding() != null, v.ulForwarding() != null);
            Codecs.writeIntExt(w, v.drbId(), 1, 32);
            if (v.dlForwarding() != null) {
                QosIes.UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.dlForwarding());
            }
            if (v.ulForwarding() != null) {
                QosIes.UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.ulForwarding());
            }
        }
    };
    /** DataForwardingResponseDRBList ::= SEQUENCE (SIZE(1..maxnoofDRBs = 32)) OF DataForwardingResponseDRBItem. */
    private static final ValueCodec<List<DataForwardingDrb>> DRB_LIST = Codecs.listOf(1, 32, DRB, 10);

    static final ValueCodec<HandoverCommandTransfer> HANDOVER_COMMAND = new ValueCodec<>() {
        @Override
        public HandoverCommandTransfer decode(AperReader r) {
            Sequence seq = Sequence.read(r, 3);
            GtpTunnel fwd = seq.has(0) ? QosIes.UP_TRANSPORT_LAYER_INFORMATION.decode(r) : null;
            List<Integer> flows = seq.has(1) ? QosIes.QFI_LIST.decode(r) : null;
            List<DataForwardingDrb> drbs = seq.has(2) ? DRB_LIST.decode(r) : null;
            seq.skipEnd(r);
            return new HandoverCommandTransfer(fwd, flows, drbs);
        }

        @Override
        public void encode(AperWriter w, HandoverCommandTransfer v) {
            Sequence.write(w, List.of(), v.dlForwardingUpTnlInformation() != null, v.qosFlowsToBeForwarded() != null,
                    v.dataForwardingResponseDrbs() != null);
            if (v.dlForwardingUpTnlInformation() != null) {
                QosIes.UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.dlForwardingUpTnlInformation());
            }
            if (v.qosFlowsToBeForwarded() != null) {
                QosIes.QFI_LIST.encode(w, v.qosFlowsToBeForwarded());
            }
            if (v.dataForwardingResponseDrbs() != null) {
                DRB_LIST.encode(w, v.dataForwardingResponseDrbs());
            }
        }
    };

    private static final ValueCodec<QosFlowWithDataForwarding> QOS_FLOW_WITH_DATA_FORWARDING = new ValueCodec<>() {
        @Override
        public QosFlowWithDataForwarding decode(AperReader r) {
            Sequence seq = Sequence.read(r, 1);
            int qfi = QosIes.readQfi(r);
            if (seq.has(0)) {
                Codecs.FLAG.decode(r);
            }
            seq.skipEnd(r);
            return new QosFlowWithDataForwarding(qfi, seq.has(0));
        }

        @Override
        public void encode(AperWriter w, QosFlowWithDataForwarding v) {
            Sequence.write(w, List.of(), v.dataForwardingAccepted());
            QosIes.writeQfi(w, v.qosFlowIdentifier());
            if (v.dataForwardingAccepted()) {
                Codecs.FLAG.encode(w, 0);
            }
        }
    };
    private static final ValueCodec<List<QosFlowWithDataForwarding>> QOS_FLOWS_WITH_DATA_FORWARDING =
            Codecs.listOf(1, 64, QOS_FLOW_WITH_DATA_FORWARDING, 10);

    static final ValueCodec<HandoverRequestAcknowledgeTransfer> HANDOVER_REQUEST_ACKNOWLEDGE = new ValueCodec<>() {
        @Override
        public HandoverRequestAcknowledgeTransfer decode(AperReader r) {
            Sequence seq = Sequence.read(r, 4);
            GtpTunnel dl = QosIes.UP_TRANSPORT_LAYER_INFORMATION.decode(r);
            GtpTunnel fwd = seq.has(0) ? QosIes.UP_TRANSPORT_LAYER_INFORMATION.decode(r) : null;
            SecurityResult sr = seq.has(1) ? QosIes.SECURITY_RESULT.decode(r) : null;
            List<QosFlowWithDataForwarding> setup = QOS_FLOWS_WITH_DATA_FORWARDING.decode(r);
            List<QosFlowWithCause> failed = seq.has(2) ? QosIes.QOS_FLOW_LIST_WITH_CAUSE.decode(r) : null;
            List<DataForwardingDrb> drbs = seq.has(3) ? DRB_LIST.decode(r) : null;
            seq.skipEnd(r);
            return new HandoverRequestAcknowledgeTransfer(dl, fwd, sr, setup, failed, drbs);
        }

        @Override
        public void encode(AperWriter w, HandoverRequestAcknowledgeTransfer v) {
            Sequence.write(w, List.of(), v.dlForwardingUpTnlInformation() != null, v.securityResult() != null,
                    v.qosFlowsFailedToSetup() != null, v.dataForwardingResponseDrbs() != null);
            QosIes.UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.dlNguUpTnlInformation());
            if (v.dlForwardingUpTnlInformation() != null) {
                QosIes.UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.dlForwardingUpTnlInformation());
            }
            if (v.securityResult() != null) {
                QosIes.SECURITY_RESULT.encode(w, v.securityResult());
            }
            QOS_FLOWS_WITH_DATA_FORWARDING.encode(w, v.qosFlowsSetup());
            if (v.qosFlowsFailedToSetup() != null) {
                QosIes.QOS_FLOW_LIST_WITH_CAUSE.encode(w, v.qosFlowsFailedToSetup());
            }
            if (v.dataForwardingResponseDrbs() != null) {
                DRB_LIST.encode(w, v.dataForwardingResponseDrbs());
            }
        }
    };

    static final ValueCodec<PathSwitchRequestTransfer> PATH_SWITCH_REQUEST = new ValueCodec<>() {
        @Override
        public PathSwitchRequestTransfer decode(AperReader r) {
            Sequence seq = Sequence.read(r, 2);
            GtpTunnel dl = QosIes.UP_TRANSPORT_LAYER_INFORMATION.decode(r);
            boolean reused = false;
            if (seq.has(0)) {
                Codecs.FLAG.decode(r);
                reused = true;
            }
            SecurityResult sr = null;
            SecurityIndication si = null;
            if (seq.has(1)) { // UserPlaneSecurityInformation ::= SEQUENCE { securityResult, securityIndication, ... }
                Sequence uSeq = Sequence.read(r, 0);
                sr = QosIes.SECURITY_RESULT.decode(r);
                si = QosIes.SECURITY_INDICATION.decode(r);
                uSeq.skipEnd(r);
            }
            List<Integer> accepted = QosIes.QFI_LIST.decode(r);
            seq.skipEnd(r);
            return new PathSwitchRequestTransfer(dl, reused, sr, si, accepted);
        }

        @Override
        public void encode(AperWriter w, PathSwitchRequestTransfer v) {
            Sequence.write(w, List.of(), v.dlNguTnlInformationReused(), v.userPlaneSecurityResult() != null);
            QosIes.UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.dlNguUpTnlInformation());
            if (v.dlNguTnlInformationReused()) {
                Codecs.FLAG.encode(w, 0);
            }
            if (v.userPlaneSecurityResult() != null) {
                Sequence.write(w, List.of());
                QosIes.SECURITY_RESULT.encode(w, v.userPlaneSecurityResult());
                QosIes.SECURITY_INDICATION.encode(w, v.userPlaneSecurityIndication());
            }
            QosIes.QFI_LIST.encode(w, v.qosFlowsAccepted());
        }
    };

    static final ValueCodec<PathSwitchRequestAcknowledgeTransfer> PATH_SWITCH_REQUEST_ACKNOWLEDGE = new ValueCodec<>() {
        @Override
        public PathSwitchRequestAcknowledgeTransfer decode(AperReader r) {
            Sequence seq = Sequence.read(r, 2);
            GtpTunnel ul = seq.has(0) ? QosIes.UP_TRANSPORT_LAYER_INFORMATION.decode(r) : null;
            SecurityIndication si = seq.has(1) ? QosIes.SECURITY_INDICATION.decode(r) : null;
            seq.skipEnd(r);
            return new PathSwitchRequestAcknowledgeTransfer(ul, si);
        }

        @Override
        public void encode(AperWriter w, PathSwitchRequestAcknowledgeTransfer v) {
            Sequence.write(w, List.of(), v.ulNguUpTnlInformation() != null, v.securityIndication() != null);
            if (v.ulNguUpTnlInformation() != null) {
                QosIes.UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.ulNguUpTnlInformation());
            }
            if (v.securityIndication() != null) {
                QosIes.SECURITY_INDICATION.encode(w, v.securityIndication());
            }
        }
    };

    private static final Map<Class<?>, ValueCodec<?>> PLAIN = new HashMap<>();

    static {
        PLAIN.put(PduSessionResourceSetupResponseTransfer.class, SETUP_RESPONSE);
        PLAIN.put(PduSessionResourceSetupUnsuccessfulTransfer.class, SETUP_UNSUCCESSFUL);
        PLAIN.put(PduSessionResourceModifyResponseTransfer.class, MODIFY_RESPONSE);
        PLAIN.put(PduSessionResourceReleaseCommandTransfer.class, RELEASE_COMMAND);
        PLAIN.put(PduSessionResourceReleaseResponseTransfer.class, RELEASE_RESPONSE);
        PLAIN.put(HandoverRequiredTransfer.class, HANDOVER_REQUIRED);
        PLAIN.put(HandoverCommandTransfer.class, HANDOVER_COMMAND);
        PLAIN.put(HandoverRequestAcknowledgeTransfer.class, HANDOVER_REQUEST_ACKNOWLEDGE);
        PLAIN.put(PathSwitchRequestTransfer.class, PATH_SWITCH_REQUEST);
        PLAIN.put(PathSwitchRequestAcknowledgeTransfer.class, PATH_SWITCH_REQUEST_ACKNOWLEDGE);
        PLAIN.put(PathSwitchRequestUnsuccessfulTransfer.class, PATH_SWITCH_REQUEST_UNSUCCESSFUL);
    }

    /** Encodes a transfer as the octets to put in a PDU session resource item. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Octets encode(SmTransfer t) {
        AperWriter w = new AperWriter(128);
        switch (t) {
            case PduSessionResourceSetupRequestTransfer s -> IeContainerCodec.encode(w, SETUP_REQUEST, s);
            case PduSessionResourceModifyRequestTransfer m -> IeContainerCodec.encode(w, MODIFY_REQUEST, m);
            default -> ((ValueCodec) PLAIN.get(t.getClass())).encode(w, t);
        }
        if (w.length() == 0) { // X.691 11.1: a complete encoding is at least one octet
            w.writeBits(0, 8);
        }
        return Octets.wrap(w.toByteArray());
    }

    /** Decodes the octets of a transfer container of the given type. */
    @SuppressWarnings("unchecked")
    public static <T extends SmTransfer> TransferResult<T> decode(Class<T> type, Octets octets) {
        byte[] b = octets.unsafeArray();
        DecodeContext ctx = new DecodeContext();
        try {
            AperReader r = new AperReader(b, 0, b.length);
            T value;
            if (type == PduSessionResourceSetupRequestTransfer.class) {
                value = (T) IeContainerCodec.decode(r, SETUP_REQUEST, ctx);
            } else if (type == PduSessionResourceModifyRequestTransfer.class) {
                value = (T) IeContainerCodec.decode(r, MODIFY_REQUEST, ctx);
            } else {
                ValueCodec<?> c = PLAIN.get(type);
                if (c == null) {
                    return new TransferResult.Error<>(CauseProtocol.UNSPECIFIED, "not a transfer type: " + type);
                }
                value = (T) c.decode(r);
            }
            return new TransferResult.Ok<>(value, ctx.reports());
        } catch (DecodeFailure f) {
            return new TransferResult.Error<>(f.cause, f.getMessage());
        } catch (AperException e) {
            return new TransferResult.Error<>(CauseProtocol.TRANSFER_SYNTAX_ERROR, e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            return new TransferResult.Error<>(CauseProtocol.SEMANTIC_ERROR, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            return new TransferResult.Error<>(CauseProtocol.UNSPECIFIED, "decoder fault: " + e);
        }
    }
}
