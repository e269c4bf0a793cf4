package io.liquid5gc.sctp.udp;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token buckets of an {@link InitRateLimit}, one per source IP address, in a table of bounded size kept in
 * least-recently-used order. When the table is full, the least recently seen source is forgotten if its bucket
 * has refilled completely (forgetting it changes nothing); otherwise the new source is not tracked and draws
 * from a shared overflow bucket. Confined to the endpoint's I/O thread.
 */
final class InitRateLimiter {

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final double perNano;
    private final double burst;
    private final int maxSources;
    private final LinkedHashMap<InetAddress, Bucket> sources = new LinkedHashMap<>(64, 0.75f, true);
    private final Bucket overflow;

    InitRateLimiter(InitRateLimit limit, long now) {
        this.perNano = limit.perSecond() / 1e9;
        this.burst = limit.burst();
        this.maxSources = limit.maxSources();
        this.overflow = new Bucket(burst, now);
    }

    /** Takes one token for an INIT from {@code source}; false when its bucket is empty. */
    boolean tryAcquire(InetAddress source, long now) {
        Bucket b = sources.get(source);
        if (b == null) {
            if (sources.size() >= maxSources) {
                Map.Entry<InetAddress, Bucket> eldest = sources.firstEntry();
                if (level(eldest.getValue(), now) >= burst) {
                    sources.pollFirstEntry();
                } else {
                    return take(overflow, now);
                }
            }
            b = new Bucket(burst, now);
            sources.put(source, b);
        }
        return take(b, now);
    }

    /** Source addresses tracked now (at most maxSources). */
    int trackedSources() {
        return sources.size();
    }

    private boolean take(Bucket b, long now) {
        b.tokens = level(b, now);
        b.at = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return true;
        }
        return false;
    }

    private double level(Bucket b, long now) {
        long elapsed = Math.max(0, now - b.at);
        return Math.min(burst, b.tokens + elapsed * perNano);
    }
}
