package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class RecentProceduresTest {

    @Test
    void whenARegistrationAndASessionComplete_thenTheyAreListedNewestFirstWithTheirLatencyAndEventsWithout() {
        UeMetrics metrics = new UeMetrics(new SimpleMeterRegistry());
        metrics.registrationRequested(7);
        metrics.registrationCompleted(7);
        metrics.sessionRequested("7", 1);
        metrics.sessionSetUp("7", 1);
        metrics.count("released_normal_release");
        var latest = metrics.recent().latest(10);
        assertThat(latest).extracting(RecentProcedures.Entry::procedure)
                .containsExactly("released_normal_release", "pdu-session-establishment", "registration");
        assertThat(latest.get(1).latencyMs()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(latest.get(1).ue()).isEqualTo("UE 7 session 1");
        assertThat(latest.get(2).outcome()).isEqualTo(RecentProcedures.Outcome.SUCCESS);
        assertThat(latest.get(0).outcome()).isEqualTo(RecentProcedures.Outcome.EVENT);
        assertThat(latest.get(0).latencyMs()).isNull();
    }

    @Test
    void whenARegistrationEndsBeforeItsComplete_thenItIsListedAsNotCompleted() {
        UeMetrics metrics = new UeMetrics(new SimpleMeterRegistry());
        metrics.registrationRequested(9);
        metrics.forgetRegistration(9);
        metrics.forgetRegistration(9); // the release of a UE with no registration running adds nothing
        assertThat(metrics.recent().latest(10)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(RecentProcedures.Outcome.NOT_COMPLETED));
    }

    @Test
    void whenMoreThanTheCapacityHappen_thenOnlyTheNewestAreKept() {
        UeMetrics metrics = new UeMetrics(new SimpleMeterRegistry());
        for (int i = 0; i < RecentProcedures.CAPACITY + 50; i++) {
            metrics.count("paging_" + i);
        }
        var all = metrics.recent().latest(Integer.MAX_VALUE);
        assertThat(all).hasSize(RecentProcedures.CAPACITY);
        assertThat(all.getFirst().procedure()).isEqualTo("paging_" + (RecentProcedures.CAPACITY + 49));
        assertThat(metrics.recent().latest(3)).hasSize(3);
    }
}
