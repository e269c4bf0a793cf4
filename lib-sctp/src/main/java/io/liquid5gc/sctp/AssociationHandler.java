package io.liquid5gc.sctp;

/**
 * Receives an endpoint's messages and events. Invoked on the endpoint's single I/O thread, never while
 * the stack holds a lock; a handler must not block (hand work off, e.g. to a virtual thread), because
 * while it runs no packet of any association of that endpoint is processed.
 */
public interface AssociationHandler {

    /** A complete user message. The payload array belongs to the handler. */
    void onMessage(Association association, SctpMessage message);

    /** A state notification. */
    default void onEvent(Association association, AssociationEvent event) {
    }
}
