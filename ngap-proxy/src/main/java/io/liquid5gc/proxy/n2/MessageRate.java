package io.liquid5gc.proxy.n2;

/**
 * A token bucket: {@code perSecond} refill, {@code burst} capacity, on an injected nanosecond clock. Thread-safe
 * (an association's messages may arrive on the kernel endpoint's threads).
 */
final class MessageRate {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long at;

    MessageRate(double perSecond, int burst, long now) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.at = now;
    }

    synchronized boolean tryAcquire(long now) {
        tokens = Math.min(burst, tokens + Math.max(0, now - at) * perNano);
        at = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
