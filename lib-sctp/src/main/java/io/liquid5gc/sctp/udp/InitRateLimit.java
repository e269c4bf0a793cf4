package io.liquid5gc.sctp.udp;

/**
 * How many INIT chunks per second one source IP address may have answered by a listening endpoint: a token
 * bucket per source address ({@code perSecond} refill, {@code burst} capacity), checked before an INIT ACK is
 * built. An INIT over the limit is dropped silently, like a lost packet: a real peer retransmits it after
 * T1-init (RFC 9260 5.1), an attacker using the endpoint as a reflector (the INIT ACK with its state cookie is
 * several times larger than the INIT) gets nothing.
 *
 * <p>The answer to an INIT stays stateless (RFC 9260 5.1.3: no association state before a valid COOKIE ECHO);
 * the limiter's own state is bounded: at most {@code maxSources} addresses are tracked, and sources beyond
 * that share one bucket of the same size, so spoofing many addresses buys no more INIT ACKs than one source.
 *
 * @param perSecond  tokens added per second per source, &gt; 0
 * @param burst      bucket capacity: INITs answered back to back from one source, &gt;= 1
 * @param maxSources source addresses tracked at once, &gt;= 1
 */
public record InitRateLimit(double perSecond, int burst, int maxSources) {

    /** 10 INITs per second per source address, bursts of 20, 10,000 sources tracked (about 1 MB at most). */
    public static final InitRateLimit DEFAULT = new InitRateLimit(10, 20, 10_000);

    public InitRateLimit {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("InitRateLimit: perSecond must be a positive number: " + perSecond);
        }
        if (burst < 1 || maxSources < 1) {
            throw new IllegalArgumentException("InitRateLimit: burst and maxSources must be >= 1");
        }
    }
}
