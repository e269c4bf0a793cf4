package io.liquid5gc.pfcp;

import io.liquid5gc.pfcp.RuleIe.ApplyAction;
import io.liquid5gc.pfcp.RuleIe.FarId;
import io.liquid5gc.pfcp.RuleIe.GateStatus;
import io.liquid5gc.pfcp.RuleIe.Gbr;
import io.liquid5gc.pfcp.RuleIe.Mbr;
import io.liquid5gc.pfcp.RuleIe.PdrId;
import io.liquid5gc.pfcp.RuleIe.PfcpSmReqFlags;
import io.liquid5gc.pfcp.RuleIe.Precedence;
import io.liquid5gc.pfcp.RuleIe.QerId;
import io.liquid5gc.pfcp.RuleIe.Qfi;
import io.liquid5gc.pfcp.RuleIe.UrrId;
import io.liquid5gc.pfcp.TunnelIe.DestinationInterface;
import io.liquid5gc.pfcp.TunnelIe.FTeid;
import io.liquid5gc.pfcp.TunnelIe.NetworkInstance;
import io.liquid5gc.pfcp.TunnelIe.OuterHeaderCreation;
import io.liquid5gc.pfcp.TunnelIe.OuterHeaderRemoval;
import io.liquid5gc.pfcp.TunnelIe.SourceInterface;
import io.liquid5gc.pfcp.TunnelIe.TgppInterfaceType;
import io.liquid5gc.pfcp.TunnelIe.UeIpAddress;
import io.liquid5gc.pfcp.UsageIe.DownlinkDataServiceInformation;
import io.liquid5gc.pfcp.UsageIe.DurationMeasurement;
import io.liquid5gc.pfcp.UsageIe.EndTime;
import io.liquid5gc.pfcp.UsageIe.MeasurementMethod;
import io.liquid5gc.pfcp.UsageIe.ReportingTriggers;
import io.liquid5gc.pfcp.UsageIe.StartTime;
import io.liquid5gc.pfcp.UsageIe.UrSeqn;
import io.liquid5gc.pfcp.UsageIe.UsageReportTrigger;
import io.liquid5gc.pfcp.UsageIe.VolumeMeasurement;
import io.liquid5gc.pfcp.UsageIe.VolumeQuota;
import io.liquid5gc.pfcp.UsageIe.VolumeThreshold;
import java.util.List;
import java.util.Objects;

/**
 * Grouped IEs (TS 29.244 7.5.2-7.5.8): a value made of IEs. Each record names the IEs an SMF uses as fields (null or
 * empty when absent) and keeps the others, in order, in {@code other}; they are encoded after the fields.
 */
public sealed interface GroupedIe extends Ie {

    /** The IEs inside, in encoding order. */
    List<Ie> children();

    @Override
    default void writeValue(Sink out) {
        IeCodec.writeAll(out, children());
    }

    /** TS 29.244 7.5.2.2: Create PDR (type 1): PDR ID, Precedence and PDI mandatory. */
    record CreatePdr(PdrId pdrId, Precedence precedence, Pdi pdi, OuterHeaderRemoval outerHeaderRemoval, FarId farId,
                     List<UrrId> urrIds, List<QerId> qerIds, List<Ie> other) implements GroupedIe {
        public static final int TYPE = 1;

        public CreatePdr {
            Objects.requireNonNull(pdrId);
            Objects.requireNonNull(precedence);
            Objects.requireNonNull(pdi);
            urrIds = List.copyOf(urrIds);
            qerIds = List.copyOf(qerIds);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(pdrId, precedence, pdi, outerHeaderRemoval, farId, urrIds, qerIds, other);
        }

        static CreatePdr read(Children c) {
            return new CreatePdr(c.mandatory(PdrId.class, PdrId.TYPE), c.mandatory(Precedence.class, Precedence.TYPE),
                    c.mandatory(Pdi.class, Pdi.TYPE), c.optional(OuterHeaderRemoval.class), c.optional(FarId.class),
                    c.all(UrrId.class), c.all(QerId.class), c.rest());
        }
    }

