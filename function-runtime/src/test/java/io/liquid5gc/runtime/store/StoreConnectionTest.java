package io.liquid5gc.runtime.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.store.StoreConnection.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The connection's state machine, driven step by step on a fake clock (the supervisor thread is not started: each
 * {@code step()} is one of its rounds, and the wait it returns is what it would sleep).
 */
class StoreConnectionTest {

    private Instant now = Instant.parse("2026-11-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final List<StoreConnection.Status> gaveUp = new ArrayList<>();
    /** The server: answers when true. */
    private final AtomicBoolean serverUp = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();
    private final InMemoryKeyValueStore data = new InMemoryKeyValueStore(Clock.systemUTC());

    /** A backend that fails like a Redis or etcd that does not answer while {@link #serverUp} is false. */
    private final KeyValueStore backend = new KeyValueStore() {
        private void check() {
            if (!serverUp.get()) {
                throw new StoreUnavailableException("GET: Redis redis://127.0.0.1:1 failed: Connection refused", null);
            }
        }

        @Override
        public java.util.Optional<byte[]> get(String key) {
            check();
            return data.get(key);
        }

        @Override
        public void put(String key, byte[] value, Duration ttl) {
            check();
            data.put(key, value, ttl);
        }

        @Override
        public boolean compareAndSet(String key, byte[] expected, byte[] value, Duration ttl) {
            check();
            return data.compareAndSet(key, expected, value, ttl);
        }

        @Override
        public boolean delete(String key) {
            check();
            return data.delete(key);
        }

        @Override
        public java.util.SortedMap<String, byte[]> scan(String prefix, int limit) {
            check();
            return data.scan(prefix, limit);
        }

        @Override
        public long increment(String key, long delta) {
            check();
            return data.increment(key, delta);
        }

        @Override
        public MarkedCount countMarked(String counter, long delta, Long limit, String marker, byte[] expected, byte[] value) {
            check();
            return data.countMarked(counter, delta, limit, marker, expected, value);
        }

        @Override
        public String describe() {
            return "redis://127.0.0.1:1 (keys liquid5gc:state:*)";
        }
    };

    private StoreConnection connection(Duration startTimeout) {
        return new StoreConnection("state", "redis", "redis://127.0.0.1:1", () -> {
            attempts.incrementAndGet();
            if (!serverUp.get()) {
                throw new StoreUnavailableException("cannot connect to Redis at redis://127.0.0.1:1: Connection refused", null);
            }
            return backend;
        }, startTimeout, Duration.ofSeconds(5), clock, gaveUp::add);
    }

    /** One supervisor round after sleeping what the previous one asked. */
    private Duration stepAfter(StoreConnection c, Duration wait) {
        now = now.plus(wait);
        return c.step();
    }

    @Test
    void whenTheServerAnswersOnTheFourthAttempt_thenTheWaitsDoubleAndTheStoreIsUp() {
        StoreConnection c = connection(Duration.ZERO);
        List<Duration> waits = new ArrayList<>();
        Duration wait = c.step();
        for (int i = 0; i < 2; i++) {
            waits.add(wait);
            wait = stepAfter(c, wait);
        }
        waits.add(wait);
        assertThat(c.state()).isEqualTo(State.CONNECTING);
        assertThat(c.status().lastError()).contains("Connection refused");
        assertThatThrownBy(() -> c.get("k")).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("state store (redis) not connected yet");
        serverUp.set(true);
        Duration check = stepAfter(c, wait);
        assertThat(attempts.get()).isEqualTo(4);
        assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
        assertThat(c.state()).isEqualTo(State.UP);
        assertThat(c.status().lastError()).isNull();
        assertThat(check).isEqualTo(Duration.ofSeconds(5));
        c.put("k", "v".getBytes(UTF_8), null);
        assertThat(c.get("k")).isPresent();
    }

    @Test
    void whenTheServerNeverAnswers_thenTheWaitIsCappedAndItGoesOnForEverByDefault() {
        StoreConnection c = connection(Duration.ZERO);
        Duration wait = c.step();
        Duration total = Duration.ZERO;
        for (int i = 0; i < 100; i++) {
            assertThat(wait).isLessThanOrEqualTo(StoreConnection.MAX_BACKOFF);
            total = total.plus(wait);
            wait = stepAfter(c, wait);
        }
        assertThat(wait).isEqualTo(StoreConnection.MAX_BACKOFF);
        assertThat(total).isGreaterThan(Duration.ofMinutes(7));
        assertThat(c.state()).isEqualTo(State.CONNECTING);
        assertThat(gaveUp).isEmpty();
    }

    @Test
    void whenAStartTimeoutIsSetAndPasses_thenTheConnectionGivesUpAndSaysWhy() {
        StoreConnection c = connection(Duration.ofSeconds(30));
        Duration wait = c.step();
        assertThat(c.state()).isEqualTo(State.CONNECTING); // the first attempt failed: waiting, not failing
        while (wait != null) {
            wait = stepAfter(c, wait);
        }
        assertThat(c.state()).isEqualTo(State.FAILED);
        assertThat(c.status().lastError()).contains("Connection refused").contains("liquid5gc.store.start-timeout=30s");
        assertThat(gaveUp).singleElement().extracting(StoreConnection.Status::state).isEqualTo(State.FAILED);
        assertThat(Duration.between(Instant.parse("2026-11-01T10:00:00Z"), now)).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> c.get("k")).isExactlyInstanceOf(StoreException.class).hasMessageContaining("gave up");
        c.close();
    }

