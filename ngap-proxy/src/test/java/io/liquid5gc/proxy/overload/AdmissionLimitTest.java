package io.liquid5gc.proxy.overload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdmissionLimitTest {

    static final long MS = 1_000_000L;
    final AtomicLong now = new AtomicLong(1_000 * MS);
    /** Target 100 ms, at least 4 and at most 64 calls in flight. */
    final AdmissionLimit limit = new AdmissionLimit(100 * MS, 4, 64, now::get);

    /** One measurement window: the calls in flight peak at {@code peak}, {@code calls} answered after {@code latencyMs}. */
    void window(int peak, int calls, long latencyMs) {
        limit.started(peak);
        for (int i = 0; i < calls; i++) {
            limit.ended(latencyMs * MS);
        }
        now.addAndGet(AdmissionLimit.WINDOW_NANOS);
        limit.admits(0); // closes the window
    }

    @Test
    void whenAnsweredCallsStayWithinTheTarget_thenTheLimitStaysAtTheMaximumAndAdmitsBelowIt() {
        window(64, 50, 90);
        assertThat(limit.limit()).isEqualTo(64);
        assertThat(limit.admits(63)).isTrue();
        assertThat(limit.admits(64)).isFalse();
    }

    @Test
    void whenCallsExceedTheTargetWhileBusy_thenTheLimitShrinksInProportionAndRegistrationsBeyondItAreRefused() {
        window(64, 10, 125);
        assertThat(limit.limit()).as("64 * 100 / 125").isEqualTo(51);
        assertThat(limit.admits(50)).isTrue();
        assertThat(limit.admits(51)).isFalse();
    }

    @Test
    void whenLatencyIsFarAboveTheTarget_thenTheLimitFallsByAtMostAFifthPerWindowAndNeverBelowTheMinimum() {
        int[] expected = {51, 40, 32, 25, 20, 16, 12, 9, 7, 5, 4, 4};
        for (int e : expected) {
            window(64, 5, 10_000);
            assertThat(limit.limit()).isEqualTo(e);
        }
    }

    @Test
    void whenCallsAreSlowButFewAreInFlight_thenTheLimitStays() {
        // a cold start with 3 UEs waiting for it: slow but not busy is not overload
        window(3, 3, 5_000);
        assertThat(limit.limit()).isEqualTo(64);
    }

    @Test
    void whenLatencyIsBackWithinTheTargetAndTheLimitIsUsed_thenItGrowsBySqrtOfItselfUpToTheMaximum() {
        window(64, 5, 10_000);
        window(64, 5, 10_000);
        assertThat(limit.limit()).isEqualTo(40);
        window(19, 5, 10);
        assertThat(limit.limit()).as("used below half: stays").isEqualTo(40);
        window(20, 5, 10);
        assertThat(limit.limit()).isEqualTo(46);
        window(46, 5, 10);
        assertThat(limit.limit()).isEqualTo(52);
        for (int i = 0; i < 20; i++) {
            window(64, 5, 10);
        }
        assertThat(limit.limit()).isEqualTo(64);
    }

    @Test
    void whenNoCallIsAnsweredInAWindow_thenTheLimitStaysAndTheWindowDoesNotCloseEarly() {
        window(64, 5, 10_000);
        assertThat(limit.limit()).isEqualTo(51);
        window(64, 0, 0);
        assertThat(limit.limit()).isEqualTo(51);
        limit.started(64);
        limit.ended(10_000 * MS);
        now.addAndGet(AdmissionLimit.WINDOW_NANOS - 1);
        limit.admits(0);
        assertThat(limit.limit()).as("the window is not over yet").isEqualTo(51);
        now.addAndGet(1);
        limit.admits(0);
        assertThat(limit.limit()).isEqualTo(40);
    }
}
