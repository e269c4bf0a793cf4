package io.liquid5gc.proxy.ue;

import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UplinkNas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running NAS timer of each UE (TS 24.501 10.2): started with the downlink message that expects an answer
 * ({@link NasTimer#startedBy}), stopped by that answer; on expiry the message is sent again (a byte-level matter,
 * so here), and the expiry after the last retransmission goes to the AMF function owning the UE's procedure, which
 * decides what follows (TS 24.501 5.4.1.3.7 c), 5.4.2.7 c), 5.4.3.7 b), 5.5.1.2.8 c), 5.5.2.3.5 a)). The expiry runs
 * on the UE's serial executor.
 */
final class NasTimers {

    private static final Logger log = LoggerFactory.getLogger(NasTimers.class);

    /** What an expiry does to the UE: send the pending message again, or hand the last expiry on. */
    interface Expiry {
        /** Sends the pending message again, protected with the next NAS COUNT (not activating a new context again). */
        void retransmit(UeN2 ue, UeN2.PendingNas pending);

        /** The expiry after the last retransmission: the owning AMF function decides ({@code UeN2Event.NasTimerExpired}). */
        void expired(UeN2 ue, NasTimer timer);
    }

    private final ProxyProperties.NasTimers configured;
    private final NasTimerScheduler scheduler;
    private final UeConnections connections;
    private final UeMetrics metrics;
    private final Expiry expiry;

    NasTimers(ProxyProperties.NasTimers configured, NasTimerScheduler scheduler, UeConnections connections, UeMetrics metrics, Expiry expiry) {
        this.configured = configured;
        this.scheduler = scheduler;
        this.connections = connections;
        this.metrics = metrics;
        this.expiry = expiry;
    }

    /** Starts the timer the message runs under, if any, replacing the UE's running one. */
    void start(UeN2 ue, DownlinkNas message, UeAction.Protection protection) {
        NasTimer timer = NasTimer.startedBy(message);
        if (timer == null) {
            return;
        }
        stop(ue);
        UeN2.PendingNas pending = new UeN2.PendingNas(timer, message, protection);
        ue.pending = pending;
        arm(ue, pending);
    }

    private void arm(UeN2 ue, UeN2.PendingNas pending) {
        pending.running = scheduler.schedule(pending.timer.duration(configured), () -> connections.submit(ue, () -> onExpiry(ue, pending)));
    }

    /** Stops the running timer when the uplink message answers it. */
    void stopAnsweredBy(UeN2 ue, UplinkNas m) {
        if (ue.pending != null && ue.pending.timer.answeredBy(m)) {
            stop(ue);
        }
    }

    static void stop(UeN2 ue) {
        if (ue.pending != null) {
            ue.pending.running.cancel();
            ue.pending = null;
        }
    }

    /** On expiry the message goes again, protected with the next NAS COUNT; the last expiry goes to the AMF. */
    private void onExpiry(UeN2 ue, UeN2.PendingNas pending) {
        if (ue.pending != pending || !connections.contains(ue.amfUeNgapId)) {
            return; // answered, replaced or released meanwhile
        }
        if (pending.retransmissions < configured.retransmissions()) {
            pending.retransmissions++;
            metrics.count("nas_retransmission_" + pending.timer.tag());
            log.info("{}: {} expired; {} sent again ({}/{})", ue, pending.timer, pending.message.getClass().getSimpleName(),
                    pending.retransmissions, configured.retransmissions());
            arm(ue, pending);
            expiry.retransmit(ue, pending);
            return;
        }
        ue.pending = null;
        metrics.count("nas_timer_abort_" + pending.timer.tag());
        log.warn("{}: {} expired {} times without an answer; the AMF decides", ue, pending.timer, configured.retransmissions() + 1);
        expiry.expired(ue, pending.timer);
    }
}
