package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.13 QoS Flow List with Cause item. */
public record QosFlowWithCause(int qosFlowIdentifier, Cause cause) {
}
