package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.AssociationState;
import java.util.PriorityQueue;

/**
 * The endpoint's one timer queue: an entry per association at its earliest deadline. Re-arming is lazy: a later
 * deadline leaves the old entry, which is skipped when it no longer matches the association's armed deadline,
 * so the per-SACK T3 restarts of RFC 9260 6.3.2 do not allocate entries. Confined to the I/O thread.
 */
final class TimerQueue {

    /** What a timer that threw is reported to (the endpoint aborts the association at fault). */
    interface FailureSink {
        void failed(String what, RuntimeException e, long now);
    }

    private record Entry(long deadline, AssociationCore core) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            return Long.compare(deadline, o.deadline);
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();

    /** The earliest deadline queued, or {@link Long#MAX_VALUE}. */
    long next() {
        Entry e = queue.peek();
        return e == null ? Long.MAX_VALUE : e.deadline();
    }

    /** Runs the timers due at {@code now}. */
    void runDue(long now, FailureSink failures) {
        Entry e;
        while ((e = queue.peek()) != null && e.deadline() <= now) {
            queue.poll();
            AssociationCore c = e.core();
            if (c.armedDeadline != e.deadline() || c.state() == AssociationState.CLOSED) {
                continue;
            }
            c.armedDeadline = AssociationCore.OFF;
            try {
                c.onTimer(now);
            } catch (RuntimeException ex) {
                failures.failed("timer", ex, now);
            }
            rearm(c);
        }
    }

    /** Queues the association's earliest deadline if it is earlier than the one queued. */
    void rearm(AssociationCore c) {
        if (c.state() == AssociationState.CLOSED) {
            return;
        }
        long d = c.nextDeadline();
        if (d < c.armedDeadline) {
            c.armedDeadline = d;
            queue.add(new Entry(d, c));
        }
    }
}
