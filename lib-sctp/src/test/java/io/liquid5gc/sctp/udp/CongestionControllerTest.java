package io.liquid5gc.sctp.udp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The congestion controller against the rules of RFC 9260 7.2, with an MTU of 1000 bytes so that the
 * numbers can be checked by hand (4*MTU = 4000, the initial cwnd min(4*MTU, max(2*MTU, 4404)) = 4000).
 */
class CongestionControllerTest {
    private static final int MTU = 1000;

    /** Slow start from 4000 to {@code cwnd} (multiples of the MTU), each SACK acknowledging one MTU. */
    private static CongestionController grownTo(long cwnd) {
        CongestionController cc = new CongestionController(MTU);
        for (int tsn = 1; cc.cwnd() < cwnd; tsn++) {
            cc.onSack(tsn, true, MTU, cc.cwnd());
        }
        assertThat(cc.cwnd()).isEqualTo(cwnd);
        return cc;
    }

    // --- RFC 9260 7.2.1: initial values ---

    @Test
    void whenCreated_thenCwndIsMin4MtuMax2Mtu4404AndSsthreshArbitrarilyHigh() {
        assertThat(new CongestionController(1000).cwnd()).as("min(4000, max(2000, 4404))").isEqualTo(4000);
        assertThat(new CongestionController(1472).cwnd()).as("min(5888, max(2944, 4404))").isEqualTo(4404);
        assertThat(new CongestionController(9000).cwnd()).as("min(36000, max(18000, 4404))").isEqualTo(18000);
        CongestionController cc = new CongestionController(MTU);
        assertThat(cc.ssthresh()).isEqualTo(Integer.MAX_VALUE);
        assertThat(cc.partialBytesAcked()).isZero();
        assertThat(cc.inFastRecovery()).isFalse();
    }

    @Test
    void whenFlightSizeReachesCwnd_thenNoMoreDataIsAllowed() {
        CongestionController cc = new CongestionController(MTU);
        assertThat(cc.allows(3999)).isTrue();
        assertThat(cc.allows(4000)).isFalse();
    }

    // --- RFC 9260 7.2.1: slow start ---

    @Test
    void whenSlowStartAndWindowFullyUsed_thenCwndGrowsByTheLesserOfBytesAckedAndOneMtu() {
        CongestionController cc = new CongestionController(MTU);
        cc.onSack(1, true, 3000, 4000);
        assertThat(cc.cwnd()).as("min(3000, 1*MTU)").isEqualTo(5000);
        cc.onSack(2, true, 400, 5000);
        assertThat(cc.cwnd()).as("min(400, 1*MTU)").isEqualTo(5400);
    }

    @Test
    void whenSlowStartAndWindowNotFullyUsed_thenCwndStays() {
        CongestionController cc = new CongestionController(MTU);
        cc.onSack(1, true, 1000, 3000); // 3000 + MTU is not above cwnd 4000
        assertThat(cc.cwnd()).isEqualTo(4000);
        cc.onSack(2, true, 1000, 3001); // 3001 + MTU > 4000: fully used
        assertThat(cc.cwnd()).isEqualTo(5000);
    }

    @Test
    void whenCumulativeAckDoesNotAdvance_thenCwndStays() {
        CongestionController cc = new CongestionController(MTU);
        cc.onSack(1, false, 1000, 4000); // only gap-acked bytes
        assertThat(cc.cwnd()).isEqualTo(4000);
    }

    // --- RFC 9260 7.2.2: congestion avoidance ---

    @Test
    void whenCwndAboveSsthresh_thenCwndGrowsOneMtuPerCwndOfBytesAcked() {
        CongestionController cc = grownTo(12000);
        cc.onFastRetransmit(100); // ssthresh = cwnd = max(6000, 4000)
        cc.onSack(100, true, 1000, 6000); // leaves Fast Recovery, no growth in it
        assertThat(cc.inFastRecovery()).isFalse();
        cc.onSack(101, true, 1000, 6000); // cwnd 6000 <= ssthresh 6000: still slow start
        assertThat(cc.cwnd()).isEqualTo(7000);
        cc.onSack(102, true, 3000, 7000);
        assertThat(cc.cwnd()).as("partial_bytes_acked 3000 < cwnd 7000").isEqualTo(7000);
        assertThat(cc.partialBytesAcked()).isEqualTo(3000);
        cc.onSack(103, true, 3000, 7000);
        assertThat(cc.cwnd()).isEqualTo(7000);
        cc.onSack(104, true, 3000, 7000);
        assertThat(cc.cwnd()).as("partial_bytes_acked 9000 >= cwnd: cwnd += MTU").isEqualTo(8000);
        assertThat(cc.partialBytesAcked()).as("9000 - 7000").isEqualTo(2000);
    }

    @Test
    void whenCwndAboveSsthreshAndWindowNotFullyUsed_thenBytesAreCountedButCwndStays() {
        CongestionController cc = grownTo(12000);
        cc.onFastRetransmit(100);
        cc.onSack(100, true, 1000, 6000);
        cc.onSack(101, true, 1000, 6000); // 7000, congestion avoidance from here
        cc.onSack(102, true, 8000, 5000); // 5000 + MTU is not above 7000
        assertThat(cc.cwnd()).isEqualTo(7000);
        assertThat(cc.partialBytesAcked()).isEqualTo(8000);
    }

