package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.102 PDU Session Aggregate Maximum Bit Rate, bit/s. */
public record PduSessionAggregateMaximumBitRate(long downlink, long uplink) {
}
