package io.liquid5gc.runtime.store;

/** The store could not do what was asked: unreachable server, contention, a corrupt journal. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
