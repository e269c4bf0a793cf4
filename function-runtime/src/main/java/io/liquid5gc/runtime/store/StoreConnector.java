package io.liquid5gc.runtime.store;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a store at start-up, waiting for its server instead of exiting: a {@link StoreUnavailableException} (no
 * answer, connection refused) is retried with exponential backoff (0.2 s doubling to 5 s) until
 * {@code liquid5gc.store.start-timeout} has passed, each attempt a WARN naming the server; any other failure (an
 * invalid URL, a bad setting) fails at once. A Redis or etcd that starts after the NF, or answers slowly on a busy
 * machine, no longer stops the NF.
 */
public final class StoreConnector {

    private static final Logger log = LoggerFactory.getLogger(StoreConnector.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** How the connector waits between attempts (a test passes one that records instead of sleeping). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper THREAD = d -> Thread.sleep(d);
    }

    private final Duration startTimeout;
    private final Sleeper sleeper;
    private final java.util.function.LongSupplier nanoTime;

    public StoreConnector(Duration startTimeout) {
        this(startTimeout, Sleeper.THREAD, System::nanoTime);
    }

    StoreConnector(Duration startTimeout, Sleeper sleeper, java.util.function.LongSupplier nanoTime) {
        this.startTimeout = startTimeout;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    /**
     * @param what the store, for the log ("state store (redis)")
     * @throws StoreUnavailableException when the server has not answered within the start timeout (the last failure,
     *                                   and how long it waited)
     */
    public KeyValueStore connect(String what, Supplier<KeyValueStore> connect) {
        long start = nanoTime.getAsLong();
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                KeyValueStore store = connect.get();
                if (attempt > 1) {
                    log.info("{} connected after {} attempts", what, attempt);
                }
                return store;
            } catch (StoreUnavailableException e) {
                Duration waited = Duration.ofNanos(nanoTime.getAsLong() - start);
                if (waited.plus(backoff).compareTo(startTimeout) > 0) {
                    throw new StoreUnavailableException(e.getMessage() + " (waited " + waited.toSeconds() + " s, "
                            + attempt + " attempts; liquid5gc.store.start-timeout=" + startTimeout.toSeconds() + "s)", e);
                }
                log.warn("{}: {}; waiting for it, next attempt in {} ms (liquid5gc.store.start-timeout={}s)",
                        what, e.getMessage(), backoff.toMillis(), startTimeout.toSeconds());
                try {
                    sleeper.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new StoreException(what + ": interrupted while waiting for the store", ie);
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