    /** TS 29.244 7.5.2.2-2: PDI (type 2): Source Interface mandatory. */
    record Pdi(SourceInterface sourceInterface, FTeid localFTeid, NetworkInstance networkInstance, UeIpAddress ueIpAddress,
               Qfi qfi, TgppInterfaceType sourceInterfaceType, List<Ie> other) implements GroupedIe {
        public static final int TYPE = 2;

        public Pdi {
            Objects.requireNonNull(sourceInterface);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(sourceInterface, localFTeid, networkInstance, ueIpAddress, qfi, sourceInterfaceType, other);
        }

        static Pdi read(Children c) {
            return new Pdi(c.mandatory(SourceInterface.class, SourceInterface.TYPE), c.optional(FTeid.class),
                    c.optional(NetworkInstance.class), c.optional(UeIpAddress.class), c.optional(Qfi.class),
                    c.optional(TgppInterfaceType.class), c.rest());
        }
    }

    /** TS 29.244 7.5.2.3: Create FAR (type 3): FAR ID and Apply Action mandatory. */
    record CreateFar(FarId farId, ApplyAction applyAction, ForwardingParameters forwardingParameters, List<Ie> other)
            implements GroupedIe {
        public static final int TYPE = 3;

        public CreateFar {
            Objects.requireNonNull(farId);
            Objects.requireNonNull(applyAction);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(farId, applyAction, forwardingParameters, other);
        }

        static CreateFar read(Children c) {
            return new CreateFar(c.mandatory(FarId.class, FarId.TYPE), c.mandatory(ApplyAction.class, ApplyAction.TYPE),
                    c.optional(ForwardingParameters.class), c.rest());
        }
    }

    /** TS 29.244 7.5.2.3-2: Forwarding Parameters (type 4): Destination Interface mandatory. */
    record ForwardingParameters(DestinationInterface destinationInterface, NetworkInstance networkInstance,
                                OuterHeaderCreation outerHeaderCreation, TgppInterfaceType destinationInterfaceType,
                                List<Ie> other) implements GroupedIe {
        public static final int TYPE = 4;

        public ForwardingParameters {
            Objects.requireNonNull(destinationInterface);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(destinationInterface, networkInstance, outerHeaderCreation, destinationInterfaceType, other);
        }

        static ForwardingParameters read(Children c) {
            return new ForwardingParameters(c.mandatory(DestinationInterface.class, DestinationInterface.TYPE),
                    c.optional(NetworkInstance.class), c.optional(OuterHeaderCreation.class), c.optional(TgppInterfaceType.class), c.rest());
        }
    }

    /** TS 29.244 7.5.2.4: Create URR (type 6): URR ID, Measurement Method and Reporting Triggers mandatory. */
    record CreateUrr(UrrId urrId, MeasurementMethod measurementMethod, ReportingTriggers reportingTriggers,
                     VolumeThreshold volumeThreshold, VolumeQuota volumeQuota, List<Ie> other) implements GroupedIe {
        public static final int TYPE = 6;

        public CreateUrr {
            Objects.requireNonNull(urrId);
            Objects.requireNonNull(measurementMethod);
            Objects.requireNonNull(reportingTriggers);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(urrId, measurementMethod, reportingTriggers, volumeThreshold, volumeQuota, other);
        }

        static CreateUrr read(Children c) {
            return new CreateUrr(c.mandatory(UrrId.class, UrrId.TYPE), c.mandatory(MeasurementMethod.class, MeasurementMethod.TYPE),
                    c.mandatory(ReportingTriggers.class, ReportingTriggers.TYPE), c.optional(VolumeThreshold.class),
                    c.optional(VolumeQuota.class), c.rest());
        }
    }

    /** TS 29.244 7.5.2.5: Create QER (type 7): QER ID and Gate Status mandatory. */
    record CreateQer(QerId qerId, GateStatus gateStatus, Mbr mbr, Gbr gbr, Qfi qfi, List<Ie> other) implements GroupedIe {
        public static final int TYPE = 7;

        public CreateQer {
            Objects.requireNonNull(qerId);
            Objects.requireNonNull(gateStatus);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(qerId, gateStatus, mbr, gbr, qfi, other);
        }

        static CreateQer read(Children c) {
            return new CreateQer(c.mandatory(QerId.class, QerId.TYPE), c.mandatory(GateStatus.class, GateStatus.TYPE),
                    c.optional(Mbr.class), c.optional(Gbr.class), c.optional(Qfi.class), c.rest());
        }
    }

    /** TS 29.244 7.5.3.2: Created PDR (type 8): the F-TEID (and UE address) the UP function chose for a PDR. */
    record CreatedPdr(PdrId pdrId, FTeid localFTeid, UeIpAddress ueIpAddress, List<Ie> other) implements GroupedIe {
        public static final int TYPE = 8;

        public CreatedPdr {
            Objects.requireNonNull(pdrId);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(pdrId, localFTeid, ueIpAddress, other);
        }

