package io.liquid5gc.security.milenage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SQN handling of TS 33.102 Annex C. */
class SqnTest {
    private final SqnManager he = new SqnManager();

    @Test
    void whenNext_thenSeqIncrementsAndIndCycles() {
        Sqn s = new Sqn(0);
        for (int i = 1; i <= 40; i++) {
            s = he.next(s);
            assertThat(s.seq(5)).isEqualTo(i);
            assertThat(s.ind(5)).isEqualTo(i % 32);
        }
    }

    @Test
    void whenSqnRoundTripsThroughBytesAndHex_thenEqual() {
        Sqn s = Sqn.of(0x123456789L, 7, 5);
        assertThat(Sqn.fromBytes(s.toBytes())).isEqualTo(s);
        assertThat(Sqn.fromHex(s.toHex())).isEqualTo(s);
        assertThat(Sqn.fromHex("ff9bb4d0b607").toHex()).isEqualTo("ff9bb4d0b607");
        assertThatThrownBy(() -> new Sqn(1L << 48)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenSameSqnTwice_thenSecondIsAReplay() {
        UsimSqnState usim = new UsimSqnState();
        Sqn s = he.next(new Sqn(0));
        assertThat(usim.isFresh(s)).isTrue();
        usim.accept(s);
        assertThat(usim.isFresh(s)).isFalse();
    }

    @Test
    void whenVectorsUsedOutOfOrder_thenEachIndSlotAcceptsOnce() {
        UsimSqnState usim = new UsimSqnState();
        Sqn a = he.next(new Sqn(0));
        Sqn b = he.next(a);
        Sqn c = he.next(b);
        // c is used first, then a and b (other serving networks), all fresh since IND differs (C.2.2)
        for (Sqn s : new Sqn[] {c, a, b}) {
            assertThat(usim.isFresh(s)).as(s.toString()).isTrue();
            usim.accept(s);
        }
        assertThat(usim.sqnMs()).isEqualTo(c);
    }

    @Test
    void whenSeqTooFarAhead_thenNotFresh() {
        UsimSqnState usim = new UsimSqnState(5, 1000);
        assertThat(usim.isFresh(Sqn.of(1000, 1, 5))).isTrue();
        assertThat(usim.isFresh(Sqn.of(1001, 1, 5))).isFalse();
    }

    @Test
    void whenResyncWithSqnMsAhead_thenNextVectorIsFreshForTheUsim() {
        UsimSqnState usim = UsimSqnState.startingAt(Sqn.of(500, 3, 5), 5);
        Sqn stale = Sqn.of(10, 3, 5);
        assertThat(usim.isFresh(stale)).isFalse();
        Sqn base = he.afterResync(stale, usim.sqnMs());
        assertThat(usim.isFresh(he.next(base))).isTrue();
        // a stale SQN_MS never moves SQN_HE backwards
        assertThat(he.afterResync(Sqn.of(900, 0, 5), Sqn.of(500, 3, 5))).isEqualTo(Sqn.of(900, 0, 5));
    }
}
