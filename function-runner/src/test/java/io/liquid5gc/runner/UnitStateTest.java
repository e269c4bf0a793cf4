package io.liquid5gc.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runner.UnitState.Event;
import org.junit.jupiter.api.Test;

class UnitStateTest {

    @Test
    void whenAUnitLivesThroughAColdStartAndScaleToZero_thenTheTableLeadsBackToStopped() {
        UnitState s = UnitState.STOPPED.on(Event.REQUEST_WHILE_STOPPED);
        assertThat(s).isEqualTo(UnitState.STARTING);
        assertThat(s.on(Event.START_FAILED)).isEqualTo(UnitState.STOPPED);
        assertThat(s.on(Event.READY)).isEqualTo(UnitState.READY);
        assertThat(UnitState.READY.on(Event.IDLE)).isEqualTo(UnitState.STOPPED);
        assertThat(UnitState.READY.on(Event.EXITED)).isEqualTo(UnitState.STOPPED);
        for (UnitState any : UnitState.values()) {
            assertThat(any.on(Event.SHUTDOWN)).isEqualTo(UnitState.STOPPED);
        }
    }

    @Test
    void whenAnEventHasNoTransition_thenItIsABugNotASilentChange() {
        assertThatThrownBy(() -> UnitState.READY.on(Event.READY)).hasMessage("no transition from READY on READY");
        assertThatThrownBy(() -> UnitState.STOPPED.on(Event.IDLE)).isInstanceOf(IllegalStateException.class);
    }
}
