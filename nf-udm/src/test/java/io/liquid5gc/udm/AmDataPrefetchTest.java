package io.liquid5gc.udm;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.testing.MovableClock;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.udm.AccessAndMobilitySubscriptionData;
import io.liquid5gc.sbi.udm.Ambr;
import io.liquid5gc.sbi.udm.Nssai;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmDataPrefetchTest {

    static final AccessAndMobilitySubscriptionData AM = new AccessAndMobilitySubscriptionData(List.of(), new Ambr("1 Gbps", "2 Gbps"),
            new Nssai(List.of(Snssai.of(1)), List.of(Snssai.of(1))));

    final MovableClock clock = new MovableClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void whenKeptThenTaken_thenServedOnceAndCounted() {
        AmDataPrefetch p = new AmDataPrefetch(Duration.ofSeconds(10), clock, meters);
        p.keep("imsi-001010000000001", AM);
        assertThat(p.take("imsi-001010000000001")).contains(AM);
        assertThat(p.take("imsi-001010000000001")).isEmpty();
        assertThat(p.take("imsi-001010000000002")).isEmpty();
        assertThat(meters.get("liquid5gc.udm.am.prefetch").tag("result", "hit").counter().count()).isEqualTo(1);
        assertThat(meters.get("liquid5gc.udm.am.prefetch").tag("result", "miss").counter().count()).isEqualTo(2);
    }

    @Test
    void whenTheEntryOutlivesItsTime_thenMissed() {
        AmDataPrefetch p = new AmDataPrefetch(Duration.ofSeconds(10), clock, meters);
        p.keep("imsi-001010000000001", AM);
        clock.advance(Duration.ofSeconds(10));
        assertThat(p.take("imsi-001010000000001")).isEmpty();
    }

    @Test
    void whenZero_thenDisabledAndNothingKept() {
        AmDataPrefetch p = new AmDataPrefetch(Duration.ZERO, clock, meters);
        assertThat(p.enabled()).isFalse();
        p.keep("imsi-001010000000001", AM);
        assertThat(p.take("imsi-001010000000001")).isEmpty();
    }

    @Test
    void whenFull_thenExpiredEntriesGoFirstAndNeverMoreThanTheBound() {
        AmDataPrefetch p = new AmDataPrefetch(Duration.ofSeconds(10), clock, meters);
        for (int i = 0; i < AmDataPrefetch.MAX_ENTRIES; i++) {
            p.keep("imsi-00101" + String.format("%010d", i), AM);
        }
        clock.advance(Duration.ofSeconds(5));
        p.keep("imsi-001019999999999", AM); // full, nothing expired: all go, this one stays
        assertThat(p.take("imsi-001010000000000")).isEmpty();
        assertThat(p.take("imsi-001019999999999")).contains(AM);
        // full of expired entries and one live one: the expired go, the live one stays
        AmDataPrefetch q = new AmDataPrefetch(Duration.ofSeconds(10), clock, meters);
        for (int i = 0; i < AmDataPrefetch.MAX_ENTRIES - 1; i++) {
            q.keep("imsi-00101" + String.format("%010d", i), AM);
        }
        clock.advance(Duration.ofSeconds(11));
        q.keep("imsi-001018888888888", AM);
        q.keep("imsi-001017777777777", AM);
        assertThat(q.take("imsi-001018888888888")).contains(AM);
        assertThat(q.take("imsi-001017777777777")).contains(AM);
        assertThat(q.take("imsi-001010000000001")).isEmpty();
    }
}
