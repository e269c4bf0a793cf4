package io.liquid5gc.ngap.codec;

import static io.liquid5gc.ngap.codec.CauseIes.CAUSE;
import static io.liquid5gc.ngap.codec.Codecs.FLAG;
import static io.liquid5gc.ngap.codec.Codecs.enumerated;
import static io.liquid5gc.ngap.codec.Codecs.listOf;
import static io.liquid5gc.ngap.codec.Codecs.readIntExt;
import static io.liquid5gc.ngap.codec.Codecs.writeIntExt;
import static io.liquid5gc.ngap.codec.Ies.TRANSPORT_LAYER_ADDRESS;
import static io.liquid5gc.ngap.codec.UeContextIes.readBitRate;
import static io.liquid5gc.ngap.codec.UeContextIes.writeBitRate;

import io.liquid5gc.ngap.aper.AperException;
import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.ie.AllocationAndRetentionPriority;
import io.liquid5gc.ngap.ie.AssociatedQosFlow;
import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.GbrQosInformation;
import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.MaximumIntegrityProtectedDataRate;
import io.liquid5gc.ngap.ie.PreEmptionCapability;
import io.liquid5gc.ngap.ie.PreEmptionVulnerability;
import io.liquid5gc.ngap.ie.ProtectionIndication;
import io.liquid5gc.ngap.ie.ProtectionResult;
import io.liquid5gc.ngap.ie.QosCharacteristics;
import io.liquid5gc.ngap.ie.QosFlowLevelQosParameters;
import io.liquid5gc.ngap.ie.QosFlowPerTnlInformation;
import io.liquid5gc.ngap.ie.QosFlowSetupRequestItem;
import io.liquid5gc.ngap.ie.QosFlowWithCause;
import io.liquid5gc.ngap.ie.SecurityIndication;
import io.liquid5gc.ngap.ie.SecurityResult;
import io.liquid5gc.ngap.ie.TransportLayerAddress;
import io.liquid5gc.ngap.ie.UlNguUpTnlModifyItem;
import java.util.List;

/**
 * APER codecs of the user plane and QoS IEs (TS 38.413 9.3.1.x, 9.3.2.x, 9.3.4.x): UP transport layer
 * information, security indication/result, QoS characteristics, ARP, GBR, QoS flow lists and TNL information.
 */
final class QosIes {
    private QosIes() {
    }

    /** UPTransportLayerInformation CHOICE { gTPTunnel, choice-Extensions } (9.3.2.2). */
    static final ValueCodec<GtpTunnel> UP_TRANSPORT_LAYER_INFORMATION = new ValueCodec<>() {
        @Override
        public GtpTunnel decode(AperReader r) {
            if (r.readConstrained(0, 1) != 0) {
                throw new AperException("UP transport layer information extension not comprehended");
            }
            Sequence seq = Sequence.read(r, 0);
            TransportLayerAddress a = TRANSPORT_LAYER_ADDRESS.decode(r);
            r.align();
            int teid = (int) r.readBits(32);
            seq.skipEnd(r);
            return new GtpTunnel(a, teid);
        }

        @Override
        public void encode(AperWriter w, GtpTunnel v) {
            w.writeConstrained(0, 0, 1);
            Sequence.write(w, List.of());
            TRANSPORT_LAYER_ADDRESS.encode(w, v.address());
            w.align();
            w.writeBits(v.teid() & 0xFFFFFFFFL, 32);
        }
    };

    static final ValueCodec<ProtectionIndication> PROTECTION_INDICATION =
            enumerated(ProtectionIndication.values(), ProtectionIndication.ROOT_COUNT, true);
    static final ValueCodec<ProtectionResult> PROTECTION_RESULT =
            enumerated(ProtectionResult.values(), ProtectionResult.ROOT_COUNT, true);
    static final ValueCodec<MaximumIntegrityProtectedDataRate> MAX_IP_DATA_RATE =
            enumerated(MaximumIntegrityProtectedDataRate.values(), MaximumIntegrityProtectedDataRate.ROOT_COUNT, true);

