package io.liquid5gc.amf.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.testing.MovableClock;
import io.liquid5gc.amf.context.UeSessions.Session;
import io.liquid5gc.amf.context.UeSessions.UpState;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The PDU sessions of each UE in the store, changed by compare-and-set. */
class SessionContextsTest {

    private static final Snssai SLICE = new Snssai(1, "010203");

    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore(Clock.systemUTC());
    private final JsonMapper json = new JsonMapper();
    private final SessionContexts sessions = new SessionContexts(store, json, Duration.ofHours(1));

    private static Session session(int psi, UpState state) {
        return new Session(psi, "sm-" + psi, SLICE, "internet", state);
    }

    @Test
    void whenNothingStored_thenTheUeHasNoSessions() {
        assertThat(sessions.load("7").sessions()).isEmpty();
    }

    @Test
    void whenSessionsAreUpdated_thenTheyAreReadBackFromTheStoreUnderTheUesKey() {
        sessions.update("7", s -> s.with(session(5, UpState.ACTIVATING)).with(session(1, UpState.ACTIVE)));

        UeSessions read = new SessionContexts(store, new JsonMapper(), Duration.ofHours(1)).load("7");
        assertThat(read.ids()).containsExactly(1, 5);
        assertThat(read.get(5)).isEqualTo(session(5, UpState.ACTIVATING));
        assertThat(store.get("amf/sessions/7")).isPresent();
        assertThat(sessions.load("8").sessions()).isEmpty();
    }

    @Test
    void whenAnotherWriterGetsInFirst_thenTheChangeIsAppliedAgainOnTopOfTheirs() {
        sessions.update("7", s -> s.with(session(1, UpState.ACTIVE)));
        AtomicInteger attempts = new AtomicInteger();

        UeSessions result = sessions.update("7", s -> {
            if (attempts.getAndIncrement() == 0) {
                // a concurrent invocation for the same UE writes between this one's read and its compare-and-set
                sessions.update("7", other -> other.with(session(2, UpState.ACTIVATING)));
            }
            return s.with(session(3, UpState.ACTIVATING));
        });

        assertThat(attempts.get()).isEqualTo(2);
        assertThat(result.ids()).containsExactly(1, 2, 3);
        assertThat(sessions.load("7").ids()).containsExactly(1, 2, 3);
    }

    @Test
    void whenOthersKeepWriting_thenTheUpdateGivesUpWithAConflict() {
        AtomicInteger n = new AtomicInteger();
        assertThatThrownBy(() -> sessions.update("7", s -> {
            store.put("amf/sessions/7", json.writeValueAsBytes(UeSessions.none().with(session(n.incrementAndGet(), UpState.ACTIVE))),
                    Duration.ofHours(1));
            return s.with(session(15, UpState.ACTIVE));
        })).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(409);
            assertThat(e.problem().cause()).isEqualTo("UE_CONTEXT_CONFLICT");
        });
        assertThat(sessions.load("7").get(15)).isNull();
    }

    @Test
    void whenAnUpdateChangesNothing_thenItSucceedsWithoutWriting() {
        sessions.update("7", s -> s.with(session(1, UpState.ACTIVE)));
        byte[] before = store.get("amf/sessions/7").orElseThrow();

        UeSessions same = sessions.update("7", s -> s.with(session(1, UpState.ACTIVE)));

        assertThat(same.ids()).containsExactly(1);
        assertThat(store.get("amf/sessions/7").orElseThrow()).isEqualTo(before);
    }

    @Test
    void whenCleared_thenTheUeHasNoSessions() {
        sessions.update("7", s -> s.with(session(1, UpState.ACTIVE)));

        sessions.clear("7");

        assertThat(sessions.load("7").sessions()).isEmpty();
        assertThat(store.get("amf/sessions/7")).isEmpty();
    }

    @Test
    void whenSessionsHaveTheTtl_thenTheyExpireWithTheStoresClock() {
        var clock = new MovableClock();
        var expiring = new InMemoryKeyValueStore(clock);
        var withTtl = new SessionContexts(expiring, json, Duration.ofMinutes(10));
        withTtl.update("7", s -> s.with(session(1, UpState.ACTIVE)));

        clock.advance(Duration.ofMinutes(11));

        assertThat(withTtl.load("7").sessions()).isEmpty();
    }

}
