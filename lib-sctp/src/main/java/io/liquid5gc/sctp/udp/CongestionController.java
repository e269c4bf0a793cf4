package io.liquid5gc.sctp.udp;

/**
 * Congestion control of an association's one destination (RFC 9260 7.2): the congestion window
 * {@code cwnd}, the slow-start threshold {@code ssthresh} and {@code partial_bytes_acked}, with slow start
 * (7.2.1), congestion avoidance (7.2.2), the reactions to a T3-rtx expiry (7.2.3) and to fast retransmit
 * with Fast Recovery (7.2.4), and the idle decay of 7.2.1. It knows nothing about chunks: the send side
 * tells it what was acknowledged and what was lost, and asks it how much may be in flight.
 *
 * <p>Confined to the endpoint's I/O thread, like the {@link AssociationCore} that owns it.
 */
final class CongestionController {
    /** Largest SCTP packet on the path (the MTU of RFC 9260 7.2, after the IP and UDP headers). */
    private final int mtu;
    private long cwnd;
    private long ssthresh;
    private long partialBytesAcked;
    private boolean inFastRecovery;
    /** The highest TSN outstanding when Fast Recovery was entered (RFC 9260 7.2.4 step 2). */
    private int fastRecoveryExit;
    /** When DATA was last sent, 0 before the first (for the idle decay of RFC 9260 7.2.1). */
    private long lastDataSentAt;

    CongestionController(int mtu) {
        this.mtu = mtu;
        reset();
    }

    /**
     * RFC 9260 7.2.1: the initial cwnd is min(4*MTU, max(2*MTU, 4404)) bytes and the initial ssthresh
     * arbitrarily high (here 2^31 - 1, above any advertised receiver window). Also used on a restart.
     */
    void reset() {
        cwnd = Math.min(4L * mtu, Math.max(2L * mtu, 4404));
        ssthresh = Integer.MAX_VALUE;
        partialBytesAcked = 0;
        inFastRecovery = false;
    }

    long cwnd() {
        return cwnd;
    }

    long ssthresh() {
        return ssthresh;
    }

    long partialBytesAcked() {
        return partialBytesAcked;
    }

    boolean inFastRecovery() {
        return inFastRecovery;
    }

    /** RFC 9260 6.1 B: new DATA (and T3 retransmissions) may go out only while flight size < cwnd. */
    boolean allows(long flightSize) {
        return flightSize < cwnd;
    }

    /**
     * A SACK was processed. {@code bytesAcked} counts the newly acknowledged bytes (by the cumulative
     * ack and by gap blocks), {@code flightBefore} the flight size before the SACK arrived.
     *
     * <ul>
     *   <li>RFC 9260 7.2.1 slow start (cwnd &lt;= ssthresh): when the cumulative ack advanced, the window was
     *       fully used (flight size + MTU &gt; cwnd) and the sender is not in Fast Recovery, cwnd grows by at
     *       most min(bytes acknowledged, L*MTU) with L = 1.</li>
     *   <li>RFC 9260 7.2.2 congestion avoidance (cwnd &gt; ssthresh): partial_bytes_acked collects the bytes
     *       acknowledged; once it reaches cwnd with the window fully used, cwnd grows by one MTU and
     *       partial_bytes_acked drops by cwnd.</li>
     *   <li>RFC 9260 7.2.4 step 5: Fast Recovery ends when the cumulative ack reaches the exit point.</li>
     * </ul>
     */
    void onSack(int cumulativeTsnAck, boolean cumAdvanced, long bytesAcked, long flightBefore) {
        if (cumAdvanced && !inFastRecovery && bytesAcked > 0) {
            boolean fullyUsed = flightBefore + mtu > cwnd;
            if (cwnd <= ssthresh) {
                if (fullyUsed) {
                    cwnd += Math.min(bytesAcked, mtu);
                }
            } else {
                partialBytesAcked += bytesAcked;
                if (partialBytesAcked >= cwnd && fullyUsed) {
                    partialBytesAcked -= cwnd;
                    cwnd += mtu;
                }
            }
        }
        if (inFastRecovery && Tsn.ge(cumulativeTsnAck, fastRecoveryExit)) {
            inFastRecovery = false;
        }
    }

    /**
     * A chunk was marked for fast retransmit (RFC 9260 7.2.4 step 2): unless already in Fast Recovery,
     * enter it with {@code highestOutstandingTsn} as the exit point and reduce the window as after a loss
     * (7.2.3): ssthresh = max(cwnd/2, 4*MTU), cwnd = ssthresh, partial_bytes_acked = 0.
     */
    void onFastRetransmit(int highestOutstandingTsn) {
        if (inFastRecovery) {
            return; // RFC 9260 7.2.4 step 2: no further reduction within one Fast Recovery
        }
        inFastRecovery = true;
        fastRecoveryExit = highestOutstandingTsn;
        ssthresh = Math.max(cwnd / 2, 4L * mtu);
        cwnd = ssthresh;
        partialBytesAcked = 0;
    }

    /**
     * RFC 9260 7.2.3: T3-rtx expired: ssthresh = max(cwnd/2, 4*MTU), cwnd = 1*MTU, partial_bytes_acked = 0;
     * the retransmissions that follow are in slow start, so Fast Recovery ends too.
     */
    void onRetransmissionTimeout() {
        ssthresh = Math.max(cwnd / 2, 4L * mtu);
        cwnd = mtu;
        partialBytesAcked = 0;
        inFastRecovery = false;
    }

    /**
     * RFC 9260 7.2.1: a destination that sent no DATA for an RTO has cwnd reduced to max(cwnd/2, 4*MTU)
     * per RTO of idleness, so an idle association does not burst a stale window. Called before sending.
     */
    void beforeSending(long flightSize, long now, long rto) {
        if (flightSize == 0 && lastDataSentAt != 0) {
            long floor = 4L * mtu;
            for (long idle = now - lastDataSentAt; idle >= rto && cwnd > floor; idle -= rto) {
                cwnd = Math.max(cwnd / 2, floor);
            }
        }
    }

    /** DATA went out at {@code now} (the reference for the idle decay). */
    void dataSent(long now) {
        lastDataSentAt = now;
    }
}
