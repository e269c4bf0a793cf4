package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.58 UE Aggregate Maximum Bit Rate, bit/s (BitRate 0..4000000000000). */
public record UeAggregateMaximumBitRate(long downlink, long uplink) {
}
