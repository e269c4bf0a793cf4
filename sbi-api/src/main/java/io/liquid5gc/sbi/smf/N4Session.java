package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An N4 session (TS 29.244 7.5.2 PFCP Session Establishment Request / 7.5.4 Modification) as values: the SMF's F-SEID,
 * the UPF it is for, and the rules: PDRs (TS 29.244 7.5.2.2), FARs (7.5.2.3), QERs (7.5.2.5).
 *
 * @param cpSeid      the SMF's SEID for this session (CP F-SEID)
 * @param cpN4Address the SMF's N4 address (CP F-SEID)
 * @param upfNodeId   the UPF's node id
 * @param upfN4Address the UPF's N4 (PFCP) address
 * @param version     1 at establishment, incremented with every modification
 * @param sent        true once the UPF accepted it (liquid5gc.smf.n4.enabled); false when N4 is off and it is only stored
 * @param upSeid      the UPF's SEID for this session (UP F-SEID of the establishment response), when sent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record N4Session(long cpSeid, String cpN4Address, String upfNodeId, String upfN4Address, int version,
                        List<Pdr> createPdr, List<Far> createFar, List<Qer> createQer, boolean sent,
                        Long upSeid) {

    /** This session as the UPF accepted it. */
    public N4Session sentWith(long upfSeid) {
        return new N4Session(cpSeid, cpN4Address, upfNodeId, upfN4Address, version, createPdr, createFar, createQer, true, upfSeid);
    }

    /** Create PDR (TS 29.244 7.5.2.2): packet detection, then the FAR and QERs applied to matching packets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pdr(int pdrId, int precedence, Pdi pdi, String outerHeaderRemoval, int farId, List<Integer> qerIds) {
    }

    /**
     * PDI (TS 29.244 7.5.2.2-2): source interface (ACCESS uplink from the gNB, CORE downlink from the DN), the local
     * F-TEID for GTP-U traffic, the network instance (DNN), the UE IP address and the QFI.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pdi(String sourceInterface, FTeid localFTeid, String networkInstance, UeIpAddress ueIpAddress, Integer qfi) {
    }

    /** F-TEID (TS 29.244 8.2.3): TEID (8 hex digits) and IPv4 address. */
    public record FTeid(String teid, String ipv4Address) {
    }

    /** UE IP Address (TS 29.244 8.2.62) with the S/D flag: "SOURCE" for uplink PDRs, "DESTINATION" for downlink. */
    public record UeIpAddress(String ipv4Address, String sourceOrDestination) {
    }

    /** Create FAR (TS 29.244 7.5.2.3): apply action FORW, DROP, BUFF, NOCP (8.2.26) and forwarding parameters. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Far(int farId, List<String> applyAction, ForwardingParameters forwardingParameters) {
    }

    /** Forwarding Parameters (TS 29.244 7.5.2.3-2): destination interface, network instance, outer header creation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ForwardingParameters(String destinationInterface, String networkInstance, OuterHeaderCreation outerHeaderCreation) {
    }

    /** Outer Header Creation (TS 29.244 8.2.56): "GTP-U/UDP/IPv4", the peer's TEID and IPv4 address. */
    public record OuterHeaderCreation(String description, String teid, String ipv4Address) {
    }

    /** Create QER (TS 29.244 7.5.2.5): gate status (8.2.7: OPEN/CLOSED) and MBR (8.2.8, kbps), QFI. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Qer(int qerId, String ulGate, String dlGate, Long mbrUlKbps, Long mbrDlKbps, Integer qfi) {
    }
}
