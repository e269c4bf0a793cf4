package io.liquid5gc.ngap.transfer;

/** TS 38.413 9.3.1.x QoS Flow with Data Forwarding item. */
public record QosFlowWithDataForwarding(int qosFlowIdentifier, boolean dataForwardingAccepted) {
}
