package io.liquid5gc.sctp.udp;

import java.net.InetSocketAddress;
import java.util.function.Predicate;

/**
 * Which INIT and COOKIE ECHO packets a listening endpoint takes up: the source must be accepted and, for an INIT,
 * within its {@link InitRateLimit}. Decided before any INIT ACK is built or any association exists, so the
 * answer to an INIT stays stateless (RFC 9260 5.1.3); a refused packet is dropped without an answer. The
 * counters are written on the I/O thread and read from any thread.
 */
final class InitAdmission {
    private static final System.Logger LOG = System.getLogger(InitAdmission.class.getName());

    /** Null when INITs are answered without limit. */
    private final InitRateLimiter limiter;
    private final Predicate<InetSocketAddress> acceptFrom;
    private volatile long rateLimited;
    private volatile long refusedSources;

    InitAdmission(InitRateLimit limit, Predicate<InetSocketAddress> acceptFrom, long now) {
        this.limiter = limit == null ? null : new InitRateLimiter(limit, now);
        this.acceptFrom = acceptFrom;
    }

    /** An INIT from {@code from} may be answered. */
    boolean admitInit(InetSocketAddress from, long now) {
        if (!admitCookieEcho(from)) {
            return false;
        }
        if (limiter != null && !limiter.tryAcquire(from.getAddress(), now)) {
            rateLimited++;
            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(System.Logger.Level.DEBUG, "INIT from " + from + " over the INIT rate limit: dropped");
            }
            return false;
        }
        return true;
    }

    /** A COOKIE ECHO from {@code from} may set up an association. */
    boolean admitCookieEcho(InetSocketAddress from) {
        if (!acceptFrom.test(from)) {
            refusedSources++;
            return false;
        }
        return true;
    }

    long rateLimited() {
        return rateLimited;
    }

    long refusedSources() {
        return refusedSources;
    }
}
