package io.liquid5gc.r17.nwdaf;

import java.time.Duration;

/** Runs the NWDAF's collection every interval on one virtual thread (none when the interval is zero). */
final class Ticker implements AutoCloseable {

    private final Thread thread;

    Ticker(Analytics analytics, Duration interval) {
        if (interval.isZero()) {
            thread = null;
            return;
        }
        thread = Thread.ofVirtual().name("nwdaf-collector").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
                analytics.tick();
            }
        });
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
