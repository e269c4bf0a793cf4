package io.liquid5gc.runtime.metering;

import io.liquid5gc.runtime.store.KeyValueStore;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds this process's usage to the store's ledger every {@code liquid5gc.metering.flush-interval} on a virtual thread,
 * and once more when the process stops. A store that does not answer keeps the usage in the process for the next try.
 */
final class UsageFlusher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UsageFlusher.class);

    private final TenantMeter meter;
    private final KeyValueStore store;
    private final Thread thread;

    UsageFlusher(TenantMeter meter, KeyValueStore store, Duration interval) {
        this.meter = meter;
        this.store = store;
        this.thread = meter == null ? null : Thread.ofVirtual().name("liquid5gc-usage-flush").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
                flush();
            }
        });
    }

    void flush() {
        try {
            meter.flush(store);
        } catch (RuntimeException e) {
            log.debug("usage not added to the ledger yet: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            flush();
        }
    }
}