    /** SecurityIndication (9.3.1.27). */
    static final ValueCodec<SecurityIndication> SECURITY_INDICATION = new ValueCodec<>() {
        @Override
        public SecurityIndication decode(AperReader r) {
            Sequence seq = Sequence.read(r, 1);
            ProtectionIndication i = PROTECTION_INDICATION.decode(r);
            ProtectionIndication c = PROTECTION_INDICATION.decode(r);
            MaximumIntegrityProtectedDataRate rate = seq.has(0) ? MAX_IP_DATA_RATE.decode(r) : null;
            return new SecurityIndication(i, c, rate, seq.end(r));
        }

        @Override
        public void encode(AperWriter w, SecurityIndication v) {
            Sequence.write(w, v.extensions(), v.maximumIntegrityProtectedDataRateUl() != null);
            PROTECTION_INDICATION.encode(w, v.integrity());
            PROTECTION_INDICATION.encode(w, v.confidentiality());
            if (v.maximumIntegrityProtectedDataRateUl() != null) {
                MAX_IP_DATA_RATE.encode(w, v.maximumIntegrityProtectedDataRateUl());
            }
            Sequence.writeEnd(w, v.extensions());
        }
    };

    /** SecurityResult (9.3.1.59). */
    static final ValueCodec<SecurityResult> SECURITY_RESULT = new ValueCodec<>() {
        @Override
        public SecurityResult decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            ProtectionResult i = PROTECTION_RESULT.decode(r);
            ProtectionResult c = PROTECTION_RESULT.decode(r);
            seq.skipEnd(r);
            return new SecurityResult(i, c);
        }