        static CreatedPdr read(Children c) {
            return new CreatedPdr(c.mandatory(PdrId.class, PdrId.TYPE), c.optional(FTeid.class), c.optional(UeIpAddress.class), c.rest());
        }
    }

    /** TS 29.244 7.5.4.2: Update PDR (type 9): PDR ID mandatory. */
    record UpdatePdr(PdrId pdrId, OuterHeaderRemoval outerHeaderRemoval, Precedence precedence, Pdi pdi, FarId farId,
                     List<UrrId> urrIds, List<QerId> qerIds, List<Ie> other) implements GroupedIe {
        public static final int TYPE = 9;

        public UpdatePdr {
            Objects.requireNonNull(pdrId);
            urrIds = List.copyOf(urrIds);
            qerIds = List.copyOf(qerIds);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(pdrId, outerHeaderRemoval, precedence, pdi, farId, urrIds, qerIds, other);
        }

        static UpdatePdr read(Children c) {
            return new UpdatePdr(c.mandatory(PdrId.class, PdrId.TYPE), c.optional(OuterHeaderRemoval.class),
                    c.optional(Precedence.class), c.optional(Pdi.class), c.optional(FarId.class), c.all(UrrId.class),
                    c.all(QerId.class), c.rest());
        }
    }

    /** TS 29.244 7.5.4.3: Update FAR (type 10): FAR ID mandatory. */
    record UpdateFar(FarId farId, ApplyAction applyAction, UpdateForwardingParameters updateForwardingParameters,
                     List<Ie> other) implements GroupedIe {
        public static final int TYPE = 10;

        public UpdateFar {
            Objects.requireNonNull(farId);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(farId, applyAction, updateForwardingParameters, other);
        }

        static UpdateFar read(Children c) {
            return new UpdateFar(c.mandatory(FarId.class, FarId.TYPE), c.optional(ApplyAction.class),
                    c.optional(UpdateForwardingParameters.class), c.rest());
        }
    }

    /** TS 29.244 7.5.4.3-2: Update Forwarding Parameters (type 11); PFCPSMReq-Flags SNDEM asks for an End Marker. */
    record UpdateForwardingParameters(DestinationInterface destinationInterface, NetworkInstance networkInstance,
                                      OuterHeaderCreation outerHeaderCreation, PfcpSmReqFlags flags,
                                      TgppInterfaceType destinationInterfaceType, List<Ie> other) implements GroupedIe {
        public static final int TYPE = 11;

        public UpdateForwardingParameters {
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(destinationInterface, networkInstance, outerHeaderCreation, flags, destinationInterfaceType, other);
        }

        static UpdateForwardingParameters read(Children c) {
            return new UpdateForwardingParameters(c.optional(DestinationInterface.class), c.optional(NetworkInstance.class),
                    c.optional(OuterHeaderCreation.class), c.optional(PfcpSmReqFlags.class), c.optional(TgppInterfaceType.class), c.rest());
        }
    }

    /** TS 29.244 7.5.4.4: Update URR (type 13): URR ID mandatory. */
    record UpdateUrr(UrrId urrId, MeasurementMethod measurementMethod, ReportingTriggers reportingTriggers,
                     VolumeThreshold volumeThreshold, VolumeQuota volumeQuota, List<Ie> other) implements GroupedIe {
        public static final int TYPE = 13;

        public UpdateUrr {
            Objects.requireNonNull(urrId);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(urrId, measurementMethod, reportingTriggers, volumeThreshold, volumeQuota, other);
        }

        static UpdateUrr read(Children c) {
            return new UpdateUrr(c.mandatory(UrrId.class, UrrId.TYPE), c.optional(MeasurementMethod.class),
                    c.optional(ReportingTriggers.class), c.optional(VolumeThreshold.class), c.optional(VolumeQuota.class), c.rest());
        }
    }

    /** TS 29.244 7.5.4.5: Update QER (type 14): QER ID mandatory. */
    record UpdateQer(QerId qerId, GateStatus gateStatus, Mbr mbr, Gbr gbr, Qfi qfi, List<Ie> other) implements GroupedIe {
        public static final int TYPE = 14;

        public UpdateQer {
            Objects.requireNonNull(qerId);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(qerId, gateStatus, mbr, gbr, qfi, other);
        }

        static UpdateQer read(Children c) {
            return new UpdateQer(c.mandatory(QerId.class, QerId.TYPE), c.optional(GateStatus.class), c.optional(Mbr.class),
                    c.optional(Gbr.class), c.optional(Qfi.class), c.rest());
        }
    }

