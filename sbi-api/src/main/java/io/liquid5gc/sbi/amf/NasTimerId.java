package io.liquid5gc.sbi.amf;

/**
 * The network's 5GMM timers that guard a downlink NAS message (TS 24.501 10.2, table 10.2.2), as the N1 termination
 * (the proxy, which runs and retransmits them) names them to the AMF when one expired for the last time
 * ({@link UeN2Event.NasTimerExpired}).
 */
public enum NasTimerId {
    /** Registration Accept with a new 5G-GUTI until Registration Complete (TS 24.501 5.5.1.2.4, 5.5.1.2.8 c)). */
    T3550,
    /** Authentication Request or Security Mode Command until the UE answers (TS 24.501 5.4.1.3.7 c), 5.4.2.7 c)). */
    T3560,
    /** Identity Request until Identity Response (TS 24.501 5.4.3.7 b)). */
    T3570,
    /** Network-initiated De-registration Request until De-registration Accept (TS 24.501 5.5.2.3.5 a)). */
    T3522
}
