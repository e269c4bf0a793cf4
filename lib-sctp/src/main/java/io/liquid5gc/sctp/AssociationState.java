package io.liquid5gc.sctp;

/** RFC 9260 4 association states. */
public enum AssociationState {
    CLOSED, COOKIE_WAIT, COOKIE_ECHOED, ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_SENT, SHUTDOWN_RECEIVED,
    SHUTDOWN_ACK_SENT;

    /** True in states where the user may still queue data. */
    public boolean acceptsSends() {
        return this == COOKIE_WAIT || this == COOKIE_ECHOED || this == ESTABLISHED;
    }
}