        @Override
        public void encode(AperWriter w, SecurityResult v) {
            Sequence.write(w, List.of());
            PROTECTION_RESULT.encode(w, v.integrity());
            PROTECTION_RESULT.encode(w, v.confidentiality());
        }
    };

    /** QosFlowIdentifier ::= INTEGER (0..63, ...) (9.3.1.51). */
    static int readQfi(AperReader r) {
        return (int) readIntExt(r, 0, 63);
    }

    static void writeQfi(AperWriter w, int qfi) {
        writeIntExt(w, qfi, 0, 63);
    }

    private static int optInt(AperReader r, boolean present, long lb, long ub) {
        return present ? (int) readIntExt(r, lb, ub) : QosCharacteristics.ABSENT;
    }

    /** MaximumDataBurstVolume ::= INTEGER (0..4095, ..., 4096..2000000): extension values are understood. */
    private static int readMdbv(AperReader r) {
        if (r.readBit()) {
            long v = r.readUnconstrained();
            if (v < 4096 || v > 2_000_000) {
                throw new AperException("maximum data burst volume out of range");
            }
            return (int) v;
        }
        return (int) r.readConstrained(0, 4095);
    }

    private static void writeMdbv(AperWriter w, int v) {
        w.writeConstrainedExt(v, 0, 4095);
    }

    static final ValueCodec<QosCharacteristics> QOS_CHARACTERISTICS = new ValueCodec<>() {
        @Override
        public QosCharacteristics decode(AperReader r) {
            int alt = (int) r.readConstrained(0, 2);
            if (alt == 0) {
                Sequence seq = Sequence.read(r, 3);
                int fiveQi = (int) readIntExt(r, 0, 255);
                int prio = optInt(r, seq.has(0), 1, 127);
                int aw = optInt(r, seq.has(1), 0, 4095);
                int mdbv = seq.has(2) ? readMdbv(r) : QosCharacteristics.ABSENT;
                return new QosCharacteristics.NonDynamic(fiveQi, prio, aw, mdbv, seq.end(r));
            }
            if (alt == 1) {
                Sequence seq = Sequence.read(r, 4);
                int prio = (int) readIntExt(r, 1, 127);
                int pdb = (int) readIntExt(r, 0, 1023);
                Sequence perSeq = Sequence.read(r, 0);
                int scalar = (int) readIntExt(r, 0, 9);
                int exponent = (int) readIntExt(r, 0, 9);
                perSeq.skipEnd(r);
                int fiveQi = optInt(r, seq.has(0), 0, 255);
                int dc = seq.has(1) ? r.readEnumerated(2, true) : QosCharacteristics.ABSENT;
                if (dc > 1) {
                    throw new AperException("delay critical value unknown");
                }
                int aw = optInt(r, seq.has(2), 0, 4095);
                int mdbv = seq.has(3) ? readMdbv(r) : QosCharacteristics.ABSENT;
                return new QosCharacteristics.Dynamic(prio, pdb, scalar, exponent, fiveQi, dc, aw, mdbv, seq.end(r));
            }
            throw new AperException("QoS characteristics extension not comprehended");
        }

        @Override
        public void encode(AperWriter w, QosCharacteristics v) {
            switch (v) {
                case QosCharacteristics.NonDynamic n -> {
                    w.writeConstrained(0, 0, 2);
                    Sequence.write(w, n.extensions(), n.priorityLevel() >= 0, n.averagingWindow() >= 0,
                            n.maximumDataBurstVolume() >= 0);
                    writeIntExt(w, n.fiveQi(), 0, 255);
                    if (n.priorityLevel() >= 0) {
                        writeIntExt(w, n.priorityLevel(), 1, 127);
                    }
                    if (n.averagingWindow() >= 0) {
                        writeIntExt(w, n.averagingWindow(), 0, 4095);
                    }
                    if (n.maximumDataBurstVolume() >= 0) {
                        writeMdbv(w, n.maximumDataBurstVolume());
                    }
                    Sequence.writeEnd(w, n.extensions());
                }
                case QosCharacteristics.Dynamic d -> {
                    w.writeConstrained(1, 0, 2);
                    Sequence.write(w, d.extensions(), d.fiveQi() >= 0, d.delayCritical() >= 0, d.averagingWindow() >= 0,
                            d.maximumDataBurstVolume() >= 0);
                    writeIntExt(w, d.priorityLevel(), 1, 127);
                    writeIntExt(w, d.packetDelayBudget(), 0, 1023);
                    Sequence.write(w, List.of());
                    writeIntExt(w, d.perScalar(), 0, 9);
                    writeIntExt(w, d.perExponent(), 0, 9);
                    if (d.fiveQi() >= 0) {
                        writeIntExt(w, d.fiveQi(), 0, 255);
                    }
                    if (d.delayCritical() >= 0) {
                        w.writeEnumerated(d.delayCritical(), 2, true);
                    }
                    if (d.averagingWindow() >= 0) {
                        writeIntExt(w, d.averagingWindow(), 0, 4095);
                    }
                    if (d.maximumDataBurstVolume() >= 0) {
                        writeMdbv(w, d.maximumDataBurstVolume());
                    }
                    Sequence.writeEnd(w, d.extensions());
                }
            }
        }
    };

    static final ValueCodec<AllocationAndRetentionPriority> ARP = new ValueCodec<>() {
        final ValueCodec<PreEmptionCapability> cap =
                enumerated(PreEmptionCapability.values(), PreEmptionCapability.ROOT_COUNT, true);
        final ValueCodec<PreEmptionVulnerability> vul =
                enumerated(PreEmptionVulnerability.values(), PreEmptionVulnerability.ROOT_COUNT, true);

        @Override
        public AllocationAndRetentionPriority decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            int level = (int) r.readConstrained(1, 15);
            PreEmptionCapability c = cap.decode(r);
            PreEmptionVulnerability v = vul.decode(r);
            seq.skipEnd(r);
            return new AllocationAndRetentionPriority(level, c, v);
        }

        @Override
        public void encode(AperWriter w, AllocationAndRetentionPriority v) {
            Sequence.write(w, List.of());
            w.writeConstrained(v.priorityLevel(), 1, 15);
            cap.encode(w, v.capability());
            vul.encode(w, v.vulnerability());
        }
    };

    static final ValueCodec<GbrQosInformation> GBR = new ValueCodec<>() {
        @Override
        public GbrQosInformation decode(AperReader r) {
            Sequence seq = Sequence.read(r, 3);
            long mdl = readBitRate(r);
            long mul = readBitRate(r);
            long gdl = readBitRate(r);
            long gul = readBitRate(r);
            boolean notif = false;
            if (seq.has(0)) {
                FLAG.decode(r);
                notif = true;
            }
            int ldl = optInt(r, seq.has(1), 0, 1000);
            int lul = optInt(r, seq.has(2), 0, 1000);
            return new GbrQosInformation(mdl, mul, gdl, gul, notif, ldl, lul, seq.end(r));
        }

        @Override
        public void encode(AperWriter w, GbrQosInformation v) {
            Sequence.write(w, v.extensions(), v.notificationRequested(), v.maximumPacketLossRateDl() >= 0,
                    v.maximumPacketLossRateUl() >= 0);
            writeBitRate(w, v.maximumFlowBitRateDl());
            writeBitRate(w, v.maximumFlowBitRateUl());
            writeBitRate(w, v.guaranteedFlowBitRateDl());
            writeBitRate(w, v.guaranteedFlowBitRateUl());
            if (v.notificationRequested()) {
                FLAG.encode(w, 0);
            }
            if (v.maximumPacketLossRateDl() >= 0) {
                writeIntExt(w, v.maximumPacketLossRateDl(), 0, 1000);
            }
            if (v.maximumPacketLossRateUl() >= 0) {
                writeIntExt(w, v.maximumPacketLossRateUl(), 0, 1000);
            }
            Sequence.writeEnd(w, v.extensions());
        }
    };

    /** QosFlowLevelQosParameters (9.3.1.12). */
    static final ValueCodec<QosFlowLevelQosParameters> QOS_FLOW_LEVEL_QOS_PARAMETERS = new ValueCodec<>() {
        @Override
        public QosFlowLevelQosParameters decode(AperReader r) {
            Sequence seq = Sequence.read(r, 3);
            QosCharacteristics qc = QOS_CHARACTERISTICS.decode(r);
            AllocationAndRetentionPriority arp = ARP.decode(r);
            GbrQosInformation gbr = seq.has(0) ? GBR.decode(r) : null;
            boolean reflective = false;
            if (seq.has(1)) {
                FLAG.decode(r);
                reflective = true;
            }
            boolean moreLikely = false;
            if (seq.has(2)) {
                FLAG.decode(r);
                moreLikely = true;
            }
            return new QosFlowLevelQosParameters(qc, arp, gbr, reflective, moreLikely, seq.end(r));
        }

        @Override
        public void encode(AperWriter w, QosFlowLevelQosParameters v) {
            Sequence.write(w, v.extensions(), v.gbr() != null, v.reflectiveQos(), v.additionalFlowMoreLikely());
            QOS_CHARACTERISTICS.encode(w, v.characteristics());
            ARP.encode(w, v.arp());
            if (v.gbr() != null) {
                GBR.encode(w, v.gbr());
            }
            if (v.reflectiveQos()) {
                FLAG.encode(w, 0);
            }
            if (v.additionalFlowMoreLikely()) {
                FLAG.encode(w, 0);
            }
            Sequence.writeEnd(w, v.extensions());
        }
    };

    /**
     * QosFlowSetupRequestItem / QosFlowAddOrModifyRequestItem (9.3.4.1, 9.3.4.3); in the latter the parameters
     * are OPTIONAL.
     */
    static ValueCodec<QosFlowSetupRequestItem> qosFlowRequestItem(boolean parametersOptional) {
        return new ValueCodec<>() {
            @Override
            public QosFlowSetupRequestItem decode(AperReader r) {
                Sequence seq = Sequence.read(r, parametersOptional ? 2 : 1);
                boolean hasParams = !parametersOptional || seq.has(0);
                boolean hasErab = seq.has(parametersOptional ? 1 : 0);
                int qfi = readQfi(r);
                QosFlowLevelQosParameters p = hasParams ? QOS_FLOW_LEVEL_QOS_PARAMETERS.decode(r) : null;
                int erab = hasErab ? (int) readIntExt(r, 0, 15) : -1;
                return new QosFlowSetupRequestItem(qfi, p, erab, seq.end(r));
            }

            @Override
            public void encode(AperWriter w, QosFlowSetupRequestItem v) {
                if (parametersOptional) {
                    Sequence.write(w, v.extensions(), v.parameters() != null, v.eRabId() >= 0);
                } else {
                    Sequence.write(w, v.extensions(), v.eRabId() >= 0);
                }
                writeQfi(w, v.qosFlowIdentifier());
                if (v.parameters() != null) {
                    QOS_FLOW_LEVEL_QOS_PARAMETERS.encode(w, v.parameters());
                } else if (!parametersOptional) {
                    throw new IllegalArgumentException("QoS flow level parameters missing");
                }
                if (v.eRabId() >= 0) {
                    writeIntExt(w, v.eRabId(), 0, 15);
                }
                Sequence.writeEnd(w, v.extensions());
            }
        };
    }

    /** QosFlowSetupRequestList ::= SEQUENCE (SIZE(1..maxnoofQosFlows = 64)) OF QosFlowSetupRequestItem. */
    static final ValueCodec<List<QosFlowSetupRequestItem>> QOS_FLOW_SETUP_REQUEST_LIST =
            listOf(1, 64, qosFlowRequestItem(false), 20);
    /** QosFlowAddOrModifyRequestList ::= SEQUENCE (SIZE(1..64)) OF QosFlowAddOrModifyRequestItem. */
    static final ValueCodec<List<QosFlowSetupRequestItem>> QOS_FLOW_ADD_OR_MODIFY_REQUEST_LIST =
            listOf(1, 64, qosFlowRequestItem(true), 10);

    private static final ValueCodec<QosFlowWithCause> QOS_FLOW_WITH_CAUSE = new ValueCodec<>() {
        @Override
        public QosFlowWithCause decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            int qfi = readQfi(r);
            Cause c = CAUSE.decode(r);
            seq.skipEnd(r);
            return new QosFlowWithCause(qfi, c);
        }

        @Override
        public void encode(AperWriter w, QosFlowWithCause v) {
            Sequence.write(w, List.of());
            writeQfi(w, v.qosFlowIdentifier());
            CAUSE.encode(w, v.cause());
        }
    };

    /** QosFlowListWithCause ::= SEQUENCE (SIZE(1..64)) OF QosFlowWithCauseItem (9.3.1.13). */
    static final ValueCodec<List<QosFlowWithCause>> QOS_FLOW_LIST_WITH_CAUSE = listOf(1, 64, QOS_FLOW_WITH_CAUSE, 12);

    /** An item SEQUENCE { qosFlowIdentifier, iE-Extensions OPTIONAL, ... } (accepted, to-be-forwarded, response). */
    static final ValueCodec<Integer> QFI_ITEM = new ValueCodec<>() {
        @Override
        public Integer decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            int qfi = readQfi(r);
            seq.skipEnd(r);
            return qfi;
        }

        @Override
        public void encode(AperWriter w, Integer v) {
            Sequence.write(w, List.of());
            writeQfi(w, v);
        }
    };

    /** SEQUENCE (SIZE(1..64)) OF a QFI-only item. */
    static final ValueCodec<List<Integer>> QFI_LIST = listOf(1, 64, QFI_ITEM, 9);

    private static final ValueCodec<AssociatedQosFlow> ASSOCIATED_QOS_FLOW = new ValueCodec<>() {
        @Override
        public AssociatedQosFlow decode(AperReader r) {
            Sequence seq = Sequence.read(r, 1);
            int qfi = readQfi(r);
            int map = seq.has(0) ? r.readEnumerated(2, true) : -1;
            if (map > 1) {
                throw new AperException("QoS flow mapping indication unknown");
            }
            return new AssociatedQosFlow(qfi, map, seq.end(r));
        }

        @Override
        public void encode(AperWriter w, AssociatedQosFlow v) {
            Sequence.write(w, v.extensions(), v.mappingIndication() >= 0);
            writeQfi(w, v.qosFlowIdentifier());
            if (v.mappingIndication() >= 0) {
                w.writeEnumerated(v.mappingIndication(), 2, true);
            }
            Sequence.writeEnd(w, v.extensions());
        }
    };

    /** QosFlowPerTNLInformation (9.3.2.8). */
    static final ValueCodec<QosFlowPerTnlInformation> QOS_FLOW_PER_TNL_INFORMATION = new ValueCodec<>() {
        final ValueCodec<List<AssociatedQosFlow>> flows = listOf(1, 64, ASSOCIATED_QOS_FLOW, 10);

        @Override
        public QosFlowPerTnlInformation decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            GtpTunnel t = UP_TRANSPORT_LAYER_INFORMATION.decode(r);
            List<AssociatedQosFlow> f = flows.decode(r);
            seq.skipEnd(r);
            return new QosFlowPerTnlInformation(t, f);
        }

        @Override
        public void encode(AperWriter w, QosFlowPerTnlInformation v) {
            Sequence.write(w, List.of());
            UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.tunnel());
            flows.encode(w, v.flows());
        }
    };

    /** QosFlowPerTNLInformationList ::= SEQUENCE (SIZE(1..maxnoofMultiConnectivityMinusOne = 3)) OF item. */
    static final ValueCodec<List<QosFlowPerTnlInformation>> QOS_FLOW_PER_TNL_INFORMATION_LIST =
            listOf(1, 3, new ValueCodec<>() {
                @Override
                public QosFlowPerTnlInformation decode(AperReader r) {
                    Sequence seq = Sequence.read(r, 0);
                    QosFlowPerTnlInformation q = QOS_FLOW_PER_TNL_INFORMATION.decode(r);
                    seq.skipEnd(r);
                    return q;
                }

                @Override
                public void encode(AperWriter w, QosFlowPerTnlInformation v) {
                    Sequence.write(w, List.of());
                    QOS_FLOW_PER_TNL_INFORMATION.encode(w, v);
                }
            }, 60);

    /** UL-NGU-UP-TNLModifyList ::= SEQUENCE (SIZE(1..maxnoofMultiConnectivity = 4)) OF UL-NGU-UP-TNLModifyItem. */
    static final ValueCodec<List<UlNguUpTnlModifyItem>> UL_NGU_UP_TNL_MODIFY_LIST = listOf(1, 4, new ValueCodec<>() {
        @Override
        public UlNguUpTnlModifyItem decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            GtpTunnel ul = UP_TRANSPORT_LAYER_INFORMATION.decode(r);
            GtpTunnel dl = UP_TRANSPORT_LAYER_INFORMATION.decode(r);
            return new UlNguUpTnlModifyItem(ul, dl, seq.end(r));
        }

        @Override
        public void encode(AperWriter w, UlNguUpTnlModifyItem v) {
            Sequence.write(w, v.extensions());
            UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.uplink());
            UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.downlink());
            Sequence.writeEnd(w, v.extensions());
        }
    }, 90);
}