    // --- RFC 9260 7.2.3 and 7.2.4: reactions to loss ---

    @Test
    void whenFastRetransmit_thenSsthreshIsMaxHalfCwndFourMtuAndCwndEqualsSsthresh() {
        CongestionController cc = grownTo(12000);
        cc.onFastRetransmit(50);
        assertThat(cc.ssthresh()).as("max(12000 / 2, 4000)").isEqualTo(6000);
        assertThat(cc.cwnd()).isEqualTo(6000);
        assertThat(cc.partialBytesAcked()).isZero();
        assertThat(cc.inFastRecovery()).isTrue();

        CongestionController small = new CongestionController(MTU);
        small.onFastRetransmit(50);
        assertThat(small.ssthresh()).as("max(4000 / 2, 4000)").isEqualTo(4000);
        assertThat(small.cwnd()).isEqualTo(4000);
    }

    @Test
    void whenAnotherFastRetransmitInFastRecovery_thenCwndIsNotReducedAgain() {
        CongestionController cc = grownTo(12000);
        cc.onFastRetransmit(50);
        cc.onFastRetransmit(60);
        assertThat(cc.cwnd()).isEqualTo(6000);
        assertThat(cc.ssthresh()).isEqualTo(6000);
        cc.onSack(55, true, 1000, 6000);
        assertThat(cc.inFastRecovery()).as("the exit point stays the first one, 50").isFalse();
    }

    @Test
    void whenInFastRecovery_thenCwndDoesNotGrowUntilTheExitPointIsAcked() {
        CongestionController cc = grownTo(12000);
        cc.onFastRetransmit(-1); // exit point 0xFFFFFFFF: serial arithmetic across the wrap
        cc.onSack(-2, true, 2000, 6000);
        assertThat(cc.inFastRecovery()).isTrue();
        assertThat(cc.cwnd()).isEqualTo(6000);
        cc.onSack(0, true, 2000, 6000);
        assertThat(cc.inFastRecovery()).as("cumulative ack 0 is beyond 0xFFFFFFFF").isFalse();
        assertThat(cc.cwnd()).as("the SACK that ends Fast Recovery does not grow cwnd").isEqualTo(6000);
        cc.onSack(1, true, 2000, 6000);
        assertThat(cc.cwnd()).isEqualTo(7000);
    }

    @Test
    void whenT3RtxExpires_thenCwndIsOneMtuAndSsthreshMaxHalfCwndFourMtu() {
        CongestionController cc = grownTo(12000);
        cc.onFastRetransmit(50);
        cc.onRetransmissionTimeout();
        assertThat(cc.ssthresh()).as("max(6000 / 2, 4000)").isEqualTo(4000);
        assertThat(cc.cwnd()).isEqualTo(MTU);
        assertThat(cc.partialBytesAcked()).isZero();
        assertThat(cc.inFastRecovery()).isFalse();
        cc.onSack(51, true, 3000, 1000);
        assertThat(cc.cwnd()).as("slow start again: + min(3000, MTU)").isEqualTo(2000);
    }

    // --- RFC 9260 7.2.1: idle decay ---

    @Test
    void whenIdleForRtos_thenCwndHalvesPerRtoButNotBelowFourMtu() {
        long rto = 1_000_000_000L;
        CongestionController cc = grownTo(12000);
        cc.dataSent(5 * rto);
        cc.beforeSending(0, 5 * rto + rto - 1, rto);
        assertThat(cc.cwnd()).as("idle for less than an RTO").isEqualTo(12000);
        cc.beforeSending(1000, 5 * rto + 3 * rto, rto);
        assertThat(cc.cwnd()).as("data in flight: not idle").isEqualTo(12000);
        cc.beforeSending(0, 5 * rto + rto, rto);
        assertThat(cc.cwnd()).as("one RTO").isEqualTo(6000);

        CongestionController other = grownTo(12000);
        other.dataSent(rto);
        other.beforeSending(0, rto + 3 * rto, rto);
        assertThat(other.cwnd()).as("12000 -> 6000 -> max(3000, 4000)").isEqualTo(4000);
    }

    @Test
    void whenNoDataWasEverSent_thenCwndDoesNotDecay() {
        CongestionController cc = grownTo(12000);
        cc.beforeSending(0, 100_000_000_000L, 1_000_000_000L);
        assertThat(cc.cwnd()).isEqualTo(12000);
    }

    @Test
    void whenReset_thenInitialValuesAreBack() {
        CongestionController cc = grownTo(12000);
        cc.onFastRetransmit(50);
        cc.reset();
        assertThat(cc.cwnd()).isEqualTo(4000);
        assertThat(cc.ssthresh()).isEqualTo(Integer.MAX_VALUE);
        assertThat(cc.inFastRecovery()).isFalse();
    }
}
