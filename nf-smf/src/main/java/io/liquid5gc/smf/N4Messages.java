package io.liquid5gc.smf;

import io.liquid5gc.pfcp.GroupedIe.CreateFar;
import io.liquid5gc.pfcp.GroupedIe.CreatePdr;
import io.liquid5gc.pfcp.GroupedIe.CreateQer;
import io.liquid5gc.pfcp.GroupedIe.ForwardingParameters;
import io.liquid5gc.pfcp.GroupedIe.Pdi;
import io.liquid5gc.pfcp.GroupedIe.UpdateFar;
import io.liquid5gc.pfcp.GroupedIe.UpdateForwardingParameters;
import io.liquid5gc.pfcp.GroupedIe.UpdateQer;
import io.liquid5gc.pfcp.NodeIe.FSeid;
import io.liquid5gc.pfcp.NodeIe.NodeId;
import io.liquid5gc.pfcp.PfcpHeader;
import io.liquid5gc.pfcp.RuleIe.ApplyAction;
import io.liquid5gc.pfcp.RuleIe.FarId;
import io.liquid5gc.pfcp.RuleIe.GateStatus;
import io.liquid5gc.pfcp.RuleIe.Mbr;
import io.liquid5gc.pfcp.RuleIe.PdrId;
import io.liquid5gc.pfcp.RuleIe.Precedence;
import io.liquid5gc.pfcp.RuleIe.QerId;
import io.liquid5gc.pfcp.RuleIe.Qfi;
import io.liquid5gc.pfcp.SessionMessage.RuleChanges;
import io.liquid5gc.pfcp.SessionMessage.SessionDeletionRequest;
import io.liquid5gc.pfcp.SessionMessage.SessionEstablishmentRequest;
import io.liquid5gc.pfcp.SessionMessage.SessionModificationRequest;
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
import io.liquid5gc.sbi.smf.N4Session;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * An {@link N4Session} as PFCP messages (TS 29.244 7.5.2, 7.5.4, 7.5.6). Choices a standard UPF (Open5GS's among them)
 * needs: the PDIs and forwarding parameters carry the 3GPP Interface Type (N3 3GPP access, N6; 8.2.118), PDN Type is
 * sent (8.2.79) so the UE IP Address is used, and a PDI never carries a QFI (the QFI is the QER's, so a forwarding PDR
 * matches every flow of the session).
 */
final class N4Messages {
    private N4Messages() {
    }

    /** URR 1 of a charged session: volume measured on every PDR, reported at the threshold and at deletion. */
    static final long URR_ID = 1;

    /**
     * @param volumeThreshold with charging, the octets after which the UPF reports usage (URR 1, VOLTH, TS 29.244
     *                        5.2.2.3); null: no URR
     */
    static SessionEstablishmentRequest establishment(N4Session s, String pduSessionType, int seq, Long volumeThreshold) {
        List<io.liquid5gc.pfcp.RuleIe.UrrId> urrIds = volumeThreshold == null ? List.of() : List.of(new io.liquid5gc.pfcp.RuleIe.UrrId(URR_ID));
        List<CreatePdr> pdrs = s.createPdr().stream().map(p -> pdr(p, p.pdrId() == N4Sessions.FORWARDING_RULE_ID ? List.of() : urrIds)).toList();
        List<io.liquid5gc.pfcp.GroupedIe.CreateUrr> urrs = volumeThreshold == null ? List.of() : List.of(new io.liquid5gc.pfcp.GroupedIe.CreateUrr(
                new io.liquid5gc.pfcp.RuleIe.UrrId(URR_ID), new io.liquid5gc.pfcp.UsageIe.MeasurementMethod(io.liquid5gc.pfcp.UsageIe.MeasurementMethod.VOLUM),
                new io.liquid5gc.pfcp.UsageIe.ReportingTriggers(io.liquid5gc.pfcp.UsageIe.ReportingTriggers.VOLTH),
                new io.liquid5gc.pfcp.UsageIe.VolumeThreshold(volumeThreshold, null, null), null, List.of()));
        List<CreateFar> fars = s.createFar().stream().map(N4Messages::far).toList();
        List<CreateQer> qers = s.createQer().stream().map(q -> new CreateQer(new QerId(q.qerId()),
                new GateStatus("OPEN".equals(q.ulGate()), "OPEN".equals(q.dlGate())), mbr(q), null,
                q.qfi() == null ? null : new Qfi(q.qfi()), List.of())).toList();
        return new SessionEstablishmentRequest(PfcpHeader.session(0, seq), NodeId.of(v4(s.cpN4Address())),
                FSeid.of(s.cpSeid(), v4(s.cpN4Address())), pdrs, fars, urrs, qers, pdnType(pduSessionType), List.of());
    }

    /**
     * From {@code before} to {@code s}: the downlink FAR (forward to the gNB's tunnel, or buffer) and the QERs' bit
     * rates as they are now, the rules {@code s} has and {@code before} had not created (the indirect forwarding PDR/FAR
     * of a handover), those it no longer has removed; with {@code endMarker} (the downlink tunnel moved to another gNB:
     * path switch or handover, TS 23.502 4.9.1.2.2) SNDEM asks the UPF to send End Markers on the old tunnel (TS 29.244
     * 5.2.2.3.1, 8.2.31).
     */
    static SessionModificationRequest modification(N4Session before, N4Session s, int seq, boolean endMarker) {
        List<UpdateFar> fars = s.createFar().stream().filter(f -> f.farId() == 2).map(f -> new UpdateFar(new FarId(f.farId()),
                action(f.applyAction()), f.forwardingParameters() == null ? null : updateForwarding(f.forwardingParameters(), endMarker),
                List.of())).toList();
        List<UpdateQer> qers = s.createQer().stream().map(q -> new UpdateQer(new QerId(q.qerId()),
                new GateStatus("OPEN".equals(q.ulGate()), "OPEN".equals(q.dlGate())), mbr(q), null, null, List.of())).toList();
        java.util.Set<Integer> pdrsBefore = before.createPdr().stream().map(N4Session.Pdr::pdrId).collect(java.util.stream.Collectors.toSet());
        java.util.Set<Integer> pdrsNow = s.createPdr().stream().map(N4Session.Pdr::pdrId).collect(java.util.stream.Collectors.toSet());
        java.util.Set<Integer> farsBefore = before.createFar().stream().map(N4Session.Far::farId).collect(java.util.stream.Collectors.toSet());
        java.util.Set<Integer> farsNow = s.createFar().stream().map(N4Session.Far::farId).collect(java.util.stream.Collectors.toSet());
        List<CreatePdr> createPdrs = s.createPdr().stream().filter(p -> !pdrsBefore.contains(p.pdrId())).map(p -> pdr(p, List.of())).toList();
        List<CreateFar> createFars = s.createFar().stream().filter(f -> !farsBefore.contains(f.farId())).map(N4Messages::far).toList();
        List<io.liquid5gc.pfcp.GroupedIe.RemovePdr> removePdrs = before.createPdr().stream().filter(p -> !pdrsNow.contains(p.pdrId()))
                .map(p -> new io.liquid5gc.pfcp.GroupedIe.RemovePdr(new PdrId(p.pdrId()), List.of())).toList();
        List<io.liquid5gc.pfcp.GroupedIe.RemoveFar> removeFars = before.createFar().stream().filter(f -> !farsNow.contains(f.farId()))
                .map(f -> new io.liquid5gc.pfcp.GroupedIe.RemoveFar(new FarId(f.farId()), List.of())).toList();
        RuleChanges changes = new RuleChanges(removePdrs, removeFars, List.of(), List.of(), createPdrs, createFars, List.of(), List.of(),
                List.of(), fars, List.of(), qers);
        return new SessionModificationRequest(PfcpHeader.session(s.upSeid(), seq), null, changes, null, List.of());
    }

    private static CreateFar far(N4Session.Far f) {
        return new CreateFar(new FarId(f.farId()), action(f.applyAction()),
                f.forwardingParameters() == null ? null : forwarding(f.forwardingParameters(), f.farId() == N4Sessions.FORWARDING_RULE_ID), List.of());
    }

    static SessionDeletionRequest deletion(N4Session s, int seq) {
        return new SessionDeletionRequest(PfcpHeader.session(s.upSeid(), seq), List.of());
    }

    private static CreatePdr pdr(N4Session.Pdr p, List<io.liquid5gc.pfcp.RuleIe.UrrId> urrIds) {
        N4Session.Pdi in = p.pdi();
        boolean uplink = "ACCESS".equals(in.sourceInterface());
        FTeid local = in.localFTeid() == null ? null : FTeid.of(Long.parseLong(in.localFTeid().teid(), 16), v4(in.localFTeid().ipv4Address()));
        UeIpAddress ue = in.ueIpAddress() == null ? null
                : UeIpAddress.ipv4(v4(in.ueIpAddress().ipv4Address()), "DESTINATION".equals(in.ueIpAddress().sourceOrDestination()));
        Pdi pdi = new Pdi(new SourceInterface(iface(in.sourceInterface())), local,
                in.networkInstance() == null ? null : NetworkInstance.ofDnn(in.networkInstance()), ue, null,
                uplink ? new TgppInterfaceType(p.pdrId() == N4Sessions.FORWARDING_RULE_ID ? TgppInterfaceType.Value.N3_DATA_FORWARDING
                        : TgppInterfaceType.Value.N3_3GPP_ACCESS) : null, List.of());
        OuterHeaderRemoval removal = N4Sessions.GTPU_UDP_IPV4.equals(p.outerHeaderRemoval())
                ? new OuterHeaderRemoval(OuterHeaderRemoval.GTPU_UDP_IPV4, null) : null;
        return new CreatePdr(new PdrId(p.pdrId()), new Precedence(p.precedence()), pdi, removal, new FarId(p.farId()),
                urrIds, p.qerIds().stream().map(QerId::new).toList(), List.of());
    }

    private static ForwardingParameters forwarding(N4Session.ForwardingParameters f, boolean dataForwarding) {
        Interface to = iface(f.destinationInterface());
        return new ForwardingParameters(new DestinationInterface(to), f.networkInstance() == null ? null : NetworkInstance.ofDnn(f.networkInstance()),
                creation(f.outerHeaderCreation()), dataForwarding ? new TgppInterfaceType(TgppInterfaceType.Value.N3_DATA_FORWARDING) : interfaceType(to),
                List.of());
    }

    private static UpdateForwardingParameters updateForwarding(N4Session.ForwardingParameters f, boolean endMarker) {
        Interface to = iface(f.destinationInterface());
        return new UpdateForwardingParameters(new DestinationInterface(to),
                f.networkInstance() == null ? null : NetworkInstance.ofDnn(f.networkInstance()), creation(f.outerHeaderCreation()),
                endMarker ? new io.liquid5gc.pfcp.RuleIe.PfcpSmReqFlags(io.liquid5gc.pfcp.RuleIe.PfcpSmReqFlags.SNDEM) : null,
                interfaceType(to), List.of());
    }

    private static TgppInterfaceType interfaceType(Interface to) {
        return new TgppInterfaceType(to == Interface.ACCESS ? TgppInterfaceType.Value.N3_3GPP_ACCESS : TgppInterfaceType.Value.N6);
    }

    private static OuterHeaderCreation creation(N4Session.OuterHeaderCreation c) {
        return c == null ? null : OuterHeaderCreation.gtpuIpv4(Long.parseLong(c.teid(), 16), v4(c.ipv4Address()));
    }

    private static Mbr mbr(N4Session.Qer q) {
        return q.mbrUlKbps() == null && q.mbrDlKbps() == null ? null
                : new Mbr(q.mbrUlKbps() == null ? 0 : q.mbrUlKbps(), q.mbrDlKbps() == null ? 0 : q.mbrDlKbps());
    }

    private static ApplyAction action(List<String> flags) {
        int f = 0;
        for (String a : flags) {
            f |= switch (a) {
                case "DROP" -> ApplyAction.DROP;
                case "FORW" -> ApplyAction.FORW;
                case "BUFF" -> ApplyAction.BUFF;
                case "NOCP" -> ApplyAction.NOCP;
                case "DUPL" -> ApplyAction.DUPL;
                default -> throw new IllegalArgumentException("apply action " + a);
            };
        }
        return new ApplyAction(f);
    }

    private static Interface iface(String name) {
        return switch (name) {
            case "ACCESS" -> Interface.ACCESS;
            case "CORE" -> Interface.CORE;
            case "N6_LAN" -> Interface.N6_LAN;
            case "CP_FUNCTION" -> Interface.CP_FUNCTION;
            default -> throw new IllegalArgumentException("interface " + name);
        };
    }

    private static PdnType pdnType(String pduSessionType) {
        return new PdnType(switch (pduSessionType == null ? "IPV4" : pduSessionType) {
            case "IPV6" -> PdnType.Value.IPV6;
            case "IPV4V6" -> PdnType.Value.IPV4V6;
            case "ETHERNET" -> PdnType.Value.ETHERNET;
            case "UNSTRUCTURED" -> PdnType.Value.NON_IP;
            default -> PdnType.Value.IPV4;
        });
    }

    static Inet4Address v4(String address) {
        try {
            return (Inet4Address) InetAddress.getByName(address);
        } catch (UnknownHostException | ClassCastException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + address, e);
        }
    }
}
