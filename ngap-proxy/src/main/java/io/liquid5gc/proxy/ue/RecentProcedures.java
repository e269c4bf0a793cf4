package io.liquid5gc.proxy.ue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last UE procedures and events this proxy saw, newest first, for the operator's live view: registrations and PDU
 * session establishments with their latency (the same spans as {@code liquid5gc.proxy.registration} and
 * {@code liquid5gc.proxy.pdu.session}), registrations that ended before their Registration Complete, and every
 * counted UE event ({@code liquid5gc.proxy.ue.events}: releases with their cause, timer aborts, handovers, paging, ...).
 * Bounded: the oldest entry goes when a new one comes past {@link #CAPACITY}.
 */
public final class RecentProcedures {

    static final int CAPACITY = 200;

    /** How a procedure ended. */
    public enum Outcome { SUCCESS, NOT_COMPLETED, EVENT }

    /**
     * @param ue        the UE as the proxy names it (its connection's AMF UE NGAP ID or its context id), null when none
     * @param latencyMs null for events
     */
    public record Entry(Instant at, String procedure, String ue, Outcome outcome, Double latencyMs) {
    }

    private final Clock clock;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    RecentProcedures(Clock clock) {
        this.clock = clock;
    }

    void add(String procedure, String ue, Outcome outcome, Long latencyNanos) {
        Entry e = new Entry(clock.instant(), procedure, ue, outcome, latencyNanos == null ? null : latencyNanos / 1e6);
        synchronized (entries) {
            entries.addFirst(e);
            if (entries.size() > CAPACITY) {
                entries.removeLast();
            }
        }
    }

    /** At most {@code limit} entries, newest first. */
    public List<Entry> latest(int limit) {
        synchronized (entries) {
            return new ArrayList<>(entries).subList(0, Math.min(Math.max(limit, 0), entries.size()));
        }
    }
}
