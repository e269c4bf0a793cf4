package io.liquid5gc.smf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.pcf.Arp;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import java.time.Instant;
import java.util.List;

/**
 * The SM context of one PDU session as stored at {@code smf/ctx/<smContextRef>}: everything release must undo (UE address,
 * TEID, NSACF count, charging, binding) and everything the N4 session is built from, with the UPF chosen for it
 * ({@code upfNodeId}; absent in contexts stored before several UPFs: the first configured one).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SmContext(String smContextRef, String supi, int pduSessionId, String dnn, Snssai sNssai, String pduSessionType,
                 String sscMode, PlmnId servingNetwork, String servingNfId, String anType, String ueIpv4, long ipOffset,
                 long ulTeid, long cpSeid, String smPolicyId, Ambr sessionAmbr, List<QosFlow> qosFlows,
                 UpTransportLayerInformation dlTunnel, String upCnxState, boolean nsacCounted, String chargingDataRef,
                 String bindingId, Instant createdAt, String upfNodeId, Handover handover) {

    /**
     * An N2 handover with indirect data forwarding (TS 23.502 4.9.1.3.2 step 9, 4.9.1.3.3 steps 8 and 15): the target
     * gNB's N3 tunnel (the downlink moves there at completion), its forwarding tunnel and the UPF's forwarding TEID
     * (PDR/FAR 3: what the source sends there goes to the target's forwarding tunnel); after completion the forwarding
     * stays until {@code forwardingUntil}.
     */
    record Handover(UpTransportLayerInformation target, UpTransportLayerInformation targetForwarding, long forwardingTeid,
                    Instant forwardingUntil) {

        Handover completedUntil(Instant until) {
            return new Handover(target, targetForwarding, forwardingTeid, until);
        }
    }

    /** The session placed on another UPF, with its UL TEID there (failover at establishment). */
    SmContext onUpf(String nodeId, long teid) {
        return new SmContext(smContextRef, supi, pduSessionId, dnn, sNssai, pduSessionType, sscMode, servingNetwork, servingNfId,
                anType, ueIpv4, ipOffset, teid, cpSeid, smPolicyId, sessionAmbr, qosFlows, dlTunnel, upCnxState, nsacCounted,
                chargingDataRef, bindingId, createdAt, nodeId, handover);
    }

    SmContext withHandover(Handover h) {
        return new SmContext(smContextRef, supi, pduSessionId, dnn, sNssai, pduSessionType, sscMode, servingNetwork, servingNfId,
                anType, ueIpv4, ipOffset, ulTeid, cpSeid, smPolicyId, sessionAmbr, qosFlows, dlTunnel, upCnxState, nsacCounted,
                chargingDataRef, bindingId, createdAt, upfNodeId, h);
    }

    /** A QoS flow of the session (TS 23.501 5.7): QFI, 5QI, ARP, maximum bit rates. */
    record QosFlow(int qfi, int fiveQi, Arp arp, String maxbrUl, String maxbrDl, boolean defaultFlow) {
    }

    SmContext withDownlink(UpTransportLayerInformation tunnel, String state) {
        return new SmContext(smContextRef, supi, pduSessionId, dnn, sNssai, pduSessionType, sscMode, servingNetwork, servingNfId,
                anType, ueIpv4, ipOffset, ulTeid, cpSeid, smPolicyId, sessionAmbr, qosFlows, tunnel, state, nsacCounted,
                chargingDataRef, bindingId, createdAt, upfNodeId, handover);
    }

    SmContext withQosFlows(List<QosFlow> flows) {
        return new SmContext(smContextRef, supi, pduSessionId, dnn, sNssai, pduSessionType, sscMode, servingNetwork, servingNfId,
                anType, ueIpv4, ipOffset, ulTeid, cpSeid, smPolicyId, sessionAmbr, flows, dlTunnel, upCnxState, nsacCounted,
                chargingDataRef, bindingId, createdAt, upfNodeId, handover);
    }

    QosFlow defaultFlow() {
        return qosFlows.stream().filter(QosFlow::defaultFlow).findFirst().orElse(qosFlows.getFirst());
    }
}
