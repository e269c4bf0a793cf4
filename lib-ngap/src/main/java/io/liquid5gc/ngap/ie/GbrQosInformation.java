package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * TS 38.413 9.3.1.20 GBR QoS Flow Information (bit/s). Maximum packet loss rates are 0..1000 or -1 when absent;
 * {@code extensions} are its iE-Extensions kept raw, empty when none.
 */
public record GbrQosInformation(long maximumFlowBitRateDl, long maximumFlowBitRateUl, long guaranteedFlowBitRateDl,
                                long guaranteedFlowBitRateUl, boolean notificationRequested,
                                int maximumPacketLossRateDl, int maximumPacketLossRateUl,
                                List<RawExtension> extensions) {
    public GbrQosInformation {
        extensions = RawExtension.immutable(extensions);
    }

    public GbrQosInformation(long maximumFlowBitRateDl, long maximumFlowBitRateUl, long guaranteedFlowBitRateDl,
                             long guaranteedFlowBitRateUl, boolean notificationRequested,
                             int maximumPacketLossRateDl, int maximumPacketLossRateUl) {
        this(maximumFlowBitRateDl, maximumFlowBitRateUl, guaranteedFlowBitRateDl, guaranteedFlowBitRateUl,
                notificationRequested, maximumPacketLossRateDl, maximumPacketLossRateUl, List.of());
    }
}
