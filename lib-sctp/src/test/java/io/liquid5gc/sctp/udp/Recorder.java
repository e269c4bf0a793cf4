package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.AssociationHandler;
import io.liquid5gc.sctp.SctpMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Test handler: records messages and events; optionally echoes messages back. */
class Recorder implements AssociationHandler {
    record Received(Association association, SctpMessage message) {
    }

    final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<AssociationEvent> events = new LinkedBlockingQueue<>();
    final List<AssociationEvent> allEvents = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile Association lastAssociation;
    private final boolean echo;

    Recorder(boolean echo) {
        this.echo = echo;
    }

    @Override
    public void onMessage(Association association, SctpMessage message) {
        if (echo) {
            association.trySend(message);
        }
        messages.add(new Received(association, message));
    }

    @Override
    public void onEvent(Association association, AssociationEvent event) {
        lastAssociation = association;
        allEvents.add(event);
        events.add(event);
    }

    SctpMessage nextMessage(Duration timeout) throws InterruptedException {
        Received r = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no message within " + timeout);
        }
        return r.message();
    }

    @SuppressWarnings("unchecked")
    <E extends AssociationEvent> E awaitEvent(Class<E> type, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            AssociationEvent e = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + timeout + "; events: " + allEvents);
            }
            if (type.isInstance(e)) {
                return (E) e;
            }
        }
    }

    boolean sawEvent(Predicate<AssociationEvent> p) {
        synchronized (allEvents) {
            return allEvents.stream().anyMatch(p);
        }
    }
}
