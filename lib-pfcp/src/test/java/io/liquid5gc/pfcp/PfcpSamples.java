package io.liquid5gc.pfcp;

import io.liquid5gc.pfcp.GroupedIe.CreateFar;
import io.liquid5gc.pfcp.GroupedIe.CreatePdr;
import io.liquid5gc.pfcp.GroupedIe.CreateQer;
import io.liquid5gc.pfcp.GroupedIe.CreateUrr;
import io.liquid5gc.pfcp.GroupedIe.CreatedPdr;
import io.liquid5gc.pfcp.GroupedIe.DownlinkDataReport;
import io.liquid5gc.pfcp.GroupedIe.ForwardingParameters;
import io.liquid5gc.pfcp.GroupedIe.Pdi;
import io.liquid5gc.pfcp.GroupedIe.RemovePdr;
import io.liquid5gc.pfcp.GroupedIe.UpdateFar;
import io.liquid5gc.pfcp.GroupedIe.UpdateForwardingParameters;
import io.liquid5gc.pfcp.GroupedIe.UpdateQer;
import io.liquid5gc.pfcp.GroupedIe.UsageReport;
import io.liquid5gc.pfcp.Ie.Cause;
import io.liquid5gc.pfcp.NodeIe.CpFunctionFeatures;
import io.liquid5gc.pfcp.NodeIe.FSeid;
import io.liquid5gc.pfcp.NodeIe.NodeId;
import io.liquid5gc.pfcp.NodeIe.RecoveryTimeStamp;
import io.liquid5gc.pfcp.NodeIe.UpFunctionFeatures;
import io.liquid5gc.pfcp.RuleIe.ApplyAction;
import io.liquid5gc.pfcp.RuleIe.FarId;
import io.liquid5gc.pfcp.RuleIe.GateStatus;
import io.liquid5gc.pfcp.RuleIe.Mbr;
import io.liquid5gc.pfcp.RuleIe.PdrId;
import io.liquid5gc.pfcp.RuleIe.PfcpSmReqFlags;
import io.liquid5gc.pfcp.RuleIe.Precedence;
import io.liquid5gc.pfcp.RuleIe.QerId;
import io.liquid5gc.pfcp.RuleIe.Qfi;
import io.liquid5gc.pfcp.RuleIe.UrrId;
import io.liquid5gc.pfcp.SessionMessage.RuleChanges;
import io.liquid5gc.pfcp.TunnelIe.DestinationInterface;
import io.liquid5gc.pfcp.TunnelIe.FTeid;
import io.liquid5gc.pfcp.TunnelIe.Interface;
import io.liquid5gc.pfcp.TunnelIe.NetworkInstance;
import io.liquid5gc.pfcp.TunnelIe.OuterHeaderCreation;
import io.liquid5gc.pfcp.TunnelIe.OuterHeaderRemoval;
import io.liquid5gc.pfcp.TunnelIe.PdnType;
import io.liquid5gc.pfcp.TunnelIe.SourceInterface;
import io.liquid5gc.pfcp.TunnelIe.TgppInterfaceType;
import io.liquid5gc.pfcp.TunnelIe.UeIpAddress;
import io.liquid5gc.pfcp.UsageIe.DownlinkDataServiceInformation;
import io.liquid5gc.pfcp.UsageIe.DurationMeasurement;
import io.liquid5gc.pfcp.UsageIe.EndTime;
import io.liquid5gc.pfcp.UsageIe.MeasurementMethod;
import io.liquid5gc.pfcp.UsageIe.ReportType;
import io.liquid5gc.pfcp.UsageIe.ReportingTriggers;
import io.liquid5gc.pfcp.UsageIe.StartTime;
import io.liquid5gc.pfcp.UsageIe.UrSeqn;
import io.liquid5gc.pfcp.UsageIe.UsageReportTrigger;
import io.liquid5gc.pfcp.UsageIe.VolumeMeasurement;
import io.liquid5gc.pfcp.UsageIe.VolumeQuota;
import io.liquid5gc.pfcp.UsageIe.VolumeThreshold;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;

/** One message of every modelled type, with every modelled IE somewhere, as an SMF and a UPF would send them. */
final class PfcpSamples {
    private PfcpSamples() {
    }

    static final Inet4Address SMF = v4("10.203.0.1");
    static final Inet4Address UPF = v4("10.203.0.2");
    static final Inet4Address GNB = v4("10.203.0.3");
    static final Inet4Address UE = v4("10.45.0.2");
    static final RecoveryTimeStamp STAMP = RecoveryTimeStamp.of(Instant.parse("2026-12-06T01:00:00Z"));

