package io.liquid5gc.proxy.n2;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the N2 termination tells its gNBs when it stops ({@code liquid5gc.proxy.shutdown.*}; TS 38.413 8.7.3, TS 23.501
 * 5.21.2.2): a planned restart should not look like a failure to the RAN.
 *
 * @param statusIndication send AMF STATUS INDICATION with every served GUAMI unavailable to every set-up gNB first
 * @param grace            how long the associations stay up after it (for the message to be delivered, retransmitted if
 *                         lost, and for the gNB to move new UEs elsewhere) before they are closed
 * @param backupAmfName    the AMF name the gNBs are pointed to (another proxy's {@code liquid5gc.proxy.amf-name}); empty: none
 * @param applyTimer       TimerApproachForGUAMIRemoval apply-timer: the gNBs keep the UEs of the GUAMIs a while
 *                         (the UEs' contexts live in the store; another proxy resumes them) instead of releasing them at once
 */
@ConfigurationProperties("liquid5gc.proxy.shutdown")
public record N2ShutdownProperties(@DefaultValue("true") boolean statusIndication, @DefaultValue("1s") Duration grace,
                                   @DefaultValue("") String backupAmfName, @DefaultValue("true") boolean applyTimer) {

    public static N2ShutdownProperties defaults() {
        return new N2ShutdownProperties(true, Duration.ofSeconds(1), "", true);
    }
}
