package io.liquid5gc.sctp.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sctp.AssociationState;
import io.liquid5gc.sctp.wire.Chunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit tests of the association's building blocks. */
class ComponentsTest {

    // --- ReceiveTracker (RFC 9260 6.2, 3.3.4) ---

    @Test
    void whenTsnsArriveWithGaps_thenSackHasGapBlocksAndDuplicates() {
        ReceiveTracker rx = new ReceiveTracker(100);
        for (int t : new int[] {100, 101, 104, 105, 107}) {
            assertThat(rx.classify(t)).isEqualTo(ReceiveTracker.Result.NEW);
            rx.record(t);
        }
        assertThat(rx.classify(104)).isEqualTo(ReceiveTracker.Result.DUPLICATE);
        rx.recordDuplicate(104);
        assertThat(rx.classify(99)).isEqualTo(ReceiveTracker.Result.DUPLICATE);
        Chunk.Sack s = rx.buildSack(5000);
        assertThat(s.cumulativeTsnAck()).isEqualTo(101);
        assertThat(s.gapBlocks()).containsExactly(3, 4, 6, 6);
        assertThat(s.duplicateTsns()).containsExactly(104);
        rx.record(102);
        rx.record(103);
        rx.record(106);
        Chunk.Sack s2 = rx.buildSack(5000);
        assertThat(s2.cumulativeTsnAck()).isEqualTo(107);
        assertThat(s2.gapBlocks()).isEmpty();
        assertThat(s2.duplicateTsns()).isEmpty();
    }

    @Test
    void whenTsnWrapsAround_thenTrackingContinues() {
        ReceiveTracker rx = new ReceiveTracker(-2); // 0xFFFFFFFE
        rx.record(-2);
        rx.record(0);
        assertThat(rx.buildSack(1).gapBlocks()).containsExactly(2, 2);
        rx.record(-1);
        assertThat(rx.cumulativeTsn()).isEqualTo(0);
        assertThat(rx.unwrap(1)).isEqualTo(0x1_0000_0001L);
    }

    @Test
    void whenTsnIsBeyondTheWindow_thenItIsNotAccepted() {
        ReceiveTracker rx = new ReceiveTracker(1);
        assertThat(rx.classify(1 + ReceiveTracker.WINDOW)).isEqualTo(ReceiveTracker.Result.OUT_OF_WINDOW);
    }

    // --- Reassembler (RFC 9260 6.5, 6.6, 6.9) ---

    record Out(int sid, boolean unordered, String text) {
    }

    static Chunk.Data frag(int flags, int tsn, int sid, int ssn, String s) {
        return new Chunk.Data(flags, tsn, sid, ssn, 60, s.getBytes());
    }

    static final int B = Chunk.Data.FLAG_B;
    static final int E = Chunk.Data.FLAG_E;
    static final int U = Chunk.Data.FLAG_U;

    @Test
    void whenFragmentsArriveOutOfOrder_thenMessageIsReassembledAndDeliveredInSsnOrder() {
        List<Out> out = new ArrayList<>();
        Reassembler r = new Reassembler(4, 1000);
        Reassembler.Sink sink = (sid, ppid, u, p) -> out.add(new Out(sid, u, new String(p)));
        // stream 1: message ssn 0 in three fragments (tsn 10..12), message ssn 1 whole (tsn 13)
        r.accept(frag(B | E, 13, 1, 1, "second"), 13, sink);
        r.accept(frag(E, 12, 1, 0, "C"), 12, sink);
        r.accept(frag(B, 10, 1, 0, "A"), 10, sink);
        assertThat(out).isEmpty();
        assertThat(r.heldBytes()).isEqualTo("second".length() + 2);
        r.accept(frag(0, 11, 1, 0, "B"), 11, sink);
        assertThat(out).containsExactly(new Out(1, false, "ABC"), new Out(1, false, "second"));
        assertThat(r.heldBytes()).isZero();
    }

    @Test
    void whenUnorderedMessageArrives_thenItBypassesTheSsnOrder() {
        List<Out> out = new ArrayList<>();
        Reassembler r = new Reassembler(2, 1000);
        Reassembler.Sink sink = (sid, ppid, u, p) -> out.add(new Out(sid, u, new String(p)));
        r.accept(frag(B | E, 5, 0, 1, "later"), 5, sink);
        r.accept(frag(B | E | U, 6, 0, 0, "now"), 6, sink);
        r.accept(frag(B | U, 7, 1, 0, "fr"), 7, sink);
        r.accept(frag(E | U, 8, 1, 0, "ag"), 8, sink);
        assertThat(out).containsExactly(new Out(0, true, "now"), new Out(1, true, "frag"));
        r.accept(frag(B | E, 4, 0, 0, "first"), 4, sink);
        assertThat(out).endsWith(new Out(0, false, "first"), new Out(0, false, "later"));
    }

