package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.AssociationState;
import java.util.EnumMap;
import java.util.Map;

/**
 * The association state machine of RFC 9260 4 (Figure 3) as a transition table. Events not in the
 * table for the current state are not transitions (the caller ignores or discards them).
 */
final class StateMachine {

    enum Trigger {
        /** ASSOCIATE primitive: INIT sent, T1-init started. */
        ASSOCIATE,
        /** INIT ACK received: COOKIE ECHO sent, T1-cookie started. */
        RCV_INIT_ACK,
        /** Valid COOKIE ECHO received (new association, or collision per RFC 9260 5.2.4). */
        RCV_VALID_COOKIE_ECHO,
        /** COOKIE ACK received. */
        RCV_COOKIE_ACK,
        /** Stale Cookie ERROR in COOKIE-ECHOED: start over with a new INIT (RFC 9260 5.2.6). */
        RCV_STALE_COOKIE,
        /** SHUTDOWN primitive. */
        SHUTDOWN,
        /** All outstanding data acknowledged while shutting down. */
        NO_MORE_OUTSTANDING,
        /** SHUTDOWN received. */
        RCV_SHUTDOWN,
        /** SHUTDOWN ACK received: SHUTDOWN COMPLETE sent. */
        RCV_SHUTDOWN_ACK,
        /** SHUTDOWN COMPLETE received. */
        RCV_SHUTDOWN_COMPLETE,
        /** ABORT sent or received, or a failure threshold exceeded. */
        ABORT
    }

    private static final Map<AssociationState, Map<Trigger, AssociationState>> TABLE =
            new EnumMap<>(AssociationState.class);

    private static void t(AssociationState from, Trigger on, AssociationState to) {
        TABLE.computeIfAbsent(from, k -> new EnumMap<>(Trigger.class)).put(on, to);
    }

    static {
        t(AssociationState.CLOSED, Trigger.ASSOCIATE, AssociationState.COOKIE_WAIT);
        t(AssociationState.CLOSED, Trigger.RCV_VALID_COOKIE_ECHO, AssociationState.ESTABLISHED);
        t(AssociationState.COOKIE_WAIT, Trigger.RCV_INIT_ACK, AssociationState.COOKIE_ECHOED);
        t(AssociationState.COOKIE_WAIT, Trigger.RCV_VALID_COOKIE_ECHO, AssociationState.ESTABLISHED);
        t(AssociationState.COOKIE_ECHOED, Trigger.RCV_COOKIE_ACK, AssociationState.ESTABLISHED);
        t(AssociationState.COOKIE_ECHOED, Trigger.RCV_VALID_COOKIE_ECHO, AssociationState.ESTABLISHED);
        t(AssociationState.COOKIE_ECHOED, Trigger.RCV_STALE_COOKIE, AssociationState.COOKIE_WAIT);
        t(AssociationState.ESTABLISHED, Trigger.RCV_VALID_COOKIE_ECHO, AssociationState.ESTABLISHED);
        t(AssociationState.ESTABLISHED, Trigger.SHUTDOWN, AssociationState.SHUTDOWN_PENDING);
        t(AssociationState.ESTABLISHED, Trigger.RCV_SHUTDOWN, AssociationState.SHUTDOWN_RECEIVED);
        t(AssociationState.SHUTDOWN_PENDING, Trigger.NO_MORE_OUTSTANDING, AssociationState.SHUTDOWN_SENT);
        t(AssociationState.SHUTDOWN_PENDING, Trigger.RCV_SHUTDOWN, AssociationState.SHUTDOWN_RECEIVED);
        t(AssociationState.SHUTDOWN_RECEIVED, Trigger.NO_MORE_OUTSTANDING, AssociationState.SHUTDOWN_ACK_SENT);
        t(AssociationState.SHUTDOWN_SENT, Trigger.RCV_SHUTDOWN, AssociationState.SHUTDOWN_ACK_SENT);
        t(AssociationState.SHUTDOWN_SENT, Trigger.RCV_SHUTDOWN_ACK, AssociationState.CLOSED);
        t(AssociationState.SHUTDOWN_ACK_SENT, Trigger.RCV_SHUTDOWN_ACK, AssociationState.CLOSED);
        t(AssociationState.SHUTDOWN_ACK_SENT, Trigger.RCV_SHUTDOWN_COMPLETE, AssociationState.CLOSED);
        for (AssociationState s : AssociationState.values()) {
            if (s != AssociationState.CLOSED) {
                t(s, Trigger.ABORT, AssociationState.CLOSED);
            }
        }
    }

    private AssociationState state = AssociationState.CLOSED;

    AssociationState state() {
        return state;
    }

    /** The state {@code trigger} leads to from the current state, or null if it is not a transition. */
    static AssociationState next(AssociationState from, Trigger trigger) {
        Map<Trigger, AssociationState> m = TABLE.get(from);
        return m == null ? null : m.get(trigger);
    }

    /** Applies the transition if the table allows it; returns whether it did. */
    boolean fire(Trigger trigger) {
        AssociationState n = next(state, trigger);
        if (n == null) {
            return false;
        }
        state = n;
        return true;
    }
}