    @Test
    void whenTheFirstAttemptIsRefused_thenTheStartFailsAtOnceWithoutWaiting() {
        StoreConnection c = new StoreConnection("state", "redis", "redis://127.0.0.1:1", () -> {
            attempts.incrementAndGet();
            throw new StoreException("cannot connect to Redis at redis://127.0.0.1:1: WRONGPASS invalid username-password pair");
        }, Duration.ZERO, Duration.ofSeconds(5), clock, gaveUp::add);
        assertThatThrownBy(c::start).isExactlyInstanceOf(StoreException.class).hasMessageContaining("WRONGPASS");
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(c.state()).isEqualTo(State.FAILED);
    }

    @Test
    void whenACallMeetsAnOutage_thenLaterCallsFailAtOnceAndThePingBringsItBack() {
        serverUp.set(true);
        StoreConnection c = connection(Duration.ZERO);
        c.step();
        c.put("ue/1", "ctx".getBytes(UTF_8), null);
        serverUp.set(false);
        int before = attempts.get();
        assertThatThrownBy(() -> c.get("ue/1")).isInstanceOf(StoreUnavailableException.class);
        assertThat(c.state()).isEqualTo(State.LOST);
        // the next call does not reach the backend: it fails at once
        assertThatThrownBy(() -> c.get("ue/1")).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("does not answer");
        Duration wait = c.step(); // a ping: still down
        assertThat(c.state()).isEqualTo(State.LOST);
        assertThat(wait).isEqualTo(Duration.ofMillis(200));
        serverUp.set(true);
        assertThat(stepAfter(c, wait)).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.state()).isEqualTo(State.UP);
        assertThat(attempts.get()).as("reconnected by the client, not by a new connection").isEqualTo(before);
        assertThat(c.get("ue/1")).isPresent();
    }

    @Test
    void whenTheStoreIsLostWithoutTraffic_thenThePeriodicPingFindsIt() {
        serverUp.set(true);
        StoreConnection c = connection(Duration.ZERO);
        Duration wait = c.step();
        serverUp.set(false);
        stepAfter(c, wait);
        assertThat(c.state()).isEqualTo(State.LOST);
        assertThat(c.status().lastError()).contains("Connection refused");
    }

    @Test
    void whenWorkWaitsForTheStore_thenItRunsAfterTheConnectionBeforeUpAndAgainAfterAnOutageDuringIt() {
        StoreConnection c = connection(Duration.ZERO);
        Duration wait = c.step();
        List<String> ran = new ArrayList<>();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        c.onConnected("import", () -> {
            c.put("subscriber/1", "x".getBytes(UTF_8), null); // the store serves while STARTING
            if (failOnce.getAndSet(false)) {
                serverUp.set(false);
                c.get("subscriber/1");
            }
            ran.add("import");
        });
        assertThat(ran).isEmpty();
        serverUp.set(true);
        wait = stepAfter(c, wait);
        assertThat(c.state()).as("the outage during the work").isEqualTo(State.LOST);
        assertThat(ran).isEmpty();
        serverUp.set(true);
        stepAfter(c, wait);
        assertThat(ran).containsExactly("import");
        assertThat(c.state()).isEqualTo(State.UP);
        c.onConnected("later", () -> ran.add("later")); // UP: at once
        assertThat(ran).containsExactly("import", "later");
    }

    @Test
    void whenWorkFailsForAnotherReason_thenTheConnectionGivesUpAndTellsTheProcess() {
        StoreConnection c = connection(Duration.ZERO);
        Duration wait = c.step();
        c.onConnected("subscriber key check", () -> {
            throw new IllegalStateException("cannot decrypt with key-encryption key 'k1'");
        });
        serverUp.set(true);
        stepAfter(c, wait);
        assertThat(c.state()).isEqualTo(State.FAILED);
        assertThat(c.status().lastError()).isEqualTo("subscriber key check failed: cannot decrypt with key-encryption key 'k1'");
        assertThat(gaveUp).hasSize(1);
        c.close();
    }

    @Test
    void theTransitionTable() {
        assertThat(StoreConnection.next(State.CONNECTING, StoreConnection.Event.UNAVAILABLE)).isEqualTo(State.CONNECTING);
        assertThat(StoreConnection.next(State.CONNECTING, StoreConnection.Event.CONNECTED)).isEqualTo(State.STARTING);
        assertThat(StoreConnection.next(State.STARTING, StoreConnection.Event.TASKS_DONE)).isEqualTo(State.UP);
        assertThat(StoreConnection.next(State.UP, StoreConnection.Event.UNAVAILABLE)).isEqualTo(State.LOST);
        assertThat(StoreConnection.next(State.LOST, StoreConnection.Event.CONNECTED)).isEqualTo(State.STARTING);
        assertThat(StoreConnection.next(State.UP, StoreConnection.Event.REFUSED)).as("a refusal while running is not fatal").isEqualTo(State.UP);
        for (StoreConnection.Event e : StoreConnection.Event.values()) {
            assertThat(StoreConnection.next(State.FAILED, e)).isEqualTo(State.FAILED);
        }
    }
}