    @Test
    void whenReassemblyExceedsMaxMessage_thenItIsRefused() {
        Reassembler r = new Reassembler(1, 5);
        Reassembler.Sink sink = (sid, ppid, u, p) -> {
        };
        assertThat(r.accept(frag(B, 1, 0, 0, "abc"), 1, sink)).isEqualTo(Reassembler.Result.OK);
        assertThat(r.accept(frag(0, 2, 0, 0, "def"), 2, sink)).isEqualTo(Reassembler.Result.MESSAGE_TOO_LARGE);
    }

    // --- RtoEstimator (RFC 9260 6.3.1) ---

    @Test
    void whenRttIsMeasured_thenRtoFollowsRfcFormulasAndBounds() {
        long ms = 1_000_000L;
        RtoEstimator rto = new RtoEstimator(1000 * ms, 100 * ms, 60_000 * ms);
        assertThat(rto.rto()).isEqualTo(1000 * ms);
        rto.measured(200 * ms); // C2: SRTT = R, RTTVAR = R/2, RTO = SRTT + 4 RTTVAR
        assertThat(rto.srtt()).isEqualTo(200 * ms);
        assertThat(rto.rto()).isEqualTo(600 * ms);
        rto.measured(200 * ms); // C3: RTTVAR = 3/4 * 100 + 1/4 * 0 = 75, SRTT = 200
        assertThat(rto.rto()).isEqualTo(500 * ms);
        rto.backOff();
        assertThat(rto.rto()).isEqualTo(1000 * ms);
        for (int i = 0; i < 20; i++) {
            rto.backOff();
        }
        assertThat(rto.rto()).isEqualTo(60_000 * ms); // RTO.Max
        RtoEstimator fast = new RtoEstimator(1000 * ms, 100 * ms, 60_000 * ms);
        fast.measured(1 * ms);
        assertThat(fast.rto()).isEqualTo(100 * ms); // RTO.Min
    }

    // --- StateMachine (RFC 9260 4) ---

    @Test
    void whenTriggersFollowTheRfcDiagram_thenStatesFollowTheTable() {
        StateMachine sm = new StateMachine();
        assertThat(sm.fire(StateMachine.Trigger.RCV_COOKIE_ACK)).isFalse();
        assertThat(sm.fire(StateMachine.Trigger.ASSOCIATE)).isTrue();
        assertThat(sm.state()).isEqualTo(AssociationState.COOKIE_WAIT);
        sm.fire(StateMachine.Trigger.RCV_INIT_ACK);
        sm.fire(StateMachine.Trigger.RCV_COOKIE_ACK);
        assertThat(sm.state()).isEqualTo(AssociationState.ESTABLISHED);
        sm.fire(StateMachine.Trigger.SHUTDOWN);
        sm.fire(StateMachine.Trigger.NO_MORE_OUTSTANDING);
        assertThat(sm.state()).isEqualTo(AssociationState.SHUTDOWN_SENT);
        sm.fire(StateMachine.Trigger.RCV_SHUTDOWN); // simultaneous shutdown
        assertThat(sm.state()).isEqualTo(AssociationState.SHUTDOWN_ACK_SENT);
        sm.fire(StateMachine.Trigger.RCV_SHUTDOWN_COMPLETE);
        assertThat(sm.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(StateMachine.next(AssociationState.CLOSED, StateMachine.Trigger.ABORT)).isNull();
        for (AssociationState s : AssociationState.values()) {
            if (s != AssociationState.CLOSED) {
                assertThat(StateMachine.next(s, StateMachine.Trigger.ABORT)).isEqualTo(AssociationState.CLOSED);
            }
        }
    }

    // --- CookieCodec (RFC 9260 5.1.3, 5.1.5) ---

    @Test
    void whenCookieIsSignedAndVerified_thenFieldsSurviveAndTamperingOrAgeIsDetected() {
        CookieCodec codec = new CookieCodec(new byte[32]);
        StateCookie c = new StateCookie(1000, 60_000, 1, 2, 3, 4, 0xFFFFFFFFL, 10, 16, 5000, 38412, 7, 8);
        byte[] b = codec.sign(c);
        assertThat(codec.verify(b, 2000)).isEqualTo(new CookieCodec.Valid(c));
        assertThat(codec.verify(b, 62_000)).isInstanceOfSatisfying(CookieCodec.Stale.class,
                s -> assertThat(s.stalenessMicros()).isEqualTo(1_000_000));
        b[10] ^= 1;
        assertThat(codec.verify(b, 2000)).isInstanceOf(CookieCodec.Invalid.class);
        assertThat(new CookieCodec(new byte[] {1}).verify(codec.sign(c), 2000)).isInstanceOf(CookieCodec.Invalid.class);
    }
}
