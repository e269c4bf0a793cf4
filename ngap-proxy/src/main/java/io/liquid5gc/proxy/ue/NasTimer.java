package io.liquid5gc.proxy.ue;

import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.NasTimerId;
import io.liquid5gc.sbi.amf.UplinkNas;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The network's NAS timers (TS 24.501 10.2, table 10.2.2): which downlink message starts each, its configured
 * duration ({@code liquid5gc.proxy.nas-timers.*}), the uplink messages that stop it ("on receipt of") and its
 * name in the AMF contract.
 */
enum NasTimer {
    /** Registration Accept with a new 5G-GUTI until Registration Complete (TS 24.501 5.5.1.2.4). */
    T3550(NasTimerId.T3550, ProxyProperties.NasTimers::t3550, m -> m instanceof UplinkNas.RegistrationComplete),
    /** Authentication Request or Security Mode Command until the UE answers (TS 24.501 5.4.1.3, 5.4.2). */
    T3560(NasTimerId.T3560, ProxyProperties.NasTimers::t3560, m -> m instanceof UplinkNas.AuthenticationResponse || m instanceof UplinkNas.AuthenticationFailure
            || m instanceof UplinkNas.SecurityModeComplete || m instanceof UplinkNas.SecurityModeReject),
    /** Identity Request until Identity Response (TS 24.501 5.4.3). */
    T3570(NasTimerId.T3570, ProxyProperties.NasTimers::t3570, m -> m instanceof UplinkNas.IdentityResponse),
    /** Network-initiated De-registration Request until De-registration Accept (TS 24.501 5.5.2.3). */
    T3522(NasTimerId.T3522, ProxyProperties.NasTimers::t3522, m -> m instanceof UplinkNas.DeregistrationAccept);

    private final NasTimerId id;
    private final Function<ProxyProperties.NasTimers, Duration> duration;
    private final Predicate<UplinkNas> answer;

    NasTimer(NasTimerId id, Function<ProxyProperties.NasTimers, Duration> duration, Predicate<UplinkNas> answer) {
        this.id = id;
        this.duration = duration;
        this.answer = answer;
    }

    /** The timer's name in the AMF contract, for its last expiry ({@code UeN2Event.NasTimerExpired}). */
    NasTimerId id() {
        return id;
    }

    /**
     * Whether TS 24.501 releases the N1 signalling connection when the procedure is aborted at the last expiry
     * (5.4.1.3.7 c), 5.4.2.7 c), 5.4.3.7 b), 5.5.2.3.5 a)); not for T3550, whose registration stands (5.5.1.2.8 c)).
     * What the proxy does itself when the AMF cannot be told.
     */
    boolean releasesOnAbort() {
        return this != T3550;
    }

    /** The timer a downlink message runs under, or null when it expects no answer. */
    static NasTimer startedBy(DownlinkNas m) {
        return switch (m) {
            case DownlinkNas.AuthenticationRequest a -> T3560;
            case DownlinkNas.SecurityModeCommand c -> T3560;
            case DownlinkNas.IdentityRequest i -> T3570;
            case DownlinkNas.RegistrationAccept a when a.guti() != null -> T3550; // a new GUTI: Registration Complete due
            case DownlinkNas.DeregistrationRequest d -> T3522;
            default -> null;
        };
    }

    Duration duration(ProxyProperties.NasTimers configured) {
        return duration.apply(configured);
    }

    /**
     * Whether an uplink message stops this timer: its answer, or a new Registration or De-registration Request from
     * the UE, which ends whatever procedure was running.
     */
    boolean answeredBy(UplinkNas m) {
        return answer.test(m) || m instanceof UplinkNas.RegistrationRequest || m instanceof UplinkNas.DeregistrationRequest;
    }

    /** The name in metric tags: {@code t3560}. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
