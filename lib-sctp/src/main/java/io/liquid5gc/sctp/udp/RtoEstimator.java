package io.liquid5gc.sctp.udp;

/** Retransmission timeout calculation of RFC 9260 6.3.1 (rules C1 to C7), in nanoseconds. */
final class RtoEstimator {
    /** Clock granularity G of RFC 9260 6.3.1 C3. */
    private static final long G = 1_000_000L;
    private final long rtoMin;
    private final long rtoMax;
    private long srtt;
    private long rttvar;
    private long rto;
    private boolean measured;

    RtoEstimator(long rtoInitial, long rtoMin, long rtoMax) {
        this.rtoMin = rtoMin;
        this.rtoMax = rtoMax;
        this.rto = rtoInitial;
    }

    long rto() {
        return rto;
    }

    long srtt() {
        return srtt;
    }

    /** C2/C3: a new RTT measurement R (only from chunks sent once, Karn's rule C5). */
    void measured(long r) {
        if (r < 0) {
            return;
        }
        if (!measured) {
            srtt = r;
            rttvar = r / 2;
            measured = true;
        } else {
            // RTO.Beta = 1/4, RTO.Alpha = 1/8
            rttvar = rttvar - rttvar / 4 + Math.abs(srtt - r) / 4;
            srtt = srtt - srtt / 8 + r / 8;
        }
        if (rttvar == 0) {
            rttvar = G;
        }
        rto = clamp(srtt + 4 * rttvar);
    }

    /** RFC 9260 6.3.3 E2: back off the timer on expiry. */
    void backOff() {
        rto = clamp(rto * 2);
    }

    private long clamp(long v) {
        return Math.max(rtoMin, Math.min(rtoMax, v));
    }
}
