package io.liquid5gc.runner;

import java.util.EnumMap;
import java.util.Map;

/**
 * The life of one function unit, as a transition table: scaled to zero ({@code STOPPED}), its process launched and
 * not ready yet ({@code STARTING}, requests wait), serving ({@code READY}). A stopped unit's process may still be
 * ending (SIGTERM, then SIGKILL after the grace period); the next request starts a new one beside it.
 */
public enum UnitState {
    STOPPED, STARTING, READY;

    /** What happens to a unit. */
    public enum Event {
        /** a request for a unit with no process */
        REQUEST_WHILE_STOPPED,
        /** a plan asks for the unit's process before its requests come ({@code POST /runner/prestart/<function>}) */
        PRESTART,
        /** the readiness endpoint answered UP */
        READY,
        /** the process exited, could not be launched, or was not ready within the start timeout */
        START_FAILED,
        /** no request for the idle time */
        IDLE,
        /** the process of a ready unit ended by itself */
        EXITED,
        /** the runner is closing */
        SHUTDOWN
    }

    private static final Map<UnitState, Map<Event, UnitState>> TRANSITIONS = new EnumMap<>(UnitState.class);

    static {
        TRANSITIONS.put(STOPPED, Map.of(Event.REQUEST_WHILE_STOPPED, STARTING, Event.PRESTART, STARTING, Event.SHUTDOWN, STOPPED));
        TRANSITIONS.put(STARTING, Map.of(Event.READY, READY, Event.START_FAILED, STOPPED, Event.SHUTDOWN, STOPPED));
        TRANSITIONS.put(READY, Map.of(Event.IDLE, STOPPED, Event.EXITED, STOPPED, Event.SHUTDOWN, STOPPED));
    }

    /** The state after {@code event}; an event the table has no entry for is a bug in the runner. */
    public UnitState on(Event event) {
        UnitState next = TRANSITIONS.get(this).get(event);
        if (next == null) {
            throw new IllegalStateException("no transition from " + this + " on " + event);
        }
        return next;
    }
}
