package io.liquid5gc.ngap.ie;

/**
 * TS 38.413 9.3.1.20 GBR QoS Flow Information (bit/s). Maximum packet loss rates are 0..1000 or -1 when absent.
 */
public record GbrQosInformation(long maximumFlowBitRateDl, long maximumFlowBitRateUl, long guaranteedFlowBitRateDl,
                                long guaranteedFlowBitRateUl, boolean notificationRequested,
                                int maximumPacketLossRateDl, int maximumPacketLossRateUl) {
}
