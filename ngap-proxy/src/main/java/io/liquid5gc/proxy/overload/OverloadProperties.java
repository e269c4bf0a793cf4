package io.liquid5gc.proxy.overload;

import io.liquid5gc.ngap.ie.OverloadAction;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * AMF overload control at the N2 termination ({@code liquid5gc.proxy.overload.*}; TS 23.501 5.19.5.2 and 5.19.7.2).
 * The proxy is overloaded when the AMF function calls it has in flight reach {@code startInFlight}, or when, with at
 * least {@code stopInFlight} of them in flight, their recent latency (an exponentially weighted mean over the calls
 * answered within the last second) reaches {@code startLatency} (slow but not busy, e.g. a cold peer, is not
 * overload). It is no longer overloaded once it has been for at least {@code minDuration}, the calls in flight are at
 * or below {@code stopInFlight}, and the latency is at or below {@code stopLatency} (or fewer than stopInFlight calls
 * are in flight).
 *
 * @param enabled              false: never overloaded (no Overload Start, no congestion rejects)
 * @param startInFlight        AMF function calls in flight that start the overload whatever their latency (a hard cap: a
 *                             burst the AMF answers quickly is not overload, and a UE turned away waits T3346)
 * @param stopInFlight         ... and at or below which it may stop (less than startInFlight)
 * @param startLatency         mean AMF call latency that starts the overload
 * @param stopLatency          ... and at or below which it may stop
 * @param minDuration          shortest overload, so that Overload Start and Stop do not flap
 * @param backOff              the T3346 value given with 5GMM cause #22 congestion (TS 24.501 5.5.1.2.5, 10.2)
 * @param action               the Overload Action sent to the gNBs in OVERLOAD START (TS 38.413 9.3.1.105)
 * @param trafficLoadReduction the percentage of signalling the gNBs are asked to reject (1..99; 0: the IE is not sent)
 * @param admissionLatency     the mean latency of the UEs' tasks (an N2 message of a UE, from its arrival to the end
 *                             of its processing) the adaptive admission limit keeps (see {@link AdmissionLimit}): with
 *                             as many tasks in flight as the limit, a new registration is refused with #22 and T3346
 *                             even when not overloaded; 0: no admission limit (only the overload refuses)
 * @param admissionMinLimit    the admission limit (at most start-in-flight) never falls below this many tasks in
 *                             flight, so that a few UEs waiting for a cold start are not refused
 */
@ConfigurationProperties("liquid5gc.proxy.overload")
public record OverloadProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("1024") int startInFlight,
                                 @DefaultValue("128") int stopInFlight,
                                 @DefaultValue("2s") Duration startLatency,
                                 @DefaultValue("500ms") Duration stopLatency,
                                 @DefaultValue("5s") Duration minDuration,
                                 @DefaultValue("2m") Duration backOff,
                                 @DefaultValue("REJECT_RRC_CR_SIGNALLING") OverloadAction action,
                                 @DefaultValue("50") int trafficLoadReduction,
                                 @DefaultValue("100ms") Duration admissionLatency,
                                 @DefaultValue("128") int admissionMinLimit) {

    public OverloadProperties {
        if (startInFlight < 1 || stopInFlight < 0 || stopInFlight >= startInFlight) {
            throw new IllegalArgumentException("liquid5gc.proxy.overload: stop-in-flight (" + stopInFlight
                    + ") must be below start-in-flight (" + startInFlight + "), both positive");
        }
        if (stopLatency.compareTo(startLatency) > 0) {
            throw new IllegalArgumentException("liquid5gc.proxy.overload: stop-latency (" + stopLatency
                    + ") must not be above start-latency (" + startLatency + ")");
        }
        if (trafficLoadReduction < 0 || trafficLoadReduction > 99) {
            throw new IllegalArgumentException("liquid5gc.proxy.overload.traffic-load-reduction is 1..99 % (0: not sent), not "
                    + trafficLoadReduction);
        }
        if (admissionLatency.isNegative() || admissionMinLimit < 1) {
            throw new IllegalArgumentException("liquid5gc.proxy.overload: admission-latency (" + admissionLatency
                    + ") must not be negative and admission-min-limit (" + admissionMinLimit + ") must be positive");
        }
        long t3346 = backOff.toSeconds();
        if (t3346 < 2 || t3346 > 31 * 360) {
            throw new IllegalArgumentException("liquid5gc.proxy.overload.back-off (T3346) is 2 s .. 186 min (GPRS timer 2), not " + backOff);
        }
    }
}
