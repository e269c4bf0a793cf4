package io.liquid5gc.proxy.n2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The UE state is written before anything of the same event reaches the RAN (write-ahead for failover between proxies). */
class HeldSendsTest {

    private final List<String> log = new ArrayList<>();

    @Test
    void whenAnEventSendsMessages_thenTheyLeaveAfterTheStateIsWrittenInTheirOrder() {
        String result = HeldSends.holding(() -> {
            HeldSends.sendOrHold(() -> log.add("send 1"));
            HeldSends.sendOrHold(() -> log.add("send 2"));
            log.add("work done");
            return "answer";
        }, r -> log.add("state written after " + r));
        assertThat(result).isEqualTo("answer");
        assertThat(log).containsExactly("work done", "state written after answer", "send 1", "send 2");
    }

    @Test
    void whenNotHolding_thenASendLeavesAtOnce() {
        HeldSends.sendOrHold(() -> log.add("send"));
        assertThat(log).containsExactly("send");
    }

    @Test
    void whenHoldsNest_thenTheInnerJoinsTheOuterSoNothingOvertakes() {
        HeldSends.holding(() -> {
            HeldSends.sendOrHold(() -> log.add("outer send"));
            HeldSends.holding(() -> {
                HeldSends.sendOrHold(() -> log.add("inner send"));
                return null;
            }, r -> log.add("inner state"));
            return null;
        }, r -> log.add("outer state"));
        assertThat(log).containsExactly("inner state", "outer state", "outer send", "inner send");
    }

    @Test
    void whenTheStateWriteFails_thenTheHeldMessagesStillLeave() {
        assertThatThrownBy(() -> HeldSends.holding(() -> {
            HeldSends.sendOrHold(() -> log.add("send"));
            return null;
        }, r -> {
            throw new IllegalStateException("store down");
        })).hasMessage("store down");
        assertThat(log).containsExactly("send");
    }
}
