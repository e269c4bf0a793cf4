package io.liquid5gc.proxy.ue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The proxy's UE signalling metrics: event counters ({@code liquid5gc.proxy.ue.events{event}}) and the latency of a
 * registration and of a PDU session establishment as the proxy sees them.
 */
final class UeMetrics {

    private final MeterRegistry meters;
    private final Map<String, Counter> events = new ConcurrentHashMap<>();
    private final Timer registrationSuccess;
    private final Timer pduSessionSuccess;
    /** Registration Request seen, by the AMF UE NGAP ID of the connection. */
    private final Map<Long, Long> registrationStarted = new ConcurrentHashMap<>();
    /** PDU Session Establishment Request seen, by "context id/PDU session id". */
    private final Map<String, Long> sessionStarted = new ConcurrentHashMap<>();
    /** The operator's list of the last procedures and events (the console's live view). */
    private final RecentProcedures recent = new RecentProcedures(java.time.Clock.systemUTC());

    UeMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.registrationSuccess = Timer.builder("liquid5gc.proxy.registration")
                .description("Registration latency, Registration Request to Registration Complete")
                .tag("outcome", "success").publishPercentileHistogram().register(meters);
        this.pduSessionSuccess = Timer.builder("liquid5gc.proxy.pdu.session")
                .description("PDU session establishment latency, UL NAS TRANSPORT with the request to the gNB's PDU Session Resource Setup Response")
                .tag("outcome", "success").publishPercentileHistogram().register(meters);
    }

    MeterRegistry registry() {
        return meters;
    }

    RecentProcedures recent() {
        return recent;
    }

    void count(String event) {
        if (!event.equals("registered") && !event.equals("pdu_session_established")) { // those two are entries with their latency
            recent.add(event, null, RecentProcedures.Outcome.EVENT, null);
        }
        events.computeIfAbsent(event, r -> Counter.builder("liquid5gc.proxy.ue.events")
                .description("UE signalling events at the proxy").tag("event", r).register(meters)).increment();
    }

    void registrationRequested(long amfUeNgapId) {
        registrationStarted.put(amfUeNgapId, System.nanoTime());
    }

    void registrationCompleted(long amfUeNgapId) {
        Long started = registrationStarted.remove(amfUeNgapId);
        Long took = started == null ? null : System.nanoTime() - started;
        if (took != null) {
            registrationSuccess.record(took, TimeUnit.NANOSECONDS);
        }
        recent.add("registration", "UE " + amfUeNgapId, RecentProcedures.Outcome.SUCCESS, took);
        count("registered");
    }

    /** The connection is gone: a registration it started is not timed. */
    void forgetRegistration(long amfUeNgapId) {
        Long started = registrationStarted.remove(amfUeNgapId);
        if (started != null) {
            recent.add("registration", "UE " + amfUeNgapId, RecentProcedures.Outcome.NOT_COMPLETED, System.nanoTime() - started);
        }
    }

    void sessionRequested(String contextId, int pduSessionId) {
        sessionStarted.put(contextId + "/" + pduSessionId, System.nanoTime());
    }

    void sessionSetUp(String contextId, int pduSessionId) {
        Long started = sessionStarted.remove(contextId + "/" + pduSessionId);
        if (started != null) {
            long took = System.nanoTime() - started;
            pduSessionSuccess.record(took, TimeUnit.NANOSECONDS);
            recent.add("pdu-session-establishment", "UE " + contextId + " session " + pduSessionId, RecentProcedures.Outcome.SUCCESS, took);
            count("pdu_session_established");
        }
    }
}