    static Inet4Address v4(String a) {
        try {
            return (Inet4Address) InetAddress.getByName(a);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The uplink PDR, FAR, QER and URR of a PDU session, and its downlink PDR and FAR (TS 29.244 5.2, 23.501 5.8.2). */
    static NodeMessage.AssociationSetupRequest associationSetupRequest() {
        return new NodeMessage.AssociationSetupRequest(PfcpHeader.node(1), NodeId.of(SMF), STAMP, null,
                new CpFunctionFeatures(new byte[] {0x01}), List.of());
    }

    static SessionMessage.SessionEstablishmentRequest sessionEstablishmentRequest() {
        return sessionEstablishmentRequest(SMF, UE, 0x1001, 2);
    }

    /** UL: PDR 1 (N3, CH) -> FAR 1 forward to N6; DL: PDR 2 (UE address) -> FAR 2 buffer and notify; QER 1, URR 1. */
    static SessionMessage.SessionEstablishmentRequest sessionEstablishmentRequest(Inet4Address smf, Inet4Address ue, long cpSeid, int seq) {
        Pdi ul = new Pdi(new SourceInterface(Interface.ACCESS), FTeid.chooseIpv4(1), NetworkInstance.ofDnn("internet"),
                UeIpAddress.ipv4(ue, false), null, new TgppInterfaceType(TgppInterfaceType.Value.N3_3GPP_ACCESS), List.of());
        Pdi dl = new Pdi(new SourceInterface(Interface.CORE), null, NetworkInstance.ofDnn("internet"),
                UeIpAddress.ipv4(ue, true), null, null, List.of());
        CreatePdr pdrUl = new CreatePdr(new PdrId(1), new Precedence(255), ul,
                new OuterHeaderRemoval(OuterHeaderRemoval.GTPU_UDP_IPV4, 1), new FarId(1), List.of(new UrrId(1)), List.of(new QerId(1)), List.of());
        CreatePdr pdrDl = new CreatePdr(new PdrId(2), new Precedence(255), dl, null, new FarId(2), List.of(new UrrId(1)), List.of(new QerId(1)), List.of());
        CreateFar farUl = new CreateFar(new FarId(1), new ApplyAction(ApplyAction.FORW),
                new ForwardingParameters(new DestinationInterface(Interface.CORE), NetworkInstance.ofDnn("internet"), null,
                        new TgppInterfaceType(TgppInterfaceType.Value.N6), List.of()), List.of());
        CreateFar farDl = new CreateFar(new FarId(2), new ApplyAction(ApplyAction.BUFF | ApplyAction.NOCP), null, List.of());
        CreateQer qer = new CreateQer(new QerId(1), new GateStatus(true, true), new Mbr(100_000, 200_000), null, new Qfi(9), List.of());
        CreateUrr urr = new CreateUrr(new UrrId(1), new MeasurementMethod(MeasurementMethod.VOLUM | MeasurementMethod.DURAT),
                new ReportingTriggers(ReportingTriggers.VOLTH | ReportingTriggers.VOLQU),
                new VolumeThreshold(1_000_000L, null, null), new VolumeQuota(10_000_000L, null, null), List.of());
        return new SessionMessage.SessionEstablishmentRequest(PfcpHeader.session(0, seq), NodeId.of(smf), FSeid.of(cpSeid, smf),
                List.of(pdrUl, pdrDl), List.of(farUl, farDl), List.of(urr), List.of(qer), new PdnType(PdnType.Value.IPV4), List.of());
    }

    /** The gNB's DL tunnel is known (PDU Session Resource Setup Response): FAR 2 forwards to it. */
    static SessionMessage.SessionModificationRequest downlinkForward(long upSeid, int seq, Inet4Address gnb, long gnbTeid) {
        UpdateFar dl = new UpdateFar(new FarId(2), new ApplyAction(ApplyAction.FORW),
                new UpdateForwardingParameters(new DestinationInterface(Interface.ACCESS), null,
                        OuterHeaderCreation.gtpuIpv4(gnbTeid, gnb), null,
                        new TgppInterfaceType(TgppInterfaceType.Value.N3_3GPP_ACCESS), List.of()), List.of());
        return new SessionMessage.SessionModificationRequest(PfcpHeader.session(upSeid, seq), null,
                RuleChanges.updatingFars(List.of(dl)), null, List.of());
    }

    static SessionMessage.SessionModificationRequest sessionModificationRequest() {
        UpdateFar dl = new UpdateFar(new FarId(2), new ApplyAction(ApplyAction.FORW),
                new UpdateForwardingParameters(new DestinationInterface(Interface.ACCESS), NetworkInstance.ofDnn("internet"),
                        OuterHeaderCreation.gtpuIpv4(0x7001, GNB), new PfcpSmReqFlags(PfcpSmReqFlags.SNDEM), null, List.of()),
                List.of());
        RuleChanges changes = new RuleChanges(List.of(new RemovePdr(new PdrId(3), List.of())), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(dl), List.of(),
                List.of(new UpdateQer(new QerId(1), null, new Mbr(50_000, 60_000), null, null, List.of())));
        return new SessionMessage.SessionModificationRequest(PfcpHeader.session(0x2002, 3), null, changes,
                new PfcpSmReqFlags(PfcpSmReqFlags.QAURR), List.of());
    }

    static UsageReport usageReport(int type) {
        return new UsageReport(type, new UrrId(1), new UrSeqn(4), new UsageReportTrigger(UsageReportTrigger.VOLTH),
                new StartTime(STAMP.ntpSeconds()), new EndTime(STAMP.ntpSeconds() + 60),
                new VolumeMeasurement(3000L, 1000L, 2000L, 30L, 10L, 20L), new DurationMeasurement(60), List.of());
    }

    static List<PfcpMessage> all() {
        return List.of(
                new NodeMessage.HeartbeatRequest(PfcpHeader.node(7), STAMP, List.of()),
                new NodeMessage.HeartbeatResponse(PfcpHeader.node(7), STAMP, List.of()),
                associationSetupRequest(),
                new NodeMessage.AssociationSetupResponse(PfcpHeader.node(1), NodeId.of(UPF), new Cause(Cause.Value.REQUEST_ACCEPTED),
                        STAMP, new UpFunctionFeatures(new byte[] {0x11, 0x00}), null, List.of()),
                new NodeMessage.AssociationUpdateRequest(PfcpHeader.node(4), NodeId.ofFqdn("smf.liquid5gc.test"), null,
                        new CpFunctionFeatures(new byte[] {0x01}), List.of()),
                new NodeMessage.AssociationUpdateResponse(PfcpHeader.node(4), NodeId.of(UPF), new Cause(Cause.Value.REQUEST_ACCEPTED), null, null, List.of()),
                new NodeMessage.AssociationReleaseRequest(PfcpHeader.node(5), NodeId.of(SMF), List.of()),
                new NodeMessage.AssociationReleaseResponse(PfcpHeader.node(5), NodeId.of(UPF), new Cause(Cause.Value.REQUEST_ACCEPTED), List.of()),
                sessionEstablishmentRequest(),
                new SessionMessage.SessionEstablishmentResponse(PfcpHeader.session(0x1001, 2), NodeId.of(UPF),
                        new Cause(Cause.Value.REQUEST_ACCEPTED), null, FSeid.of(0x2002, UPF),
                        List.of(new CreatedPdr(new PdrId(1), FTeid.of(0x5001, UPF), null, List.of())), List.of()),
                sessionModificationRequest(),
                new SessionMessage.SessionModificationResponse(PfcpHeader.session(0x1001, 3), new Cause(Cause.Value.REQUEST_ACCEPTED),
                        null, List.of(), List.of(usageReport(UsageReport.IN_MODIFICATION_RESPONSE)), List.of()),
                new SessionMessage.SessionDeletionRequest(PfcpHeader.session(0x2002, 8), List.of()),
                new SessionMessage.SessionDeletionResponse(PfcpHeader.session(0x1001, 8), new Cause(Cause.Value.REQUEST_ACCEPTED), null,
                        List.of(usageReport(UsageReport.IN_DELETION_RESPONSE)), List.of()),
                new SessionMessage.SessionReportRequest(PfcpHeader.session(0x1001, 9), new ReportType(ReportType.DLDR | ReportType.USAR),
                        new DownlinkDataReport(new PdrId(2), new DownlinkDataServiceInformation(null, 9), List.of()),
                        List.of(usageReport(UsageReport.IN_REPORT_REQUEST)), List.of()),
                new SessionMessage.SessionReportResponse(PfcpHeader.session(0x2002, 9), new Cause(Cause.Value.SESSION_CONTEXT_NOT_FOUND),
                        new Ie.OffendingIe(57), List.of()));
    }
}
