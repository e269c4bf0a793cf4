package io.liquid5gc.pfcp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads and writes lists of IEs (TS 29.244 8.1.1). Every Length is checked against what is left before anything is
 * allocated; a list holds at most {@link #MAX_IES} IEs and grouped IEs are taken apart at most {@link #MAX_DEPTH}
 * deep (deeper ones are kept whole as {@link Ie.Unknown}), so no input costs more than its own size or the stack.
 */
final class IeCodec {
    static final int MAX_IES = 4096;
    static final int MAX_DEPTH = 6;

    private static final Function<Octets, Ie>[] LEAF = leafReaders();
    private static final Function<Children, Ie>[] GROUPED = groupedReaders();

    private IeCodec() {
    }

    @SuppressWarnings("unchecked")
    private static Function<Octets, Ie>[] leafReaders() {
        Function<Octets, Ie>[] r = new Function[256];
        r[Ie.Cause.TYPE] = Ie.Cause::read;
        r[Ie.OffendingIe.TYPE] = Ie.OffendingIe::read;
        r[NodeIe.NodeId.TYPE] = NodeIe.NodeId::read;
        r[NodeIe.FSeid.TYPE] = NodeIe.FSeid::read;
        r[NodeIe.RecoveryTimeStamp.TYPE] = NodeIe.RecoveryTimeStamp::read;
        r[NodeIe.UpFunctionFeatures.TYPE] = NodeIe.UpFunctionFeatures::read;
        r[NodeIe.CpFunctionFeatures.TYPE] = NodeIe.CpFunctionFeatures::read;
        r[TunnelIe.SourceInterface.TYPE] = TunnelIe.SourceInterface::read;
        r[TunnelIe.DestinationInterface.TYPE] = TunnelIe.DestinationInterface::read;
        r[TunnelIe.FTeid.TYPE] = TunnelIe.FTeid::read;
        r[TunnelIe.NetworkInstance.TYPE] = TunnelIe.NetworkInstance::read;
        r[TunnelIe.UeIpAddress.TYPE] = TunnelIe.UeIpAddress::read;
        r[TunnelIe.OuterHeaderCreation.TYPE] = TunnelIe.OuterHeaderCreation::read;
        r[TunnelIe.OuterHeaderRemoval.TYPE] = TunnelIe.OuterHeaderRemoval::read;
        r[TunnelIe.PdnType.TYPE] = TunnelIe.PdnType::read;
        r[TunnelIe.TgppInterfaceType.TYPE] = TunnelIe.TgppInterfaceType::read;
        r[RuleIe.PdrId.TYPE] = RuleIe.PdrId::read;
        r[RuleIe.FarId.TYPE] = RuleIe.FarId::read;
        r[RuleIe.QerId.TYPE] = RuleIe.QerId::read;
        r[RuleIe.UrrId.TYPE] = RuleIe.UrrId::read;
        r[RuleIe.Precedence.TYPE] = RuleIe.Precedence::read;
        r[RuleIe.ApplyAction.TYPE] = RuleIe.ApplyAction::read;
        r[RuleIe.GateStatus.TYPE] = RuleIe.GateStatus::read;
        r[RuleIe.Mbr.TYPE] = RuleIe.Mbr::read;
        r[RuleIe.Gbr.TYPE] = RuleIe.Gbr::read;
        r[RuleIe.Qfi.TYPE] = RuleIe.Qfi::read;
        r[RuleIe.PfcpSmReqFlags.TYPE] = RuleIe.PfcpSmReqFlags::read;
        r[UsageIe.MeasurementMethod.TYPE] = UsageIe.MeasurementMethod::read;
        r[UsageIe.ReportingTriggers.TYPE] = UsageIe.ReportingTriggers::read;
        r[UsageIe.UsageReportTrigger.TYPE] = UsageIe.UsageReportTrigger::read;
        r[UsageIe.VolumeThreshold.TYPE] = UsageIe.VolumeThreshold::read;
        r[UsageIe.VolumeQuota.TYPE] = UsageIe.VolumeQuota::read;
        r[UsageIe.VolumeMeasurement.TYPE] = UsageIe.VolumeMeasurement::read;
        r[UsageIe.DurationMeasurement.TYPE] = UsageIe.DurationMeasurement::read;
        r[UsageIe.StartTime.TYPE] = UsageIe.StartTime::read;
        r[UsageIe.EndTime.TYPE] = UsageIe.EndTime::read;
        r[UsageIe.UrSeqn.TYPE] = UsageIe.UrSeqn::read;
        r[UsageIe.ReportType.TYPE] = UsageIe.ReportType::read;
        r[UsageIe.DownlinkDataServiceInformation.TYPE] = UsageIe.DownlinkDataServiceInformation::read;
        return r;
    }

    @SuppressWarnings("unchecked")
    private static Function<Children, Ie>[] groupedReaders() {
        Function<Children, Ie>[] r = new Function[256];
        r[GroupedIe.CreatePdr.TYPE] = GroupedIe.CreatePdr::read;
        r[GroupedIe.Pdi.TYPE] = GroupedIe.Pdi::read;
        r[GroupedIe.CreateFar.TYPE] = GroupedIe.CreateFar::read;
        r[GroupedIe.ForwardingParameters.TYPE] = GroupedIe.ForwardingParameters::read;
        r[GroupedIe.CreateUrr.TYPE] = GroupedIe.CreateUrr::read;
        r[GroupedIe.CreateQer.TYPE] = GroupedIe.CreateQer::read;
        r[GroupedIe.CreatedPdr.TYPE] = GroupedIe.CreatedPdr::read;
        r[GroupedIe.UpdatePdr.TYPE] = GroupedIe.UpdatePdr::read;
        r[GroupedIe.UpdateFar.TYPE] = GroupedIe.UpdateFar::read;
        r[GroupedIe.UpdateForwardingParameters.TYPE] = GroupedIe.UpdateForwardingParameters::read;
        r[GroupedIe.UpdateUrr.TYPE] = GroupedIe.UpdateUrr::read;
        r[GroupedIe.UpdateQer.TYPE] = GroupedIe.UpdateQer::read;
        r[GroupedIe.RemovePdr.TYPE] = GroupedIe.RemovePdr::read;
        r[GroupedIe.RemoveFar.TYPE] = GroupedIe.RemoveFar::read;
        r[GroupedIe.RemoveUrr.TYPE] = GroupedIe.RemoveUrr::read;
        r[GroupedIe.RemoveQer.TYPE] = GroupedIe.RemoveQer::read;
        for (int t = GroupedIe.UsageReport.IN_MODIFICATION_RESPONSE; t <= GroupedIe.UsageReport.IN_REPORT_REQUEST; t++) {
            int type = t;
            r[t] = c -> GroupedIe.UsageReport.read(type, c);
        }
        r[GroupedIe.DownlinkDataReport.TYPE] = GroupedIe.DownlinkDataReport::read;
        return r;
    }

    /** The IEs in {@code v} up to its end (a message body or a grouped IE's value). */
    static List<Ie> readAll(Octets v, int depth) {
        List<Ie> out = new ArrayList<>();
        while (v.remaining() > 0) {
            if (out.size() == MAX_IES) {
                throw new Octets.Malformed(DecodeError.TOO_MANY_IES, v.ieType, "more than " + MAX_IES + " IEs in one list");
            }
            if (v.remaining() < 4) {
                throw new Octets.Malformed(DecodeError.TRUNCATED, v.ieType, v.remaining() + " octets left, an IE header is 4");
            }
            int type = v.u16();
            int length = v.u16();
            if (length > v.remaining()) {
                throw new Octets.Malformed(DecodeError.TRUNCATED, type, "IE " + type + " Length " + length + " but " + v.remaining() + " octets left");
            }
            out.add(read(type, v.slice(length, type), depth));
        }
        return out;
    }

    private static Ie read(int type, Octets value, int depth) {
        if (type < 256 && GROUPED[type] != null && depth < MAX_DEPTH) {
            return GROUPED[type].apply(new Children(readAll(value, depth + 1), type));
        }
        if (type < 256 && LEAF[type] != null) {
            Octets whole = value.rewound();
            Ie ie = LEAF[type].apply(value);
            if (value.remaining() > 0) {
                // a later release's extra octets (TS 29.244 8.1.1: "present only if explicitly specified"): kept whole
                return new Ie.Unknown(type, whole.rest());
            }
            return ie;
        }
        // TS 29.244 8.1.1: from 32768 the first 2 octets of the value are an Enterprise ID; kept with the value
        return new Ie.Unknown(type, value.rest());
    }

    /** Writes each IE's Type, Length and value. */
    static void writeAll(Sink out, List<? extends Ie> ies) {
        for (Ie ie : ies) {
            out.u16(ie.type());
            int at = out.length();
            out.u16(0);
            ie.writeValue(out);
            int length = out.length() - at - 2;
            if (length > 0xFFFF) {
                throw new IllegalArgumentException("IE " + ie.type() + " value of " + length + " octets (at most 65535)");
            }
            out.patch16(at, length);
        }
    }
}
