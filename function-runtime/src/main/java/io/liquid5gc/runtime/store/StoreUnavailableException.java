package io.liquid5gc.runtime.store;

import io.liquid5gc.sbi.common.ProblemDetails;

/**
 * The store's server did not answer or refused the connection: worth waiting for (it may be starting, restarting or
 * unreachable for a moment), unlike a configuration error, which {@link StoreException} itself reports. A function
 * that meets one answers 503 with {@code Retry-After} ({@link #problem}); its {@link StoreConnection} marks the store
 * lost and reconnects by itself.
 */
public class StoreUnavailableException extends StoreException {

    /**
     * The {@code cause} of the 503 a call gets while its store is unreachable. Ours, not TS 29.500's: its table
     * 5.2.7.2-1 pairs 503 only with NF_CONGESTION (overload, which this is not) and NF_SERVICE_FAILOVER with 500; a
     * consumer that does not know the cause acts on the status, which is RFC 9110's "try again later".
     */
    public static final String CAUSE = "STORE_UNAVAILABLE";

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The 503 problem about {@code subject} (a function name): no server address, no password, no class name. */
    public static ProblemDetails problem(String subject) {
        return ProblemDetails.of(503, "Service Unavailable", CAUSE,
                subject + ": the NF's store is not reachable at the moment; retry later");
    }

    /** The store outage behind {@code e} (itself or one of its causes), or null. */
    public static StoreUnavailableException in(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof StoreUnavailableException s) {
                return s;
            }
        }
        return null;
    }
}
