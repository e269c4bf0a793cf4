package io.liquid5gc.proxy.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.ngap.ie.OverloadAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OverloadControlTest {

    static final long MS = 1_000_000L;
    final AtomicLong now = new AtomicLong(1_000 * MS);
    final List<String> events = new ArrayList<>();

    OverloadControl control(boolean enabled, int start, int stop) {
        OverloadControl c = new OverloadControl(new OverloadProperties(enabled, start, stop, Duration.ofSeconds(2),
                Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMinutes(2), OverloadAction.REJECT_RRC_CR_SIGNALLING, 50, Duration.ZERO, 32), now::get);
        c.listener(new OverloadControl.Listener() {
            @Override
            public void overloadStarted(String reason) {
                events.add("start: " + reason);
            }

            @Override
            public void overloadStopped() {
                events.add("stop");
            }
        });
        return c;
    }

    @Test
    void whenCallsInFlightReachTheStartLevel_thenOverloadStartsOnceAndStopsOnlyAfterMinDurationAndTheStopLevel() {
        OverloadControl c = control(true, 3, 1);
        c.callStarted();
        c.callStarted();
        assertThat(c.overloaded()).isFalse();
        c.callStarted();
        assertThat(c.overloaded()).isTrue();
        c.callStarted();
        assertThat(events).containsExactly("start: 3 AMF calls in flight (start-in-flight 3)");
        // back to 1 call at once: still overloaded until the minimum duration has passed
        for (int i = 0; i < 3; i++) {
            c.callEnded(10 * MS);
        }
        assertThat(c.overloaded()).isTrue();
        now.addAndGet(5_000 * MS);
        assertThat(c.overloaded()).isFalse();
        assertThat(events).containsExactly("start: 3 AMF calls in flight (start-in-flight 3)", "stop");
    }

    @Test
    void whenCallsAreSlowWhileBusy_thenTheLatencyStartsTheOverloadAndAStaleSampleDoesNotHoldIt() {
        OverloadControl c = control(true, 1000, 2);
        c.callStarted();
        c.callStarted();
        c.callStarted();
        c.callEnded(3_000 * MS); // the first sample is the mean; 2 calls still in flight
        assertThat(c.overloaded()).isTrue();
        assertThat(events.getFirst()).startsWith("start: AMF calls take 3000 ms");
        c.callEnded(3_000 * MS);
        c.callEnded(3_000 * MS);
        now.addAndGet(6_000 * MS); // no call for 6 s: the sample is stale, nothing in flight
        assertThat(c.recentLatencyMillis()).isZero();
        assertThat(c.overloaded()).isFalse();
    }

    @Test
    void whenCallsAreSlowButFew_thenItIsNotOverload() {
        OverloadControl c = control(true, 1000, 10);
        c.callStarted();
        c.callStarted();
        c.callEnded(30_000 * MS); // a cold chain: very slow, one call left in flight
        assertThat(c.recentLatencyMillis()).isEqualTo(30_000.0);
        assertThat(c.overloaded()).isFalse();
        assertThat(events).isEmpty();
    }

    @Test
    void whenLatencyStaysAboveTheStopLevel_thenTheOverloadLastsWhateverTheMinimumDuration() {
        OverloadControl c = control(true, 1000, 1);
        c.callStarted();
        c.callStarted();
        c.callEnded(3_000 * MS); // one call still in flight: busy at the stop level
        for (int i = 0; i < 20; i++) {
            now.addAndGet(500 * MS);
            c.callStarted();
            c.callEnded(1_000 * MS); // mean falls towards 1 s, above the 500 ms stop level
        }
        assertThat(c.overloaded()).isTrue();
        assertThat(events).hasSize(1);
    }

    @Test
    void whenDisabled_thenNeverOverloaded() {
        OverloadControl c = control(false, 1, 0);
        c.callStarted();
        c.callEnded(60_000 * MS);
        assertThat(c.overloaded()).isFalse();
        assertThat(events).isEmpty();
    }

    @Test
    void whenAdmittedUesWorkGetsSlowerThanTheAdmissionTarget_thenNewRegistrationsAreRefusedBeyondTheLimitWithoutAnOverload() {
        OverloadControl c = new OverloadControl(new OverloadProperties(true, 64, 8, Duration.ofSeconds(2), Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofMinutes(2), OverloadAction.REJECT_RRC_CR_SIGNALLING, 50, Duration.ofMillis(100), 4), now::get);
        for (int i = 0; i < 40; i++) {
            c.workSubmitted();
        }
        assertThat(c.admitsNewRegistration()).as("40 in flight, below the limit of 64").isTrue();
        for (int i = 0; i < 10; i++) {
            c.workDone(400 * MS); // 4 times the target
        }
        now.addAndGet(AdmissionLimit.WINDOW_NANOS);
        // 30 in flight, the limit now 64 * 0.8 = 51 (at most a fifth less per window): still admitted, and not
        // overloaded (400 ms is below start-latency)
        assertThat(c.admitsNewRegistration()).isTrue();
        assertThat(c.admissionLimit()).isEqualTo(51);
        for (int i = 0; i < 21; i++) {
            c.workSubmitted();
        }
        assertThat(c.admitsNewRegistration()).as("51 in flight: at the limit").isFalse();
        assertThat(c.overloaded()).isFalse();
        assertThat(events).isEmpty();
        c.workDone(50 * MS);
        assertThat(c.admitsNewRegistration()).as("a task done: below the limit again").isTrue();
    }

    @Test
    void whenTheAdmissionLatencyIsZero_thenOnlyTheOverloadRefusesRegistrations() {
        OverloadControl c = control(true, 64, 8);
        for (int i = 0; i < 63; i++) {
            c.workSubmitted();
        }
        c.workDone(1_500 * MS);
        now.addAndGet(AdmissionLimit.WINDOW_NANOS);
        assertThat(c.admitsNewRegistration()).isTrue();
        assertThat(c.admissionLimit()).isEqualTo(64);
    }

    @Test
    void whenTheLevelsContradictEachOther_thenTheSettingsAreRefusedNamingTheKeys() {
        assertThatThrownBy(() -> new OverloadProperties(true, 10, 10, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(5),
                Duration.ofMinutes(2), OverloadAction.REJECT_RRC_CR_SIGNALLING, 50, Duration.ZERO, 32)).hasMessageContaining("stop-in-flight (10) must be below");
        assertThatThrownBy(() -> new OverloadProperties(true, 10, 5, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5),
                Duration.ofMinutes(2), OverloadAction.REJECT_RRC_CR_SIGNALLING, 50, Duration.ZERO, 32)).hasMessageContaining("stop-latency");
        assertThatThrownBy(() -> new OverloadProperties(true, 10, 5, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(5),
                Duration.ofHours(4), OverloadAction.REJECT_RRC_CR_SIGNALLING, 50, Duration.ZERO, 32)).hasMessageContaining("back-off (T3346)");
        assertThatThrownBy(() -> new OverloadProperties(true, 10, 5, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(5),
                Duration.ofMinutes(2), OverloadAction.REJECT_RRC_CR_SIGNALLING, 50, Duration.ofMillis(100), 0)).hasMessageContaining("admission-min-limit");
    }

    @Test
    void whenManyThreadsCrossTheLevelsAtOnce_thenTheListenerHearsEachTransitionOnceInTurn() throws Exception {
        List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        OverloadControl c = new OverloadControl(new OverloadProperties(true, 64, 8, Duration.ofSeconds(2),
                Duration.ofMillis(500), Duration.ZERO, Duration.ofMinutes(2), OverloadAction.REJECT_RRC_CR_SIGNALLING, 50, Duration.ZERO, 32),
                System::nanoTime);
        c.listener(new OverloadControl.Listener() {
            @Override
            public void overloadStarted(String reason) {
                heard.add("start");
            }

            @Override
            public void overloadStopped() {
                heard.add("stop");
            }
        });
        int threads = 8;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        together.await();
                        for (int i = 0; i < 16; i++) { // 8 x 16 = 128 in flight at most: past the start level
                            c.callStarted();
                        }
                        together.await();
                        for (int i = 0; i < 16; i++) { // all back to 0: under the stop level
                            c.callEnded(MS);
                        }
                        together.await();
                        c.overloaded(); // min duration 0: the overload ends now
                    }
                    return null;
                }));
            }
            for (var f : done) {
                f.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
        }
        assertThat(c.inFlight()).isZero();
        assertThat(heard).hasSize(400);
        for (int i = 0; i < heard.size(); i++) {
            assertThat(heard.get(i)).as("transition %d", i).isEqualTo(i % 2 == 0 ? "start" : "stop");
        }
    }
}
