package io.liquid5gc.runtime.store;

/**
 * The store's server did not answer or refused the connection: worth waiting for (it may be starting, restarting or
 * unreachable for a moment), unlike a configuration error, which {@link StoreException} itself reports.
 */
public class StoreUnavailableException extends StoreException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