    /** TS 29.244 7.5.4.6: Remove PDR (type 15). */
    record RemovePdr(PdrId pdrId, List<Ie> other) implements GroupedIe {
        public static final int TYPE = 15;

        public RemovePdr {
            Objects.requireNonNull(pdrId);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(pdrId, other);
        }

        static RemovePdr read(Children c) {
            return new RemovePdr(c.mandatory(PdrId.class, PdrId.TYPE), c.rest());
        }
    }

    /** TS 29.244 7.5.4.7: Remove FAR (type 16). */
    record RemoveFar(FarId farId, List<Ie> other) implements GroupedIe {
        public static final int TYPE = 16;

        public RemoveFar {
            Objects.requireNonNull(farId);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(farId, other);
        }

        static RemoveFar read(Children c) {
            return new RemoveFar(c.mandatory(FarId.class, FarId.TYPE), c.rest());
        }
    }

    /** TS 29.244 7.5.4.8: Remove URR (type 17). */
    record RemoveUrr(UrrId urrId, List<Ie> other) implements GroupedIe {
        public static final int TYPE = 17;

        public RemoveUrr {
            Objects.requireNonNull(urrId);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(urrId, other);
        }

        static RemoveUrr read(Children c) {
            return new RemoveUrr(c.mandatory(UrrId.class, UrrId.TYPE), c.rest());
        }
    }

    /** TS 29.244 7.5.4.9: Remove QER (type 18). */
    record RemoveQer(QerId qerId, List<Ie> other) implements GroupedIe {
        public static final int TYPE = 18;

        public RemoveQer {
            Objects.requireNonNull(qerId);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(qerId, other);
        }

        static RemoveQer read(Children c) {
            return new RemoveQer(c.mandatory(QerId.class, QerId.TYPE), c.rest());
        }
    }

    /**
     * TS 29.244 7.5.5.2, 7.5.7.2, 7.5.8.3: Usage Report, type 78 in a Session Modification Response, 79 in a Session
     * Deletion Response, 80 in a Session Report Request; URR ID, UR-SEQN and Usage Report Trigger mandatory.
     */
    record UsageReport(int type, UrrId urrId, UrSeqn urSeqn, UsageReportTrigger trigger, StartTime startTime, EndTime endTime,
                       VolumeMeasurement volumeMeasurement, DurationMeasurement durationMeasurement, List<Ie> other)
            implements GroupedIe {
        public static final int IN_MODIFICATION_RESPONSE = 78;
        public static final int IN_DELETION_RESPONSE = 79;
        public static final int IN_REPORT_REQUEST = 80;

        public UsageReport {
            if (type < IN_MODIFICATION_RESPONSE || type > IN_REPORT_REQUEST) {
                throw new IllegalArgumentException("a Usage Report is IE type 78, 79 or 80: " + type);
            }
            Objects.requireNonNull(urrId);
            Objects.requireNonNull(urSeqn);
            Objects.requireNonNull(trigger);
            other = List.copyOf(other);
        }

        @Override
        public List<Ie> children() {
            return Children.of(urrId, urSeqn, trigger, startTime, endTime, volumeMeasurement, durationMeasurement, other);
        }

        static UsageReport read(int type, Children c) {
            return new UsageReport(type, c.mandatory(UrrId.class, UrrId.TYPE), c.mandatory(UrSeqn.class, UrSeqn.TYPE),
                    c.mandatory(UsageReportTrigger.class, UsageReportTrigger.TYPE), c.optional(StartTime.class),
                    c.optional(EndTime.class), c.optional(VolumeMeasurement.class), c.optional(DurationMeasurement.class), c.rest());
        }
    }

    /** TS 29.244 7.5.8.2: Downlink Data Report (type 83): which PDR saw downlink data for a buffering FAR. */
    record DownlinkDataReport(PdrId pdrId, DownlinkDataServiceInformation serviceInformation, List<Ie> other)
            implements GroupedIe {
        public static final int TYPE = 83;

        public DownlinkDataReport {
            Objects.requireNonNull(pdrId);
            other = List.copyOf(other);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public List<Ie> children() {
            return Children.of(pdrId, serviceInformation, other);
        }

        static DownlinkDataReport read(Children c) {
            return new DownlinkDataReport(c.mandatory(PdrId.class, PdrId.TYPE), c.optional(DownlinkDataServiceInformation.class), c.rest());
        }
    }

}
