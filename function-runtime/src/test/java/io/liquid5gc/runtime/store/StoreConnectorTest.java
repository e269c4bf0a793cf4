package io.liquid5gc.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Waiting for a store's server at start-up, on a fake clock: the sleeps are recorded, not slept. */
class StoreConnectorTest {

    private final AtomicLong now = new AtomicLong();
    private final List<Duration> slept = new ArrayList<>();
    private final StoreConnector connector = new StoreConnector(Duration.ofSeconds(30), d -> {
        slept.add(d);
        now.addAndGet(d.toNanos());
    }, now::get);

    @Test
    void whenTheServerAnswersOnTheFourthAttempt_thenTheStoreIsReturnedAfterBackingOff() {
        AtomicInteger attempts = new AtomicInteger();
        KeyValueStore store = connector.connect("state store (redis)", () -> {
            if (attempts.incrementAndGet() < 4) {
                throw new StoreUnavailableException("cannot connect to Redis at redis://127.0.0.1:1", null);
            }
            return new InMemoryKeyValueStore(Clock.systemUTC());
        });
        assertThat(store).isNotNull();
        assertThat(attempts.get()).isEqualTo(4);
        assertThat(slept).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void whenTheServerNeverAnswers_thenTheStartFailsAfterTheStartTimeoutNamingTheWait() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> connector.connect("registry store (etcd)", () -> {
            attempts.incrementAndGet();
            throw new StoreUnavailableException("connect: etcd http://127.0.0.1:1 did not answer within 2000 ms", null);
        })).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("etcd http://127.0.0.1:1 did not answer")
                .hasMessageContaining("liquid5gc.store.start-timeout=30s");
        assertThat(slept).allMatch(d -> d.compareTo(StoreConnector.MAX_BACKOFF) <= 0);
        assertThat(slept.stream().mapToLong(Duration::toMillis).sum()).isLessThanOrEqualTo(30_000);
        assertThat(attempts.get()).isGreaterThan(5);
    }

    @Test
    void whenTheFailureIsAConfigurationError_thenItFailsAtOnceWithoutWaiting() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> connector.connect("state store (redis)", () -> {
            attempts.incrementAndGet();
            throw new StoreException("invalid Redis URL redis://:***@ (liquid5gc.store.redis.url)");
        })).isExactlyInstanceOf(StoreException.class);
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(slept).isEmpty();
    }
}
